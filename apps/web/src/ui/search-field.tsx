import { useEffect, useId, useRef, useState } from 'react';
import { Search } from './icons.tsx';
import { useShortcut } from './shortcuts.ts';
import './search-field.css';

interface SearchFieldProps {
  label: string;
  /** The applied value (from the URL). */
  value: string;
  /** Applies a value: after `debounceMs` of no typing, or on Enter when there is no debounce. */
  onCommit: (value: string) => void;
  debounceMs?: number;
  placeholder?: string;
  inputMode?: 'email' | 'search' | 'text';
  /** Focus this field when "/" is pressed outside a text field. */
  slashShortcut?: boolean;
}

/** A labelled search box; keeps what is typed locally and commits it debounced or on Enter. */
export function SearchField({
  label,
  value,
  onCommit,
  debounceMs,
  placeholder,
  inputMode = 'search',
  slashShortcut = false,
}: SearchFieldProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;
  const commit = useRef((next: string) => {
    committed.current = next;
    onCommitRef.current(next);
  });

  // The URL changed under us (back button, "Clear filters"): show what is applied. Our own commits
  // are skipped so typing that continued meanwhile is kept.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (debounceMs === undefined || draft.trim() === value) return;
    const timer = setTimeout(() => commit.current(draft.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [draft, value, debounceMs]);

  useShortcut(
    slashShortcut
      ? {
          key: '/',
          description: `Go to ${label.toLowerCase()}`,
          run: () => {
            ref.current?.focus();
            ref.current?.select();
          },
        }
      : null,
  );

  return (
    // biome-ignore lint/a11y/useSemanticElements: <form role="search"> is announced everywhere; <search> is too new
    <form
      role="search"
      className="search-field"
      onSubmit={(event) => {
        event.preventDefault();
        commit.current(draft.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Search size={15} className="search-field-icon" />
      <input
        ref={ref}
        id={id}
        type="search"
        className="input"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder ?? label}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          // Clearing with the field's × or by deleting everything applies at once.
          if (event.target.value === '' && value !== '') commit.current('');
        }}
      />
      {slashShortcut ? (
        <span className="kbd search-field-kbd" aria-hidden="true">
          /
        </span>
      ) : null}
    </form>
  );
}

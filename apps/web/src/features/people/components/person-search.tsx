import { useEffect, useId, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Search } from '../../../ui/icons.tsx';

interface PersonSearchProps {
  email: string | undefined;
  onSearch: (email: string | undefined) => void;
}

/** The lookup box: one address, looked up on Enter or "Look up" (an empty box clears the page). */
export function PersonSearch({ email, onSearch }: PersonSearchProps) {
  const id = useId();
  const [text, setText] = useState(email ?? '');
  useEffect(() => setText(email ?? ''), [email]);
  return (
    <search className="person-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim() || undefined);
        }}
      >
        <label htmlFor={id}>Email address</label>
        <div className="person-search-row">
          <input
            id={id}
            className="input"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            placeholder="name@example.com"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit" variant="primary">
            <Search size={15} />
            Look up
          </Button>
        </div>
      </form>
    </search>
  );
}

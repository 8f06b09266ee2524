import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button.tsx';
import { Check, Copy } from './icons.tsx';

/** Copies text to the clipboard, falling back to a hidden textarea where the API is unavailable. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'value'> {
  value: string;
  /** The accessible and visible label, e.g. "Copy invitation link". */
  label: string;
}

/** A button that copies `value` and says "Copied" for a moment (announced politely). */
export function CopyButton({ value, label, size = 'sm', ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <>
      <Button
        size={size}
        {...props}
        onClick={async () => {
          await copyText(value);
          setCopied(true);
        }}
      >
        {copied ? <Check size={14} /> : <Copy size={14} />}
        {label}
      </Button>
      <span role="status" className="visually-hidden">
        {copied ? 'Copied to clipboard' : ''}
      </span>
    </>
  );
}

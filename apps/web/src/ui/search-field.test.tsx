import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SearchField } from './search-field.tsx';

function Harness({ onCommit }: { onCommit: (v: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <SearchField
      label="Search by email"
      value={value}
      debounceMs={50}
      slashShortcut
      onCommit={(v) => {
        onCommit(v);
        setValue(v);
      }}
    />
  );
}

describe('SearchField', () => {
  it('commits once typing pauses, not on every key', async () => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by email' }), 'ada');
    await vi.waitFor(() => expect(onCommit).toHaveBeenCalledWith('ada'));
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('focuses on "/"', async () => {
    render(<Harness onCommit={() => {}} />);
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search by email' }));
  });
});

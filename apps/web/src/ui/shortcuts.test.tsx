import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useShortcut } from './shortcuts.ts';
import { ShortcutsHelp } from './shortcuts-help.tsx';

function Counter({ shortcutKey = 'j' }: { shortcutKey?: string }) {
  const [count, setCount] = useState(0);
  useShortcut({ key: shortcutKey, description: 'Count up', run: () => setCount((n) => n + 1) });
  return (
    <>
      <output aria-label="Count">{count}</output>
      <input aria-label="Name" />
      <input type="checkbox" aria-label="Pick" />
    </>
  );
}

describe('keyboard shortcuts', () => {
  it('run outside fields and on checkboxes, never while typing', async () => {
    const user = userEvent.setup();
    render(<Counter />);
    await user.keyboard('j');
    expect(screen.getByRole('status', { name: 'Count' }).textContent).toBe('1');
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('j');
    expect(screen.getByRole('status', { name: 'Count' }).textContent).toBe('1');
    await user.click(screen.getByRole('checkbox', { name: 'Pick' }));
    await user.keyboard('j');
    expect(screen.getByRole('status', { name: 'Count' }).textContent).toBe('2');
    await user.keyboard('{Control>}j{/Control}');
    expect(screen.getByRole('status', { name: 'Count' }).textContent).toBe('2');
  });

  it('stop when their component unmounts', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Counter />);
    unmount();
    render(<output aria-label="Other">0</output>);
    await user.keyboard('j');
    expect(screen.getByRole('status', { name: 'Other' }).textContent).toBe('0');
  });

  it('"?" lists every shortcut of the page with what it does', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Counter shortcutKey="i" />
        <ShortcutsHelp />
      </>,
    );
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Count up');
    expect(dialog.textContent).toContain('Show keyboard shortcuts');
  });
});

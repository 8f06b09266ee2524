import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LazyDialogButton } from './lazy-dialog-button.tsx';

/** A selection of rows with the button over it; the dialog names what it was given. */
function Harness({ preload, initial }: { preload: () => Promise<unknown>; initial: string[] }) {
  const [selected, setSelected] = useState(initial);
  return (
    <>
      <button type="button" onClick={() => setSelected([])}>
        Clear selection
      </button>
      <LazyDialogButton
        preload={preload}
        take={() => selected}
        unavailable={selected.length === 0}
        dialog={(taken, close) => (
          <div role="dialog" aria-label="Act on the selection">
            {taken.join(', ')}
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        )}
      >
        Act on {selected.length}
      </LazyDialogButton>
    </>
  );
}

describe('LazyDialogButton', () => {
  it('loads the dialog on hover, opens it with what was selected at the click, and closes', async () => {
    const user = userEvent.setup();
    const preload = vi.fn(() => Promise.resolve());
    render(<Harness preload={preload} initial={['a@x.example', 'b@x.example']} />);
    await user.hover(screen.getByRole('button', { name: 'Act on 2' }));
    expect(preload).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Act on 2' }));
    expect(screen.getByRole('dialog', { name: 'Act on the selection' }).textContent).toContain(
      'a@x.example, b@x.example',
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps an open dialog and what it was given when the selection empties, and shows no button after', async () => {
    const user = userEvent.setup();
    render(<Harness preload={() => Promise.resolve()} initial={['a@x.example']} />);
    await user.click(screen.getByRole('button', { name: 'Act on 1' }));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByRole('dialog').textContent).toContain('a@x.example');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('button', { name: /^Act on/ })).toBeNull();
  });
});

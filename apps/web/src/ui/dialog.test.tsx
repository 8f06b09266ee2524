import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

function Steps() {
  const [done, setDone] = useState(false);
  return (
    <Dialog
      open
      onRequestClose={() => {}}
      title="Send"
      footer={
        done ? (
          <Button key="finish">Finish</Button>
        ) : (
          <Button key="send" onClick={() => setDone(true)}>
            Send now
          </Button>
        )
      }
    >
      {done ? <a href="#copy">Copy the link</a> : <input aria-label="Address" data-autofocus />}
    </Dialog>
  );
}

// The focus handling loads with the first dialog; loaded here first, it is there as the dialog opens.
beforeAll(async () => {
  await import('./dialog-focus.ts');
});

describe('Dialog', () => {
  it('moves focus to the new first control when the one that had it goes away', async () => {
    const user = userEvent.setup();
    render(<Steps />);
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Copy the link' })),
    );
  });

  it('gives focus back to the control that opened it without scrolling the view under it', async () => {
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Button onClick={() => setOpen(true)}>Open</Button>
          <Dialog open={open} onRequestClose={() => setOpen(false)} title="Details">
            <p>Body</p>
          </Dialog>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await act(async () => {});
    const focus = vi.spyOn(opener, 'focus');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(focus.mock.calls.every(([options]) => options?.preventScroll === true)).toBe(true);
  });

  it('keeps Tab and Shift+Tab inside', async () => {
    const user = userEvent.setup();
    render(<Steps />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Address' }));
    await act(async () => {});
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send now' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send now' }));
  });
});

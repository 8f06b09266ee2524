import { useSyncExternalStore } from 'react';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { shortcutList } from './shortcuts.ts';
import './shortcuts-dialog.css';

/** Every keyboard shortcut the page offers now, one per key (the one that would run). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const list = useSyncExternalStore(shortcutList.subscribe, shortcutList.get);
  const byKey = new Map(list.map((s) => [s.key, s]));
  return (
    <Dialog
      open
      size="sm"
      onRequestClose={onClose}
      title="Keyboard shortcuts"
      description="They work when you are not typing in a field."
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <dl className="shortcut-list">
        {[...byKey.values()].map((s) => (
          <div key={s.key}>
            <dt>
              {s.key.split(' ').map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}

import { describe, expect, it } from 'vitest';
import { createActivityChanges } from './activity-changes.ts';

const any = () => true;

describe('activity changes', () => {
  it('answers a waiter when a change it may see happens, and not for one it may not', async () => {
    const changes = createActivityChanges();
    const start = changes.version();
    const onlyA = changes.wait(start, (id) => id === 'org_a', 1_000);
    let settled = false;
    void onlyA.then(() => {
      settled = true;
    });
    changes.publish(['org_b']);
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    changes.publish(['org_a']);
    expect(await onlyA).toEqual({ version: start + 2, changed: true });
  });

  it('answers at once for a change made before the wait, and after the time limit for none', async () => {
    const changes = createActivityChanges();
    changes.publish([null]);
    expect(await changes.wait(0, any, 1_000)).toEqual({ version: 1, changed: true });
    expect(await changes.wait(1, any, 20)).toEqual({ version: 1, changed: false });
  });

  it('treats a version from before a restart as changed, and ends a wait when the page goes', async () => {
    const changes = createActivityChanges();
    expect(await changes.wait(57, any, 1_000)).toEqual({ version: 0, changed: true });
    const controller = new AbortController();
    const waiting = changes.wait(0, any, 10_000, controller.signal);
    controller.abort();
    expect(await waiting).toEqual({ version: 0, changed: false });
  });
});

import { describe, expect, it } from 'vitest';
import { toastBottom } from './toast-placement.ts';

const VIEWPORT = 800;
// A desktop toast stack at the bottom right, 80 px tall.
const TOAST = { left: 900, right: 1280, height: 80 };
const pagination = (top: number, left = 0, right = 1296) => ({ top, bottom: top + 48, left, right });

describe('toastBottom', () => {
  it('keeps the usual place when nothing is under it', () => {
    expect(toastBottom(VIEWPORT, TOAST, [])).toBe(16);
    expect(toastBottom(VIEWPORT, TOAST, [pagination(300)])).toBe(16);
    // Pagination below the fold, or beside the toasts.
    expect(toastBottom(VIEWPORT, TOAST, [pagination(900)])).toBe(16);
    expect(toastBottom(VIEWPORT, TOAST, [pagination(720, 0, 880)])).toBe(16);
  });

  it('lifts the toasts just above pagination controls they would cover', () => {
    // Pagination at 720–768: the toasts end 8 px above its top.
    expect(toastBottom(VIEWPORT, TOAST, [pagination(720)])).toBe(VIEWPORT - 720 + 8);
    // Partly scrolled off the bottom, still covered at its top edge.
    expect(toastBottom(VIEWPORT, TOAST, [pagination(780)])).toBe(VIEWPORT - 780 + 8);
  });

  it('puts them just below the controls when there is no room above', () => {
    const phone = { left: 16, right: 359, height: 300 };
    expect(toastBottom(400, phone, [{ top: 40, bottom: 88, left: 0, right: 375 }])).toBe(400 - 88 - 8 - 300);
  });
});

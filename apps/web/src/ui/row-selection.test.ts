import { describe, expect, it } from 'vitest';
import { RowSelection, type SelectionEntry } from './row-selection.tsx';

const page = (from: number, to: number): SelectionEntry<string>[] =>
  Array.from({ length: to - from }, (_, i) => [`id${from + i}`, `row ${from + i}`] as const);

describe('RowSelection', () => {
  it('keeps rows selected on other pages, with their values', () => {
    const selection = new RowSelection<string>();
    selection.setPage(page(0, 25));
    selection.set(page(0, 2), true);
    selection.setPage(page(25, 50));
    selection.set(page(30, 31), true);
    expect(selection.size).toBe(3);
    expect(selection.values()).toEqual(['row 0', 'row 1', 'row 30']);
    expect(selection.offPageCount()).toBe(2);
    expect(selection.has('id0')).toBe(true);
    expect(selection.pageSelected()).toBe(false);
  });

  it('selects all matching rows, and keeps the ones unticked since as exceptions', () => {
    const selection = new RowSelection<string>();
    selection.setPage(page(0, 3));
    selection.set(page(0, 3), true);
    expect(selection.pageSelected()).toBe(true);
    selection.selectAllMatching(276);
    expect(selection.size).toBe(276);
    expect(selection.allMatching).toEqual({ total: 276, except: [] });
    expect(selection.has('id-on-another-page')).toBe(true);
    selection.set([['id1', 'row 1']], false);
    expect(selection.allMatching).toEqual({ total: 276, except: ['row 1'] });
    expect(selection.size).toBe(275);
    expect(selection.has('id1')).toBe(false);
    expect(selection.pageSelected()).toBe(false);
    selection.set([['id1', 'row 1']], true);
    expect(selection.size).toBe(276);
    selection.clear();
    expect(selection.allMatching).toBeNull();
    expect(selection.size).toBe(0);
  });

  it('tells subscribers about every change, and nothing when nothing changed', () => {
    const selection = new RowSelection<string>();
    let calls = 0;
    selection.subscribe(() => {
      calls += 1;
    });
    selection.set(page(0, 1), true);
    selection.set(page(0, 1), true);
    selection.clear();
    selection.clear();
    expect(calls).toBe(2);
    expect(selection.size).toBe(0);
  });
});

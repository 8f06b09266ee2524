import { afterEach, describe, expect, it } from 'vitest';
import { attachTableKeyboard } from './table-keyboard.ts';

function table(rows: string[]): HTMLElement {
  const box = document.createElement('section');
  box.innerHTML = `<table><tbody>${rows.map((cells, i) => `<tr data-index="${i}">${cells}</tr>`).join('')}</tbody></table>`;
  document.body.append(box);
  return box;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('attachTableKeyboard tab stops', () => {
  it('makes one control of the first row that has any the Tab stop, and the box none', () => {
    const box = table([
      '<td>plain text</td>',
      '<td><a href="/a">a</a><button>b</button></td>',
      '<td><a href="/c">c</a></td>',
    ]);
    box.tabIndex = 0;
    const detach = attachTableKeyboard(box);
    const tabbable = [...box.querySelectorAll<HTMLElement>('a, button')].filter((el) => el.tabIndex === 0);
    expect(tabbable.map((el) => el.textContent)).toEqual(['a']);
    expect(box.hasAttribute('tabindex')).toBe(false);
    detach();
  });

  it('makes the scroll box the Tab stop when no drawn row has a control', () => {
    const box = table(['<td>one</td>', '<td>two</td>']);
    const detach = attachTableKeyboard(box);
    expect(box.tabIndex).toBe(0);
    detach();
  });

  it('keeps focus on the row when a render removes the focused control', async () => {
    const box = table(['<td><a href="/a">a</a><button>Revoke</button></td>', '<td><a href="/b">b</a></td>']);
    const detach = attachTableKeyboard(box);
    const revoke = box.querySelector('button') as HTMLButtonElement;
    revoke.focus();
    revoke.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement?.textContent).toBe('a');
    detach();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { sessionDraft } from './session-draft.ts';

interface Note {
  text: string;
}
const notes = sessionDraft<Note>({
  name: 'note-draft',
  read: (stored) => ({ text: typeof stored.text === 'string' ? stored.text : '' }),
  isBlank: (note) => note.text.trim() === '',
});

describe('sessionDraft', () => {
  it('keeps a draft per organization under its own key', () => {
    notes.save('org_1', { text: 'hello' });
    expect(sessionStorage.getItem('note-draft:org_1')).toBe('{"text":"hello"}');
    expect(notes.load('org_1')).toEqual({ text: 'hello' });
    expect(notes.load('org_2')).toBeNull();
  });

  it('stores nothing for a blank draft, removes one that became blank, and clears on demand', () => {
    notes.save('org_1', { text: '  ' });
    expect(sessionStorage.length).toBe(0);
    notes.save('org_1', { text: 'x' });
    notes.save('org_1', { text: '' });
    expect(notes.load('org_1')).toBeNull();
    notes.save('org_1', { text: 'x' });
    notes.clear('org_1');
    expect(notes.load('org_1')).toBeNull();
  });

  it('reads stored values through `read` and treats anything unreadable as no draft', () => {
    sessionStorage.setItem('note-draft:org_1', JSON.stringify({ text: 42 }));
    expect(notes.load('org_1')).toEqual({ text: '' });
    for (const junk of ['{not json', '[1,2]', 'null', '"text"']) {
      sessionStorage.setItem('note-draft:org_1', junk);
      expect(notes.load('org_1')).toBeNull();
    }
  });

  it('survives storage that throws (private mode, quota)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => notes.save('org_1', { text: 'x' })).not.toThrow();
    expect(notes.load('org_1')).toBeNull();
  });
});

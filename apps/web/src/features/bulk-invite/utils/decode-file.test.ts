import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode-file.ts';

const utf16 = (text: string, bigEndian = false) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes.set(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8], 2 + i * 2);
  }
  return bytes;
};

describe('decodeFile', () => {
  it('reads UTF-8 and drops Excel’s byte order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFName,Email\r\nZoë,zoë@bücher.example\r\n');
    expect(decodeFile(bytes)).toBe('Name,Email\r\nZoë,zoë@bücher.example\r\n');
  });

  it('reads UTF-16 with a byte order mark, either byte order', () => {
    expect(decodeFile(utf16('Email\tRole\r\nada@x.example\tAdmin'))).toBe(
      'Email\tRole\r\nada@x.example\tAdmin',
    );
    expect(decodeFile(utf16('Email\nzoë@x.example', true))).toBe('Email\nzoë@x.example');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb, 0x3b, 0x7a, 0x40, 0x78, 0x2e, 0x69, 0x6f]);
    expect(decodeFile(bytes)).toBe('Zoë;z@x.io');
  });
});

import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { decodeCp437, decodeMemberName, memberPath } from './member-name.ts';
import { ZipError } from './zip-error.ts';

const UNIX = 3;
const DOS = 0;
const NTFS = 11;

describe('decodeMemberName', () => {
  it('reads UTF-8 names, flagged or not (macOS writes them without the flag)', () => {
    const raw = new TextEncoder().encode('Ünïcødé/日本.txt');
    expect(decodeMemberName(raw, true)).toBe('Ünïcødé/日本.txt');
    expect(decodeMemberName(raw, false)).toBe('Ünïcødé/日本.txt');
  });

  it('reads unflagged bytes that are not UTF-8 as CP437', () => {
    expect(decodeMemberName(Uint8Array.of(0x63, 0x61, 0x66, 0x82, 0x2e, 0x74, 0x78, 0x74), false)).toBe('café.txt');
  });

  it('refuses a name flagged UTF-8 that is not', () => {
    expect(() => decodeMemberName(Uint8Array.of(0x61, 0xff), true)).toThrow(ZipError);
  });

  it('prefers a Unicode Path extra field that matches the raw name, and ignores a stale one', () => {
    const raw = Uint8Array.of(0x63, 0x61, 0x66, 0x82);
    const field = (crc: number) => {
      const name = new TextEncoder().encode('café-unicode');
      const view = new DataView(new ArrayBuffer(5 + name.length));
      view.setUint8(0, 1);
      view.setUint32(1, crc, true);
      new Uint8Array(view.buffer).set(name, 5);
      return view;
    };
    expect(decodeMemberName(raw, false, field(crc32(raw)))).toBe('café-unicode');
    expect(decodeMemberName(raw, false, field(crc32(raw) ^ 1))).toBe('café');
  });
});

describe('decodeCp437', () => {
  it('maps all 256 bytes to one character each, ASCII below 0x80', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeCp437(all);
    expect([...text]).toHaveLength(256);
    expect(text.slice(0x20, 0x7f)).toBe(String.fromCharCode(...all.slice(0x20, 0x7f)));
    expect(text[0x80]).toBe('Ç');
    expect(text[0xe1]).toBe('ß');
    expect(text[0xff]).toBe('\u00a0');
  });
});

describe('memberPath', () => {
  it('gives files and directories (a trailing slash) their site paths', () => {
    expect(memberPath('css/site.css', UNIX)).toEqual({ path: 'css/site.css', isDirectory: false });
    expect(memberPath('empty/', UNIX)).toEqual({ path: 'empty', isDirectory: true });
  });

  it('drops "." and empty segments, and has no path for the root itself', () => {
    expect(memberPath('./a//b.txt', UNIX)).toEqual({ path: 'a/b.txt', isDirectory: false });
    expect(memberPath('./', UNIX)).toBeUndefined();
  });

  it('reads a backslash as a separator only in archives made on DOS or Windows', () => {
    expect(memberPath('docs\\a.txt', DOS)).toEqual({ path: 'docs/a.txt', isDirectory: false });
    expect(memberPath('docs\\sub\\', NTFS)).toEqual({ path: 'docs/sub', isDirectory: true });
    expect(memberPath('docs\\a.txt', UNIX)).toEqual({ path: 'docs\\a.txt', isDirectory: false });
  });

  it.each([
    ['/etc/passwd', UNIX, 'absolute path'],
    ['\\windows\\x.txt', DOS, 'absolute path'],
    ['C:\\x.txt', NTFS, 'absolute path'],
    ['../outside.txt', UNIX, 'leads out of the archive'],
    ['a/../../b', UNIX, 'leads out of the archive'],
    ['a\\..\\b', DOS, 'leads out of the archive'],
  ])('refuses %s (made by host %d)', (name, host, problem) => {
    expect(() => memberPath(name, host)).toThrow(problem);
    try {
      memberPath(name, host);
    } catch (error) {
      expect((error as ZipError).member).toBe(name);
    }
  });
});

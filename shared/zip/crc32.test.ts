import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Crc32, crc32 } from './crc32.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes', () => {
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('agrees with zlib on every byte value', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });

  it('gives the same checksum fed in chunks as in one piece', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    const chunked = new Crc32();
    for (let at = 0; at < bytes.length; at += 77) chunked.update(bytes.subarray(at, at + 77));
    expect(chunked.digest()).toBe(crc32(bytes));
  });
});

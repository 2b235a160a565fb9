import { describe, expect, it } from 'vitest';
import { directoryRecordAt, makeZip } from '../../e2e/zip-fixtures.ts';
import { readCentralDirectory } from './central-directory.ts';
import { ZipError } from './zip-error.ts';

const blob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);

/** A copy of `bytes` with every occurrence of `from` (ASCII) replaced by the same-length `to`. */
function replaceBytes(bytes: Uint8Array<ArrayBuffer>, from: string, to: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = bytes.slice();
  const needle = Buffer.from(from);
  for (let at = Buffer.from(copy).indexOf(needle); at !== -1; at = Buffer.from(copy).indexOf(needle, at + 1)) copy.set(to, at);
  return copy;
}

async function zipError(bytes: Uint8Array<ArrayBuffer>, maxMembers?: number): Promise<ZipError> {
  const error = await readCentralDirectory(blob(bytes), maxMembers).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ZipError);
  return error as ZipError;
}

describe('readCentralDirectory', () => {
  it('lists every member with its method, sizes, checksum and local time', async () => {
    const bytes = makeZip([
      { name: 'site/' },
      { name: 'site/index.html', data: '<h1>hi</h1>'.repeat(50), method: 'deflate', date: [2023, 2, 28, 8, 5, 44] },
      { name: 'site/raw.bin', data: Uint8Array.of(1, 2, 3), method: 'store' },
    ]);
    const { members } = await readCentralDirectory(blob(bytes));
    expect(members.map((m) => [m.name, m.method, m.size])).toEqual([
      ['site/', 0, 0],
      ['site/index.html', 8, 550],
      ['site/raw.bin', 0, 3],
    ]);
    expect(members[1]!.compressedSize).toBeLessThan(550);
    expect(members[2]!.compressedSize).toBe(3);
    expect(members[2]!.crc32).toBe(0x55bc801d); // zlib.crc32([1, 2, 3])
    expect(members[1]!.lastModified).toBe(new Date(2023, 1, 28, 8, 5, 44).getTime());
    expect(members[0]!.offset).toBe(0);
  });

  it('reads UTF-8 names (flagged by Python) and CP437 names (no flag)', async () => {
    const utf8 = await readCentralDirectory(blob(makeZip([{ name: 'Über/日本語.txt', data: 'x' }])));
    expect(utf8.members.map((m) => m.name)).toEqual(['Über/日本語.txt']);
    // Python writes ASCII names without the flag; a CP437 é (0x82) put in place of the marker.
    const cp437 = replaceBytes(makeZip([{ name: 'cafQ.txt', data: 'x' }]), 'Q', Uint8Array.of(0x82));
    expect((await readCentralDirectory(blob(cp437))).members.map((m) => m.name)).toEqual(['café.txt']);
  });

  it('finds the end record behind an archive comment', async () => {
    const { members } = await readCentralDirectory(blob(makeZip([{ name: 'a.txt', data: 'a' }], { comment: 'PK\x05\x06 made by a test' })));
    expect(members.map((m) => m.name)).toEqual(['a.txt']);
  });

  it('follows ZIP64 end records and extra fields', async () => {
    const bytes = makeZip([{ name: 'a.txt', data: 'alpha' }, { name: 'b/', }, { name: 'b/c.txt', data: 'gamma!', method: 'store' }], { zip64: true });
    expect(Buffer.from(bytes).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // a ZIP64 end record is there
    const { members } = await readCentralDirectory(blob(bytes));
    expect(members.map((m) => [m.name, m.size, m.compressedSize])).toEqual([
      ['a.txt', 5, expect.any(Number)],
      ['b/', 0, 0],
      ['b/c.txt', 6, 6],
    ]);
    expect(members[2]!.offset).toBeGreaterThan(members[0]!.offset);
  });

  it('reads an empty archive as no members', async () => {
    expect((await readCentralDirectory(blob(makeZip([])))).members).toEqual([]);
  });

  it('refuses what is not a zip, and an archive cut short', async () => {
    expect((await zipError(new TextEncoder().encode('<html>not a zip</html>'))).message).toMatch(/not a zip archive, or it is cut short/);
    const bytes = makeZip([{ name: 'a.txt', data: 'a'.repeat(1000) }]);
    expect((await zipError(bytes.slice(0, bytes.length - 10))).message).toMatch(/not a zip archive, or it is cut short/);
  });

  it('refuses a directory that says it has more members than it holds', async () => {
    const bytes = makeZip([{ name: 'a.txt', data: 'a' }]);
    const view = new DataView(bytes.buffer);
    view.setUint16(bytes.length - 22 + 10, 2, true);
    view.setUint16(bytes.length - 22 + 8, 2, true);
    expect((await zipError(bytes)).message).toMatch(/table of contents ends after 1 of 2 members/);
  });

  it('counts members against the limit before reading the directory', async () => {
    const bytes = makeZip([{ name: 'a', data: '' }, { name: 'b', data: '' }, { name: 'c', data: '' }]);
    expect((await zipError(bytes, 2)).message).toBe('has 3 members, more than the limit of 2');
    expect((await readCentralDirectory(blob(bytes), 3)).members).toHaveLength(3);
  });

  it('refuses members that share their data, as an overlapping zip bomb does', async () => {
    const bytes = makeZip([{ name: 'a.txt', data: 'aaaa' }, { name: 'b.txt', data: 'bbbb' }]);
    // Point b.txt's directory record at a.txt's local header.
    new DataView(bytes.buffer).setUint32(directoryRecordAt(bytes, 1) + 42, 0, true);
    const error = await zipError(bytes);
    expect(error.message).toMatch(/share their data, as in a zip bomb/);
  });
});

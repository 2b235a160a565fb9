import { describe, expect, it } from 'vitest';
import { directoryRecordAt, makeZip, type ZipMemberSpec } from '../../e2e/zip-fixtures.ts';
import { ImportError } from '../vfs/import-error.ts';
import { readCentralDirectory, type ZipMember } from './central-directory.ts';
import { checkCanUnpack, ZipMemberSource } from './member-source.ts';

/** Text that deflates but not to nothing: numbered lines. */
const TEXT = Array.from({ length: 2000 }, (_, i) => `line ${i} of the page\n`).join('');

async function sources(bytes: Uint8Array<ArrayBuffer>): Promise<ZipMemberSource[]> {
  const archive = new Blob([bytes]);
  const { members } = await readCentralDirectory(archive);
  return members.map((member) => new ZipMemberSource(archive, 'site.zip', member));
}

async function failure(source: ZipMemberSource, signal?: AbortSignal): Promise<ImportError> {
  const error = await source.blob(signal).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const text = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('ZipMemberSource', () => {
  it('unpacks stored and deflated members to their exact bytes, with their size and time', async () => {
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24);
    const specs: ZipMemberSpec[] = [
      { name: 'index.html', data: TEXT, method: 'deflate', date: [2022, 7, 1, 9, 30, 0] },
      { name: 'raw.bin', data: binary, method: 'store' },
      { name: 'packed.bin', data: binary, method: 'deflate' },
      { name: 'empty.txt', data: '', method: 'deflate' },
    ];
    const [html, raw, packed, empty] = await sources(makeZip(specs));
    expect(html!.size).toBe(TEXT.length);
    expect(html!.lastModified).toBe(new Date(2022, 6, 1, 9, 30, 0).getTime());
    expect(await text(await html!.blob())).toBe(TEXT);
    expect(new Uint8Array(await (await raw!.blob()).arrayBuffer())).toEqual(binary);
    expect(new Uint8Array(await (await packed!.blob()).arrayBuffer())).toEqual(binary);
    expect((await empty!.blob()).size).toBe(0);
  });

  it('unpacks the same member again, as a retried batch would', async () => {
    const [source] = await sources(makeZip([{ name: 'a.txt', data: TEXT }]));
    expect(await text(await source!.blob())).toBe(TEXT);
    expect(await text(await source!.blob())).toBe(TEXT);
  });

  it('refuses a stored member whose bytes changed: the checksum names it', async () => {
    const bytes = makeZip([{ name: 'css/site.css', data: 'body { color: red }', method: 'store' }]);
    bytes[Buffer.from(bytes).indexOf('red')] ^= 0x20; // "Red": same length, another CRC-32
    const error = await failure((await sources(bytes))[0]!);
    expect(error.reason).toBe('invalid');
    expect(error.message).toBe(
      'The archive “site.zip” is damaged: “css/site.css” does not match its checksum (CRC-32): its data is corrupt — nothing was changed.',
    );
    expect(error.path).toBe('css/site.css');
  });

  it('refuses a deflated member whose bytes changed', async () => {
    const bytes = makeZip([{ name: 'index.html', data: TEXT }]);
    bytes[30 + 'index.html'.length + 40] ^= 0xff; // a byte of the deflated data
    const error = await failure((await sources(bytes))[0]!);
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/^The archive “site\.zip” is damaged: “index\.html” (does not match its checksum|unpacks to|cannot be unpacked)/);
  });

  it('stops a member that unpacks to more than its header declares', async () => {
    const bytes = makeZip([{ name: 'big.txt', data: TEXT }]);
    const record = directoryRecordAt(bytes, 0);
    new DataView(bytes.buffer).setUint32(record + 24, 100, true); // declared uncompressed size
    const [source] = await sources(bytes);
    expect(source!.size).toBe(100);
    expect((await failure(source!)).message).toMatch(/“big\.txt” unpacks to more than the 100 bytes its header declares/);
  });

  it('refuses a member that unpacks to less than its header declares', async () => {
    const bytes = makeZip([{ name: 'short.txt', data: 'abc', method: 'store' }]);
    const record = directoryRecordAt(bytes, 0);
    new DataView(bytes.buffer).setUint32(record + 24, 4, true);
    expect((await failure((await sources(bytes))[0]!)).message).toMatch(/“short\.txt” unpacks to 3 bytes, not the 4 its header declares/);
  });

  it('refuses a member whose local header is not where the directory says', async () => {
    const bytes = makeZip([{ name: 'a.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]);
    const secondHeader = Buffer.from(bytes).indexOf('PK\x03\x04', 1, 'latin1');
    bytes.fill(0, secondHeader, secondHeader + 4); // its signature
    expect((await failure((await sources(bytes))[1]!)).message).toMatch(/“b\.txt” is not where its table of contents says/);
  });

  it('stops unpacking when the import is cancelled', async () => {
    const [source] = await sources(makeZip([{ name: 'zeros.bin', data: { zeros: 40_000_000 } }]));
    const abort = new AbortController();
    const unpacking = failure(source!, abort.signal);
    setTimeout(() => abort.abort(), 5);
    const error = await unpacking;
    expect(error.reason).toBe('cancelled');
  });
});

describe('checkCanUnpack', () => {
  const member = (change: Partial<ZipMember>): ZipMember => ({
    name: 'secret.txt', madeBy: 3, flags: 0, method: 8, crc32: 0, compressedSize: 1, size: 1, offset: 0, lastModified: 0, ...change,
  });

  it('accepts stored and deflated members', () => {
    expect(() => checkCanUnpack(member({ method: 0 }))).not.toThrow();
    expect(() => checkCanUnpack(member({ method: 8 }))).not.toThrow();
  });

  it('refuses encrypted members and other methods, naming the member', () => {
    expect(() => checkCanUnpack(member({ flags: 1 }))).toThrow('has an encrypted member (“secret.txt”)');
    expect(() => checkCanUnpack(member({ method: 99 }))).toThrow('has an encrypted member (“secret.txt”)');
    expect(() => checkCanUnpack(member({ method: 12 }))).toThrow('compressed with bzip2 (“secret.txt”)');
    expect(() => checkCanUnpack(member({ method: 77 }))).toThrow('compressed with method 77 (“secret.txt”)');
  });
});

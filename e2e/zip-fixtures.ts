/**
 * Zip archives made at test time by Python's `zipfile` — a real archiver, not our own reader's
 * mirror image — for the unit tests of shared/zip and the zip e2e tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ZipMemberSpec {
  /** As stored; a name ending in `/` is a directory. */
  readonly name: string;
  /** The member's bytes: text (UTF-8), bytes, or this many zero bytes. */
  readonly data?: string | Uint8Array | { readonly zeros: number };
  /** A file on disk to store. */
  readonly source?: string;
  /** Deflate (the default) or stored. */
  readonly method?: 'deflate' | 'store';
  /** Local date and time: year, month, day, hour, minute, second. */
  readonly date?: readonly [number, number, number, number, number, number];
}

export interface ZipOptions {
  /** ZIP64 records everywhere (end record and every member), as an archiver writes past 4 GiB. */
  readonly zip64?: boolean;
  readonly comment?: string;
}

const SCRIPT = `
import base64, json, sys, zipfile
spec = json.load(sys.stdin)
if spec['zip64']:
    zipfile.ZIP64_LIMIT = 0
    zipfile.ZIP_FILECOUNT_LIMIT = 0
with zipfile.ZipFile(spec['out'], 'w') as archive:
    for m in spec['members']:
        info = zipfile.ZipInfo(m['name'], date_time=tuple(m['date']))
        info.compress_type = zipfile.ZIP_DEFLATED if m['method'] == 'deflate' else zipfile.ZIP_STORED
        if m['name'].endswith('/'):
            info.external_attr = 0o40755 << 16 | 0x10
            info.compress_type = zipfile.ZIP_STORED
            info.CRC = info.compress_size = info.file_size = 0
            archive.mkdir(info)
        elif 'source' in m:
            info.external_attr = 0o644 << 16
            with open(m['source'], 'rb') as f, archive.open(info, 'w', force_zip64=spec['zip64']) as out:
                while chunk := f.read(1 << 20):
                    out.write(chunk)
        else:
            info.external_attr = 0o644 << 16
            data = bytes(m['zeros']) if 'zeros' in m else base64.b64decode(m['b64'])
            with archive.open(info, 'w', force_zip64=spec['zip64']) as out:
                out.write(data)
    archive.comment = spec['comment'].encode()
`;

/** Writes the archive to `out` (a path). */
export function writeZip(out: string, members: readonly ZipMemberSpec[], options: ZipOptions = {}): void {
  const spec = {
    out,
    zip64: options.zip64 ?? false,
    comment: options.comment ?? '',
    members: members.map(({ name, data, source, method = 'deflate', date = [2024, 5, 17, 13, 45, 30] }) => ({
      name,
      method,
      date,
      ...(source !== undefined ? { source } : {}),
      ...(data !== undefined && typeof data === 'object' && 'zeros' in data ? { zeros: data.zeros } : {}),
      ...(typeof data === 'string' || data instanceof Uint8Array ? { b64: Buffer.from(data).toString('base64') } : {}),
    })),
  };
  execFileSync('python3', ['-c', SCRIPT], { input: JSON.stringify(spec) });
}

/** The archive's bytes. */
export function makeZip(members: readonly ZipMemberSpec[], options: ZipOptions = {}): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dropserve-zip-'));
  try {
    const out = path.join(dir, 'archive.zip');
    writeZip(out, members, options);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Where member `index`'s central-directory record starts in `bytes` (a classic, non-ZIP64
 * archive without a comment), to make archives that lie.
 */
export function directoryRecordAt(bytes: Uint8Array, index: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = view.getUint32(bytes.length - 22 + 16, true);
  for (let i = 0; i < index; i++) at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  return at;
}

/** Every file and directory below `dir` as members under `prefix` (e.g. `site/`), directories first in each. */
export function folderMembers(dir: string, prefix = ''): ZipMemberSpec[] {
  const members: ZipMemberSpec[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) members.push({ name: `${name}/` }, ...folderMembers(path.join(dir, entry.name), `${name}/`));
    else members.push({ name, source: path.join(dir, entry.name) });
  }
  return members;
}

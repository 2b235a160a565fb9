/**
 * Reads a zip archive's table of contents — its central directory — from a `Blob` without reading
 * the members: the end record is found in the archive's last 64 KiB, then the directory is read in
 * one slice. ZIP64 end records and extra fields are followed, so archives past 4 GiB or 65,535
 * members read as any other.
 */
import { dosDateTimeToMs, extendedTimestampMs } from './dos-time.ts';
import { decodeMemberName } from './member-name.ts';
import { ZipError } from './zip-error.ts';

/** One central-directory record, as stored (the name decoded, not yet made a site path). */
export interface ZipMember {
  readonly name: string;
  /** The host system that wrote it (the high byte of "version made by"): 0 DOS, 3 Unix, 11 NTFS… */
  readonly madeBy: number;
  /** General-purpose flags: bit 0 encrypted, bit 11 UTF-8 name. */
  readonly flags: number;
  /** Compression method: 0 stored, 8 deflate. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Uncompressed size, as declared. */
  readonly size: number;
  /** Where the member's local header starts. */
  readonly offset: number;
  readonly lastModified: number;
}

export interface CentralDirectory {
  readonly members: readonly ZipMember[];
  /** Where the central directory starts: every member's data ends before it. */
  readonly offset: number;
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const MEMBER_SIGNATURE = 0x02014b50;
const END_LENGTH = 22;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_END_LENGTH = 56;
const MEMBER_LENGTH = 46;
/** The fixed part of a member's local header, before its name and extra field. */
export const LOCAL_HEADER_LENGTH = 30;
const MAX_COMMENT = 0xffff;

const EXTRA_ZIP64 = 0x0001;
const EXTRA_TIMESTAMP = 0x5455;
const EXTRA_UNICODE_PATH = 0x7075;

/** Where the central directory is and how many members it lists, from the end records. */
interface DirectoryLocation {
  readonly count: number;
  readonly size: number;
  readonly offset: number;
  /** Where the end records start: the directory must end before. */
  readonly end: number;
}

/**
 * The archive's members, in directory order. `maxMembers` is checked before the directory is
 * read, so a directory claiming millions of members costs nothing. Throws a `ZipError`.
 */
export async function readCentralDirectory(archive: Blob, maxMembers = Infinity): Promise<CentralDirectory> {
  const location = await locateDirectory(archive);
  if (location.count > maxMembers) {
    throw new ZipError(`has ${location.count.toLocaleString('en')} members, more than the limit of ${maxMembers.toLocaleString('en')}`);
  }
  if (location.offset + location.size > location.end) throw damaged('its table of contents lies past its end');
  const view = await bytesAt(archive, location.offset, location.size);
  const members: ZipMember[] = [];
  let at = 0;
  while (members.length < location.count) {
    if (at + MEMBER_LENGTH > view.byteLength || view.getUint32(at, true) !== MEMBER_SIGNATURE) {
      throw damaged(`its table of contents ends after ${members.length} of ${location.count} members`);
    }
    const member = readMember(view, at);
    if (member.record.offset + member.record.compressedSize > location.offset) {
      throw damaged(`the data of “${member.record.name}” lies past its end`, member.record.name);
    }
    members.push(member.record);
    at += member.length;
  }
  checkNoOverlap(members);
  return { members, offset: location.offset };
}

/**
 * Members' data never overlap in an archive a tool wrote; a bomb makes many directory records
 * point at the same compressed bytes, so that a small file unpacks to terabytes.
 */
function checkNoOverlap(members: readonly ZipMember[]): void {
  const byOffset = [...members].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    if (byOffset[i]!.offset < previous.offset + LOCAL_HEADER_LENGTH + previous.compressedSize) {
      throw damaged(`its members “${previous.name}” and “${byOffset[i]!.name}” share their data, as in a zip bomb`, byOffset[i]!.name);
    }
  }
}

async function locateDirectory(archive: Blob): Promise<DirectoryLocation> {
  const tailStart = Math.max(0, archive.size - END_LENGTH - MAX_COMMENT);
  const tail = await bytesAt(archive, tailStart, archive.size - tailStart);
  const at = findEndRecord(tail);
  if (at === undefined) throw new ZipError('is not a zip archive, or it is cut short (its end record is missing)');
  if (tail.getUint16(at + 4, true) !== 0 || tail.getUint16(at + 6, true) !== 0) {
    throw new ZipError('is one part of a split (multi-volume) archive; join the parts into one .zip first');
  }
  const end = tailStart + at;
  const classic = { count: tail.getUint16(at + 10, true), size: tail.getUint32(at + 12, true), offset: tail.getUint32(at + 16, true), end };
  const zip64 = end >= ZIP64_LOCATOR_LENGTH ? await readZip64End(archive, end) : undefined;
  return zip64 ?? classic;
}

/** The last end-record signature whose comment fits in what follows it. */
function findEndRecord(tail: DataView): number | undefined {
  for (let at = tail.byteLength - END_LENGTH; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_SIGNATURE && at + END_LENGTH + tail.getUint16(at + 20, true) <= tail.byteLength) return at;
  }
  return undefined;
}

/** The ZIP64 end record, when a locator sits right before the classic end record. */
async function readZip64End(archive: Blob, end: number): Promise<DirectoryLocation | undefined> {
  const locator = await bytesAt(archive, end - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
  if (locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const recordAt = uint64(locator, 8);
  if (recordAt + ZIP64_END_LENGTH > end) throw damaged('its ZIP64 end record lies past its end');
  const record = await bytesAt(archive, recordAt, ZIP64_END_LENGTH);
  if (record.getUint32(0, true) !== ZIP64_END_SIGNATURE) throw damaged('its ZIP64 end record is missing');
  return { count: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48), end: recordAt };
}

function readMember(view: DataView, at: number): { record: ZipMember; length: number } {
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const length = MEMBER_LENGTH + nameLength + extraLength + commentLength;
  if (at + length > view.byteLength) throw damaged('its table of contents is cut short');
  const flags = view.getUint16(at + 8, true);
  const rawName = new Uint8Array(view.buffer, view.byteOffset + at + MEMBER_LENGTH, nameLength);
  const extras = extraFields(new DataView(view.buffer, view.byteOffset + at + MEMBER_LENGTH + nameLength, extraLength));
  const name = decodeMemberName(rawName, (flags & 0x800) !== 0, extras.get(EXTRA_UNICODE_PATH));
  // ZIP64: a field that is all ones is in the ZIP64 extra field instead, in this order.
  const zip64 = extras.get(EXTRA_ZIP64);
  let zip64At = 0;
  const wide = (value: number, full: number): number => {
    if (value !== full) return value;
    if (!zip64 || zip64At + 8 > zip64.byteLength) throw damaged(`“${name}” lacks its ZIP64 sizes`, name);
    const wideValue = uint64(zip64, zip64At);
    zip64At += 8;
    return wideValue;
  };
  const size = wide(view.getUint32(at + 24, true), 0xffffffff);
  const compressedSize = wide(view.getUint32(at + 20, true), 0xffffffff);
  const offset = wide(view.getUint32(at + 42, true), 0xffffffff);
  const timestamp = extras.get(EXTRA_TIMESTAMP);
  const record: ZipMember = {
    name,
    madeBy: view.getUint8(at + 5),
    flags,
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    compressedSize,
    size,
    offset,
    lastModified: (timestamp && extendedTimestampMs(timestamp)) ?? dosDateTimeToMs(view.getUint16(at + 14, true), view.getUint16(at + 12, true)),
  };
  return { record, length };
}

/** Extra fields by ID: each is a 2-byte ID, a 2-byte length and that many bytes. */
function extraFields(view: DataView): Map<number, DataView> {
  const fields = new Map<number, DataView>();
  for (let at = 0; at + 4 <= view.byteLength; ) {
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > view.byteLength) break; // a malformed tail of extra fields is ignored, as unzip does
    fields.set(view.getUint16(at, true), new DataView(view.buffer, view.byteOffset + at + 4, length));
    at += 4 + length;
  }
  return fields;
}

function uint64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a size or offset in it is too large to be real');
  return Number(value);
}

export async function bytesAt(archive: Blob, start: number, length: number): Promise<DataView> {
  const buffer = await archive.slice(start, start + length).arrayBuffer();
  if (buffer.byteLength < length) throw damaged('is cut short');
  return new DataView(buffer);
}

export function damaged(detail: string, member?: string): ZipError {
  return new ZipError(`is damaged: ${detail}`, member);
}

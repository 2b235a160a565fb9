/**
 * One member of an archive as a `FileSource`: its size and time come from the central directory;
 * its bytes are unpacked only when `blob()` is called, streamed from the archive's slice through
 * `DecompressionStream`, counted and checksummed on the way. A member that unpacks to more than
 * it declared is stopped at that point, so a lying header cannot fill the disk.
 */
import { cancelled, ImportError } from '../vfs/import-error.ts';
import type { FileSource } from '../vfs/import-plan.ts';
import { bytesAt, damaged, LOCAL_HEADER_LENGTH, type ZipMember } from './central-directory.ts';
import { Crc32 } from './crc32.ts';
import { archiveError, ZipError } from './zip-error.ts';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Names of the methods people meet, for the message that says we cannot unpack them. */
const METHOD_NAMES: Readonly<Record<number, string>> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd' };

/** Throws a `ZipError` for a member that cannot be unpacked: encrypted, or compressed other than stored or deflate. */
export function checkCanUnpack(member: ZipMember): void {
  if ((member.flags & 1) !== 0 || member.method === 99) {
    throw new ZipError(`has an encrypted member (“${member.name}”); dropserve cannot unpack password-protected archives`, member.name);
  }
  if (member.method !== STORED && member.method !== DEFLATED) {
    const method = METHOD_NAMES[member.method] ?? `method ${member.method}`;
    throw new ZipError(`has a member compressed with ${method} (“${member.name}”), which dropserve cannot unpack; make the archive with the usual Deflate compression`, member.name);
  }
}

export class ZipMemberSource implements FileSource {
  readonly #archive: Blob;
  readonly #archiveName: string;
  readonly #member: ZipMember;

  constructor(archive: Blob, archiveName: string, member: ZipMember) {
    this.#archive = archive;
    this.#archiveName = archiveName;
    this.#member = member;
  }

  get size(): number {
    return this.#member.size;
  }

  get lastModified(): number {
    return this.#member.lastModified;
  }

  /** The member's bytes; rejects with an `ImportError` naming it when they are not what the archive says. */
  async blob(signal?: AbortSignal): Promise<Blob> {
    const check = new OutputCheck(this.#member);
    try {
      checkCanUnpack(this.#member);
      const packed = this.#archive.slice(...(await this.#dataRange()));
      const unpacked = this.#member.method === DEFLATED ? packed.stream().pipeThrough(new DecompressionStream('deflate-raw')) : packed.stream();
      return await new Response(unpacked.pipeThrough(check.stream(), signal ? { signal } : {})).blob();
    } catch (error) {
      throw this.#explain(check.problem ?? error, signal);
    }
  }

  /** Where the packed data starts, past the local header's own name and extra field, and ends. */
  async #dataRange(): Promise<[number, number]> {
    const { offset, compressedSize, name } = this.#member;
    const header = await bytesAt(this.#archive, offset, LOCAL_HEADER_LENGTH);
    if (header.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) throw damaged(`“${name}” is not where its table of contents says`, name);
    const start = offset + LOCAL_HEADER_LENGTH + header.getUint16(26, true) + header.getUint16(28, true);
    if (start + compressedSize > this.#archive.size) throw damaged(`the data of “${name}” lies past its end`, name);
    return [start, start + compressedSize];
  }

  #explain(error: unknown, signal: AbortSignal | undefined): ImportError {
    if (signal?.aborted) return cancelled();
    if (error instanceof ImportError) return error;
    if (error instanceof ZipError) return archiveError(this.#archiveName, error);
    // DecompressionStream rejects data that is not valid deflate with a TypeError.
    const detail = error instanceof Error ? error.message : String(error);
    return archiveError(this.#archiveName, damaged(`“${this.#member.name}” cannot be unpacked (${detail})`, this.#member.name));
  }
}

/** Counts and checksums the unpacked bytes as they pass, and keeps the first problem it found. */
class OutputCheck {
  readonly #member: ZipMember;
  readonly #crc = new Crc32();
  #length = 0;
  problem: ZipError | undefined;

  constructor(member: ZipMember) {
    this.#member = member;
  }

  stream(): TransformStream<Uint8Array, Uint8Array> {
    return new TransformStream({
      transform: (chunk, controller) => {
        this.#length += chunk.byteLength;
        if (this.#length > this.#member.size) this.#fail(`“${this.#member.name}” unpacks to more than the ${this.#member.size} bytes its header declares`);
        this.#crc.update(chunk);
        controller.enqueue(chunk);
      },
      flush: () => {
        if (this.#length !== this.#member.size) this.#fail(`“${this.#member.name}” unpacks to ${this.#length} bytes, not the ${this.#member.size} its header declares`);
        if (this.#crc.digest() !== this.#member.crc32) this.#fail(`“${this.#member.name}” does not match its checksum (CRC-32): its data is corrupt`);
      },
    });
  }

  #fail(detail: string): never {
    this.problem = damaged(detail, this.#member.name);
    throw this.problem;
  }
}

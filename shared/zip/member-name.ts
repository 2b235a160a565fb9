/**
 * A member's name as a site path. Zip names are bytes: UTF-8 when the member's flag says so, else
 * an old DOS code page (CP437) — but macOS and many tools write UTF-8 without the flag, so bytes
 * that are valid UTF-8 are read as UTF-8 (a CP437 name with accents is almost never valid UTF-8).
 * An Info-ZIP Unicode Path extra field that matches the name wins over both.
 *
 * Separators: zip's `/`. A `\` is a separator only in archives made on Windows/DOS (as unzip
 * decides), where no name can hold one; elsewhere it is part of the name, as in a dropped folder.
 */
import { crc32 } from './crc32.ts';
import { ZipError } from './zip-error.ts';

/** CP437's bytes 0x80–0xFF; below that it is ASCII. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return text;
}

/**
 * The member's name. `unicodePath` is its extra field 0x7075, if any: version 1, the CRC-32 of
 * the raw name it translates, then the name in UTF-8.
 */
export function decodeMemberName(raw: Uint8Array, utf8Flag: boolean, unicodePath?: DataView): string {
  if (unicodePath && unicodePath.byteLength >= 5 && unicodePath.getUint8(0) === 1 && unicodePath.getUint32(1, true) === crc32(raw)) {
    const name = new Uint8Array(unicodePath.buffer, unicodePath.byteOffset + 5, unicodePath.byteLength - 5);
    const decoded = decodeUtf8(name);
    if (decoded !== undefined) return decoded;
  }
  const decoded = decodeUtf8(raw);
  if (decoded !== undefined) return decoded;
  if (utf8Flag) throw new ZipError(`has a member whose name is marked UTF-8 but is not (${decodeCp437(raw)})`, decodeCp437(raw));
  return decodeCp437(raw);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Hosts in "version made by" whose names use `\` as the separator: MS-DOS/FAT, NTFS, VFAT. */
const DOS_HOSTS = new Set([0, 11, 14]);

export interface MemberPath {
  /** `/`-separated, no leading slash, no `.` or empty segments. */
  readonly path: string;
  readonly isDirectory: boolean;
}

/**
 * The site path of a member called `name`, or `undefined` for the archive's root itself (`./`).
 * Throws a `ZipError` for a name that would leave the site: absolute, or with a `..` segment.
 */
export function memberPath(name: string, madeBy: number): MemberPath | undefined {
  const made = DOS_HOSTS.has(madeBy) ? name.replaceAll('\\', '/') : name;
  if (made.startsWith('/') || (DOS_HOSTS.has(madeBy) && /^[A-Za-z]:/.test(made))) {
    throw new ZipError(`has a member with an absolute path (“${name}”), which could be written anywhere`, name);
  }
  const segments = made.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new ZipError(`has a member whose path leads out of the archive (“${name}”)`, name);
  if (segments.length === 0) return undefined;
  return { path: segments.join('/'), isDirectory: made.endsWith('/') };
}

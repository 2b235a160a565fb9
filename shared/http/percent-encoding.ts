/**
 * Percent-encoding as Python's `urllib.parse` does it. `encodeURIComponent` escapes `/` and leaves
 * `!'()*` alone, and `decodeURIComponent` throws on `%zz`, a trailing `%` or invalid UTF-8; Python
 * does neither.
 */

const UNRESERVED = /[A-Za-z0-9_.\-~/]/;
const ALL_UNRESERVED = /^[A-Za-z0-9_.\-~/]*$/;

/** UTF-8 bytes of one code point; a lone surrogate gets its 3-byte form, like `surrogatepass`. */
function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  if (codePoint < 0x10000) {
    return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  }
  return [
    0xf0 | (codePoint >> 18),
    0x80 | ((codePoint >> 12) & 0x3f),
    0x80 | ((codePoint >> 6) & 0x3f),
    0x80 | (codePoint & 0x3f),
  ];
}

/**
 * `urllib.parse.quote(text, safe='/', errors='surrogatepass')`: every UTF-8 byte outside
 * `A-Za-z0-9_.-~/` becomes `%XX` with uppercase hex.
 */
export function quoteUrlPath(text: string): string {
  if (ALL_UNRESERVED.test(text)) return text; // most names: one regex test instead of a loop
  let quoted = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      quoted += char;
      continue;
    }
    for (const byte of utf8Bytes(char.codePointAt(0)!)) {
      quoted += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return quoted;
}

// ignoreBOM: a decoded %EF%BB%BF is content, not a byte-order mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** Percent-decodes an all-ASCII run to bytes; a `%` not followed by two hex digits stays literal. */
function percentDecode(ascii: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < ascii.length; index++) {
    const pair = ascii.slice(index + 1, index + 3);
    if (ascii[index] === '%' && HEX_PAIR.test(pair)) {
      bytes.push(Number.parseInt(pair, 16));
      index += 2;
    } else {
      bytes.push(ascii.charCodeAt(index));
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * `urllib.parse.unquote(text)`: `%XX` escapes are decoded as UTF-8, invalid sequences becoming
 * U+FFFD (TextDecoder replaces exactly the maximal subparts Python's `errors='replace'` does).
 * Malformed escapes are kept and `+` stays `+`. Like Python, only runs of ASCII are decoded, each
 * on its own, so a non-ASCII character splits a multi-byte escape sequence.
 */
export function unquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/[\x00-\x7f]+/g, (ascii) => utf8.decode(percentDecode(ascii)));
}

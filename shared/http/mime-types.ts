/**
 * Content types by file name: the `mimetypes` module's role in `http.server`. CPython reads the
 * host's tables (on Debian, /etc/mime.types), so its answers vary by machine; ours are fixed: a
 * pinned table for the extensions a website uses (Python 3.11's answers on Debian, see
 * docs/mime-types.md), then the `mime` package for the rest.
 */

import mime from 'mime';

/**
 * `SimpleHTTPRequestHandler.extensions_map` (3.9+): the compression suffixes the handler answers
 * itself, before asking `mimetypes`.
 */
export const COMPRESSION_TYPES: ReadonlyMap<string, string> = new Map([
  ['.gz', 'application/gzip'],
  ['.Z', 'application/octet-stream'],
  ['.bz2', 'application/x-bzip2'],
  ['.xz', 'application/x-xz'],
]);

/** Keys are lowercase extensions with their dot. */
export const WEB_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html'],
  ['.htm', 'text/html'],
  ['.css', 'text/css'],
  ['.js', 'text/javascript'],
  ['.mjs', 'text/javascript'],
  ['.json', 'application/json'],
  ['.map', 'application/json'],
  ['.webmanifest', 'application/manifest+json'],
  ['.wasm', 'application/wasm'],
  ['.xml', 'application/xml'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.avif', 'image/avif'],
  ['.ico', 'image/vnd.microsoft.icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.otf', 'font/otf'],
  ['.txt', 'text/plain'],
  ['.md', 'text/markdown'],
  ['.pdf', 'application/pdf'],
  ['.zip', 'application/zip'],
  ['.tar', 'application/x-tar'],
  ['.mp4', 'video/mp4'],
  ['.webm', 'video/webm'],
  ['.mp3', 'audio/mpeg'],
  ['.wav', 'audio/x-wav'],
  ['.ogg', 'audio/ogg'],
  ['.py', 'text/x-python'],
  ['.c', 'text/x-csrc'],
  ['.h', 'text/x-chdr'],
  ['.ts', 'text/vnd.trolltech.linguist'],
]);

/** `mimetypes`' shorthand suffixes, rewritten (case-insensitively) before anything else. */
const SUFFIX_ALIASES: ReadonlyMap<string, string> = new Map([
  ['.svgz', '.svg.gz'],
  ['.tgz', '.tar.gz'],
  ['.taz', '.tar.gz'],
  ['.tz', '.tar.gz'],
  ['.tbz2', '.tar.bz2'],
  ['.txz', '.tar.xz'],
]);

/**
 * Compression suffixes `mimetypes` looks through (case-sensitively): `x.svg.gz` is an SVG. The
 * handler sends no `Content-Encoding`, so a browser sees the compressed bytes as that type.
 */
const ENCODING_SUFFIXES = new Set(['.gz', '.Z', '.bz2', '.xz', '.br']);

/**
 * `posixpath.splitext`: the extension runs from the last `.` of the last segment, unless only dots
 * precede it (`.hidden` has none; `f.` has `.`).
 */
export function splitExtension(path: string): [base: string, extension: string] {
  const dot = path.lastIndexOf('.');
  const nameStart = path.lastIndexOf('/') + 1;
  return dot > nameStart && /[^.]/.test(path.slice(nameStart, dot))
    ? [path.slice(0, dot), path.slice(dot)]
    : [path, ''];
}

/** What `mimetypes.guess_type(path)[0]` answers, from our fixed tables; undefined when unknown. */
export function guessMimeType(path: string): string | undefined {
  let [base, extension] = splitExtension(path);
  let alias: string | undefined;
  while ((alias = SUFFIX_ALIASES.get(extension.toLowerCase())) !== undefined) {
    [base, extension] = splitExtension(base + alias);
  }
  if (ENCODING_SUFFIXES.has(extension)) [, extension] = splitExtension(base);
  extension = extension.toLowerCase();
  if (extension.length <= 1) return undefined;
  return WEB_TYPES.get(extension) ?? mime.getType(extension.slice(1)) ?? undefined;
}

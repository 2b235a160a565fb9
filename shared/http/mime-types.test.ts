import { describe, expect, it } from 'vitest';
import { COMPRESSION_TYPES, WEB_TYPES, guessMimeType, splitExtension } from './mime-types.ts';

describe('splitExtension', () => {
  // [path, posixpath.splitext(path)] from Python 3.11.7.
  const cases: readonly (readonly [string, [string, string]])[] = [
    ['archive.tar.gz', ['archive.tar', '.gz']],
    ['.hidden', ['.hidden', '']],
    ['f.', ['f', '.']],
    ['noext', ['noext', '']],
    ['..x', ['..x', '']],
    ['a/.b', ['a/.b', '']],
    ['a.b/c', ['a.b/c', '']],
    ['a/..b.c', ['a/..b', '.c']],
    ['/x.', ['/x', '.']],
    ['...', ['...', '']],
    ['a.', ['a', '.']],
  ];
  it.each(cases)('splits %j as posixpath.splitext does', (path, expected) => {
    expect(splitExtension(path)).toEqual(expected);
  });
});

describe('guessMimeType', () => {
  // [path, mimetypes.guess_type(path)[0]] from Python 3.11.7 on Debian (with /etc/mime.types).
  const cases: readonly (readonly [string, string | undefined])[] = [
    ["x.html", "text/html"],
    ["x.htm", "text/html"],
    ["x.css", "text/css"],
    ["x.js", "text/javascript"],
    ["x.mjs", "text/javascript"],
    ["x.json", "application/json"],
    ["x.svg", "image/svg+xml"],
    ["x.svgz", "image/svg+xml"],
    ["x.png", "image/png"],
    ["x.jpg", "image/jpeg"],
    ["x.jpeg", "image/jpeg"],
    ["x.gif", "image/gif"],
    ["x.webp", "image/webp"],
    ["x.avif", "image/avif"],
    ["x.ico", "image/vnd.microsoft.icon"],
    ["x.woff", "font/woff"],
    ["x.woff2", "font/woff2"],
    ["x.ttf", "font/ttf"],
    ["x.otf", "font/otf"],
    ["x.wasm", "application/wasm"],
    ["x.txt", "text/plain"],
    ["x.md", "text/markdown"],
    ["x.xml", "application/xml"],
    ["x.pdf", "application/pdf"],
    ["x.zip", "application/zip"],
    ["x.gz", undefined],
    ["x.tgz", "application/x-tar"],
    ["x.tar", "application/x-tar"],
    ["x.mp4", "video/mp4"],
    ["x.webm", "video/webm"],
    ["x.mp3", "audio/mpeg"],
    ["x.wav", "audio/x-wav"],
    ["x.ogg", "audio/ogg"],
    ["x.webmanifest", "application/manifest+json"],
    ["x.py", "text/x-python"],
    ["x.c", "text/x-csrc"],
    ["x.h", "text/x-chdr"],
    ["x.ts", "text/vnd.trolltech.linguist"],
    ["X.HTML", "text/html"],
    ["x.Js", "text/javascript"],
    ["a/b.c/noext", undefined],
    ["archive.tar.gz", "application/x-tar"],
    ["f.TXT.GZ", "application/gzip"],
    ["Z.Z", undefined],
    ["x.z", undefined],
    ["x.bz2", undefined],
    ["x.xz", undefined],
    ["x.js.br", "text/javascript"],
    ["x.br", undefined],
    ["x.BR", undefined],
    ["x.js.BR", undefined],
    ["x.svg.gz", "image/svg+xml"],
    ["x.SVGZ", "image/svg+xml"],
    ["x.taz", "application/x-tar"],
    ["x.tz", "application/x-tar"],
    ["x.tbz2", "application/x-tar"],
    ["x.txz", "application/x-tar"],
    ["x.TGZ", "application/x-tar"],
    [".hidden", undefined],
    ["f.", undefined],
    ["noext", undefined],
    ["..x", undefined],
    ["a.b.c", "text/x-csrc"],
    ["dir.d/file", undefined],
    ["x.unknownext", undefined],
    ["x.csv", "text/csv"],
  ];
  it.each(cases)('guesses %j as Python does here', (path, expected) => {
    expect(guessMimeType(path)).toBe(expected);
  });

  it('knows .map, which Python here does not', () => {
    expect(guessMimeType('app.js.map')).toBe('application/json');
  });

  it('asks the mime package beyond the pinned table, so it may know more than Python', () => {
    expect(guessMimeType('x.BZ2')).toBe('application/x-bzip2');
    expect(guessMimeType('x.yaml')).toBe('text/yaml');
  });
});

describe('tables', () => {
  it("holds Python's four compression entries", () => {
    expect([...COMPRESSION_TYPES]).toEqual([
      ['.gz', 'application/gzip'],
      ['.Z', 'application/octet-stream'],
      ['.bz2', 'application/x-bzip2'],
      ['.xz', 'application/x-xz'],
    ]);
  });

  it('pins JavaScript and WebAssembly for browsers', () => {
    expect(WEB_TYPES.get('.js')).toBe('text/javascript');
    expect(WEB_TYPES.get('.mjs')).toBe('text/javascript');
    expect(WEB_TYPES.get('.wasm')).toBe('application/wasm');
  });

  it('keys the pinned table by lowercase extension', () => {
    for (const extension of WEB_TYPES.keys()) expect(extension).toMatch(/^\.[a-z0-9]+$/);
  });
});

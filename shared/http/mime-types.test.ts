import { describe, expect, it } from 'vitest';
import { MIME_EXPECTATIONS } from './mime-expectations.ts';
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
  // Python's `mimetypes.guess_type(path)[0]`, but where the `mime` package knows more (below).
  const cases = MIME_EXPECTATIONS.filter(([path]) => path !== 'x.BZ2').map(([path, type]) => [path, type] as const);
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

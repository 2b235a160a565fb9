import { describe, expect, it } from 'vitest';
import { MemoryFiles } from '../vfs/memory-files.ts';
import type { FileStat, SiteFiles } from '../vfs/types.ts';
import { MIME_EXPECTATIONS } from './mime-expectations.ts';
import { SimpleHTTPRequestHandler } from './simple-handler.ts';
import { CAPTURE_TIME, FILE_TIME, capturedSite, exchange } from './testing.ts';

const PAGE_404_HEAD =
  'HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n' +
  'Connection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n';

function handlerFor(target: string, files: SiteFiles = new MemoryFiles()): SimpleHTTPRequestHandler {
  return new SimpleHTTPRequestHandler({ method: 'GET', target, headers: new Headers() }, { files });
}

describe('files', () => {
  it('sends the stored Blob itself, never reading it', async () => {
    const files = capturedSite();
    const { response } = await exchange('GET', '/a.txt', { files });
    expect(response.body).toBe(await files.read('a.txt'));
  });

  it('sends no body for HEAD, whatever the response', async () => {
    for (const target of ['/a.txt', '/empty/', '/missing', '/sub']) {
      expect((await exchange('HEAD', target)).response.body).toBeNull();
    }
  });

  it('takes Content-Length from the bytes sent', async () => {
    const files = new MemoryFiles().addFile('u.txt', 'ü€', FILE_TIME);
    const { head } = await exchange('GET', '/u.txt', { files });
    expect(head).toContain('Content-Length: 5\r\n');
  });

  it('answers 404 for a NUL, where Python drops the connection', async () => {
    const stat = async (path: string): Promise<FileStat | undefined> => {
      expect(path).not.toContain('\0');
      return capturedSite().stat(path);
    };
    const files: SiteFiles = { stat, list: async () => [], read: async () => undefined };
    for (const target of ['/%00', '/a.txt%00', '/sub/%00/']) {
      const result = await exchange('GET', target, { files });
      expect(result.head).toBe(PAGE_404_HEAD);
    }
  });

  it('answers 404 when the storage fails, as Python does for any OS error', async () => {
    const failing: SiteFiles = {
      stat: () => Promise.reject(new Error('stat failed')),
      list: () => Promise.reject(new Error('list failed')),
      read: () => Promise.reject(new Error('read failed')),
    };
    expect((await exchange('GET', '/a.txt', { files: failing })).head).toBe(PAGE_404_HEAD);
    const site = capturedSite();
    const unreadable: SiteFiles = { stat: (p) => site.stat(p), list: (p) => site.list(p), read: failing.read };
    expect((await exchange('GET', '/a.txt', { files: unreadable })).head).toBe(PAGE_404_HEAD);
  });

  it('treats a stat that names a directory a file as missing', async () => {
    const site = capturedSite();
    const liar: SiteFiles = { stat: (p) => site.stat(p), list: (p) => site.list(p), read: async () => undefined };
    expect((await exchange('GET', '/a.txt', { files: liar })).head).toBe(PAGE_404_HEAD);
  });
});

describe('directories', () => {
  it('answers 404 "No permission to list directory" when listing fails', async () => {
    const site = capturedSite();
    const files: SiteFiles = {
      stat: (p) => site.stat(p),
      read: (p) => site.read(p),
      list: () => Promise.reject(new Error('denied')),
    };
    const { head, text, log } = await exchange('GET', '/sub/', { files });
    expect(head).toBe(
      'HTTP/1.0 404 No permission to list directory\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\n' +
        'Date: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\n' +
        'Content-Length: 352\r\n\r\n',
    );
    expect(text).toContain('<p>Message: No permission to list directory.</p>\n');
    expect(log.map((line) => line.slice(line.indexOf('] ') + 2))).toEqual([
      'code 404, message No permission to list directory',
      '"GET /sub/ HTTP/1.0" 404 -',
    ]);
  });

  it('keeps the listing order of names equal once lowercased', async () => {
    const forward = new MemoryFiles().addFile('d/e', '').addFile('d/E', '').addFile('d/a', '');
    const backward = new MemoryFiles().addFile('d/E', '').addFile('d/e', '').addFile('d/a', '');
    const links = (text: string) => [...text.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(links((await exchange('GET', '/d/', { files: forward })).text)).toEqual(['a', 'e', 'E']);
    expect(links((await exchange('GET', '/d/', { files: backward })).text)).toEqual(['a', 'E', 'e']);
  });

  it('does not reorder what the storage listed', async () => {
    const files = new MemoryFiles().addFile('d/b', '').addFile('d/a', '');
    await exchange('GET', '/d/', { files });
    expect((await files.list('d')).map((entry) => entry.name)).toEqual(['b', 'a']);
  });

  it('shows an encoded surrogate in the title as U+FFFD, where Python writes a raw byte', async () => {
    const { text, head } = await exchange('GET', '/empty/?%ED%B3%BF');
    expect(text).toContain('<title>Directory listing for /empty/?\ufffd\ufffd\ufffd</title>');
    expect(head).toContain('Content-Length: 219\r\n'); // Python: 203, one 0xFF byte per title
  });

  it('redirects the root reached without a slash', async () => {
    expect((await exchange('GET', '')).head).toContain('\r\nLocation: /\r\n');
    expect((await exchange('GET', '?q')).head).toContain('\r\nLocation: /?q\r\n');
  });

  it('never sends a scheme-relative Location', async () => {
    const files = new MemoryFiles().addDirectory('evil.com');
    expect((await exchange('GET', '//evil.com', { files })).head).toContain('\r\nLocation: /evil.com/\r\n');
    expect((await exchange('GET', '///evil.com?x', { files })).head).toContain('\r\nLocation: /evil.com/?x\r\n');
  });

  it('serves index pages with conditional GET', async () => {
    const { head } = await exchange('GET', '/htmonly/', {
      headers: { 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT' },
    });
    expect(head).toMatch(/^HTTP\/1\.0 304 Not Modified\r\n/);
  });
});

describe('conditional GET', () => {
  // Each with what Python 3.11.7 answers for /a.txt (mtime Thu, 02 Jan 2020 03:04:05 GMT).
  const cases: readonly (readonly [Record<string, string>, number])[] = [
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:04 GMT' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:06 GMT' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT', 'If-None-Match': '' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT', 'If-None-Match': '*' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 04:04:05 +0100' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2099 03:04:05 +0100' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2099 03:04:05 EST' }, 200],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 -0000' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 XYZ' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 +01:00' }, 304],
    [{ 'If-Modified-Since': 'Thu, 02 Jan 20 03:04:05 GMT' }, 304],
    [{ 'If-Modified-Since': 'Thursday, 02-Jan-20 03:04:05 GMT' }, 304],
    [{ 'If-Modified-Since': 'Thu Jan  2 03:04:05 2020' }, 304],
    [{ 'If-Modified-Since': 'garbage' }, 200],
    [{ 'If-Modified-Since': '' }, 200],
    [{ 'If-Modified-Since': '2020-01-02T03:04:05Z' }, 200],
    [{ 'If-Modified-Since': 'Thu, 32 Jan 2020 03:04:05 GMT' }, 200],
    [{ 'if-modified-since': 'Thu, 02 Jan 2020 03:04:05 GMT' }, 304],
  ];
  it.each(cases)('%j gives %i', async (headers, status) => {
    expect((await exchange('GET', '/a.txt', { headers })).response.status).toBe(status);
  });

  it('sends only Server and Date with a 304', async () => {
    const { response } = await exchange('GET', '/a.txt', {
      headers: { 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT' },
    });
    expect(response).toEqual({
      version: 'HTTP/1.0',
      status: 304,
      reason: 'Not Modified',
      headers: [
        ['Server', 'SimpleHTTP/0.6 dropserve/0.1'],
        ['Date', 'Fri, 27 Nov 2026 13:02:41 GMT'],
      ],
      body: null,
    });
  });

  it('never answers 304 for a listing', async () => {
    const { response } = await exchange('GET', '/empty/', {
      headers: { 'If-Modified-Since': 'Thu, 02 Jan 2099 03:04:05 GMT' },
    });
    expect(response.status).toBe(200);
  });

  it('compares the mtime in whole seconds, also before 1970', async () => {
    const files = new MemoryFiles().addFile('old', 'x', -1500);
    const since = (value: string) => exchange('GET', '/old', { files, headers: { 'If-Modified-Since': value } });
    expect((await since('Wed, 31 Dec 1969 23:59:58 GMT')).response.status).toBe(304);
    expect((await since('Wed, 31 Dec 1969 23:59:57 GMT')).response.status).toBe(200);
    expect((await since('Wed, 31 Dec 1969 23:59:57 GMT')).head).toContain('Last-Modified: Wed, 31 Dec 1969 23:59:58 GMT');
  });
});

describe('guessType', () => {
  // Python's `SimpleHTTPRequestHandler.guess_type(path)`.
  const cases = MIME_EXPECTATIONS.map(([path, , type]) => [path, type] as const);
  it.each(cases)('guesses %j as Python does here', (path, expected) => {
    expect(handlerFor('/').guessType(path)).toBe(expected);
  });

  it('consults an overridden extensionsMap first, as is and then lowercased', () => {
    class Custom extends SimpleHTTPRequestHandler {
      override extensionsMap = new Map([
        ['.gz', 'application/x-custom'],
        ['.html', 'text/html; charset=utf-8'],
      ]);
    }
    const handler = new Custom({ method: 'GET', target: '/', headers: new Headers() }, { files: new MemoryFiles() });
    expect(handler.guessType('a.tar.gz')).toBe('application/x-custom');
    expect(handler.guessType('A.HTML')).toBe('text/html; charset=utf-8');
    expect(handler.guessType('x.bz2')).toBe('application/octet-stream');
  });
});

describe('hooks', () => {
  it('sends what an overridden translatePath names', async () => {
    class Mounted extends SimpleHTTPRequestHandler {
      override translatePath(target: string): string {
        return `sub/${super.translatePath(target)}`;
      }
    }
    const { text } = await exchange('GET', '/b.txt', { handler: Mounted });
    expect(text).toBe('bee');
  });

  it('serves the overridden index pages, in order', async () => {
    class Readme extends SimpleHTTPRequestHandler {
      override indexPages = ['README', 'index.htm'];
    }
    const files = new MemoryFiles().addFile('d/index.htm', 'htm').addFile('d/README', 'read me');
    expect((await exchange('GET', '/d/', { files, handler: Readme })).text).toBe('read me');
    expect((await exchange('GET', '/d/', { files })).text).toBe('htm');
  });

  it('lets a subclass replace the listing', async () => {
    class NoListing extends SimpleHTTPRequestHandler {
      override async listDirectory(): Promise<undefined> {
        this.sendError(403, 'Directory listing disabled');
        return undefined;
      }
    }
    const { response } = await exchange('GET', '/empty/', { handler: NoListing });
    expect([response.status, response.reason]).toEqual([403, 'Directory listing disabled']);
  });

  it('announces itself as SimpleHTTP/0.6', () => {
    expect(handlerFor('/').versionString()).toBe('SimpleHTTP/0.6 dropserve/0.1');
  });
});

describe('browser-shaped targets', () => {
  // What a Service Worker hands over: URL.pathname + URL.search, already normalised by the browser.
  it.each([
    ['http://h/dir with space', 'Location: /dir%20with%20space/'],
    ['http://h/sub/../sub?x=1', 'Location: /sub/?x=1'],
    ['http://h/%2e%2e/sub#frag', 'Location: /sub/'],
    ['http://h//sub', 'Location: /sub/'],
  ])('%s redirects with %s', async (url, location) => {
    const parsed = new URL(url);
    const { head } = await exchange('GET', parsed.pathname + parsed.search);
    expect(head).toContain(`\r\n${location}\r\n`);
  });

  it('serves a non-ASCII name the browser percent-encoded', async () => {
    const parsed = new URL('http://h/names/ü');
    expect((await exchange('GET', parsed.pathname)).response.status).toBe(200);
  });
});

describe('CAPTURE_TIME', () => {
  it('is the Date of the captures', () => {
    expect(handlerFor('/').dateTimeString(CAPTURE_TIME)).toBe('Fri, 27 Nov 2026 13:02:41 GMT');
  });
});

import { describe, expect, it } from 'vitest';
import { MemoryFiles } from '../vfs/memory-files.ts';
import type { SiteFiles } from '../vfs/types.ts';
import { type PreviewHandlerOptions, PreviewHTTPRequestHandler } from './preview-handler.ts';
import { bodyBytes, CAPTURE_TIME, FILE_TIME } from './testing.ts';

const DIGITS = '0123456789'.repeat(100); // 1000 bytes

function site(): MemoryFiles {
  return new MemoryFiles()
    .addFile('digits.txt', DIGITS, FILE_TIME)
    .addFile('index.html', '<p>app</p>', FILE_TIME)
    .addFile('404.html', '<p>not here</p>', FILE_TIME)
    .addFile('docs/real', 'a real file without extension', FILE_TIME)
    .addDirectory('empty');
}

async function request(target: string, headers: Record<string, string> = {}, options: Partial<PreviewHandlerOptions> & { method?: string } = {}) {
  const { method = 'GET', files = site(), ...rest } = options;
  const handler = new PreviewHTTPRequestHandler({ method, target, headers: new Headers(headers) }, { files, now: () => CAPTURE_TIME, ...rest });
  const response = await handler.handle();
  const header = (name: string) => response.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return { status: response.status, header, text: new TextDecoder().decode(await bodyBytes(response.body)), handler };
}

describe('validators', () => {
  it('sends a strong ETag, no-cache and Accept-Ranges with a file', async () => {
    const { status, header } = await request('/digits.txt');
    expect(status).toBe(200);
    expect(header('ETag')).toMatch(/^"[0-9a-z-]+"$/);
    expect(header('Cache-Control')).toBe('no-cache');
    expect(header('Accept-Ranges')).toBe('bytes');
    expect(header('Last-Modified')).toBe('Thu, 02 Jan 2020 03:04:05 GMT');
  });

  it('puts the import that stored the file in the tag', async () => {
    const files = site();
    const stat = async (p: string) => {
      const entry = await files.stat(p);
      return entry && { ...entry, storedBy: 'import-7' };
    };
    const stored: SiteFiles = { stat, list: (p) => files.list(p), read: (p) => files.read(p) };
    expect((await request('/digits.txt', {}, { files: stored })).header('ETag')).toMatch(/^"import-7-/);
  });

  it('answers If-None-Match with the tag (or *) with 304, and another tag with the file', async () => {
    const tag = (await request('/digits.txt')).header('ETag')!;
    for (const value of [tag, `"x", ${tag}`, `W/${tag}`, '*']) {
      const { status, header, text } = await request('/digits.txt', { 'If-None-Match': value });
      expect([status, header('ETag'), header('Cache-Control'), text], value).toEqual([304, tag, 'no-cache', '']);
    }
    expect((await request('/digits.txt', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('lets If-None-Match override If-Modified-Since, which alone keeps Python’s rules', async () => {
    const since = 'Thu, 02 Jan 2020 03:04:05 GMT';
    expect((await request('/digits.txt', { 'If-Modified-Since': since })).status).toBe(304);
    expect((await request('/digits.txt', { 'If-Modified-Since': since, 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('changes the tag when the file changes', async () => {
    const before = (await request('/digits.txt')).header('ETag');
    const edited = site().addFile('digits.txt', `${DIGITS}!`, FILE_TIME + 1000);
    const after = await request('/digits.txt', { 'If-None-Match': before! }, { files: edited });
    expect(after.status).toBe(200);
    expect(after.header('ETag')).not.toBe(before);
  });
});

describe('ranges', () => {
  it('serves one range with 206 and Content-Range', async () => {
    const { status, header, text } = await request('/digits.txt', { Range: 'bytes=10-14' });
    expect([status, header('Content-Range'), header('Content-Length'), text]).toEqual([206, 'bytes 10-14/1000', '5', '01234']);
  });

  it('serves suffix and open ranges', async () => {
    expect((await request('/digits.txt', { Range: 'bytes=-3' })).text).toBe('789');
    const open = await request('/digits.txt', { Range: 'bytes=995-' });
    expect([open.status, open.header('Content-Range'), open.text]).toEqual([206, 'bytes 995-999/1000', '56789']);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const { status, header, text } = await request('/digits.txt', { Range: 'bytes=1000-' });
    expect([status, header('Content-Range'), text]).toEqual([416, 'bytes */1000', '']);
  });

  it('serves the first satisfiable of several ranges as one part', async () => {
    const { status, header, text } = await request('/digits.txt', { Range: 'bytes=5000-6000, 2-3, 7-8' });
    expect([status, header('Content-Range'), text]).toEqual([206, 'bytes 2-3/1000', '23']);
  });

  it('ignores Range on HEAD, and a malformed Range', async () => {
    expect((await request('/digits.txt', { Range: 'bytes=0-1' }, { method: 'HEAD' })).status).toBe(200);
    expect((await request('/digits.txt', { Range: 'bytes=9-1' })).status).toBe(200);
  });

  it('honours If-Range only when it names this version', async () => {
    const tag = (await request('/digits.txt')).header('ETag')!;
    expect((await request('/digits.txt', { Range: 'bytes=0-1', 'If-Range': tag })).status).toBe(206);
    expect((await request('/digits.txt', { Range: 'bytes=0-1', 'If-Range': 'Thu, 02 Jan 2020 03:04:05 GMT' })).status).toBe(206);
    expect((await request('/digits.txt', { Range: 'bytes=0-1', 'If-Range': '"old"' })).status).toBe(200);
    expect((await request('/digits.txt', { Range: 'bytes=0-1', 'If-Range': `W/${tag}` })).status).toBe(200);
    expect((await request('/digits.txt', { Range: 'bytes=0-1', 'If-Range': 'Fri, 03 Jan 2020 03:04:05 GMT' })).status).toBe(200);
  });
});

describe('404.html and SPA fallback', () => {
  it('are off by default: Python’s 404 page', async () => {
    for (const target of ['/missing', '/missing.css']) {
      const { status, text } = await request(target);
      expect(status).toBe(404);
      expect(text).toContain('Error code: 404');
    }
  });

  it('serves the site’s 404.html with status 404 when switched on', async () => {
    const { status, header, text } = await request('/nope/missing.css', {}, { notFoundPage: true });
    expect([status, header('Content-type'), text]).toEqual([404, 'text/html', '<p>not here</p>']);
  });

  it('falls back to Python’s page when the site has no 404.html', async () => {
    const files = new MemoryFiles().addFile('a.txt', 'a', FILE_TIME);
    expect((await request('/missing', {}, { notFoundPage: true, files })).text).toContain('Error code: 404');
  });

  it('SPA fallback serves /index.html for unknown extensionless paths only', async () => {
    const route = await request('/docs/intro', {}, { spaFallback: true });
    expect([route.status, route.text]).toEqual([200, '<p>app</p>']);
    expect((await request('/deep/route/', {}, { spaFallback: true })).text).toBe('<p>app</p>');
    // Real files and directories are served as they are; missing assets stay missing.
    expect((await request('/docs/real', {}, { spaFallback: true })).text).toBe('a real file without extension');
    expect((await request('/empty/', {}, { spaFallback: true })).text).toContain('Directory listing for /empty/');
    expect((await request('/missing.js', {}, { spaFallback: true })).status).toBe(404);
    const asset = await request('/missing.js', {}, { spaFallback: true, notFoundPage: true });
    expect([asset.status, asset.text]).toEqual([404, '<p>not here</p>']);
  });
});

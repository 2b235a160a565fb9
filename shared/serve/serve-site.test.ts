import { describe, expect, it } from 'vitest';
import { MemoryFiles } from '../vfs/memory-files.ts';
import { DEFAULT_SITE_OPTIONS } from '../vfs/site-options.ts';
import { FakeRunner } from '../cgi/testing.ts';
import { APP_AT_ROOT, AppUrls } from './app-urls.ts';
import { type SiteDirectory, serveSite } from './serve-site.ts';

const splitSiteUrl = (pathAndQuery: string) => APP_AT_ROOT.splitSiteUrl(pathAndQuery);

const ORIGIN = 'http://127.0.0.1:8000';
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

const blog = new MemoryFiles()
  .addFile('index.html', '<h1>home</h1>\n', Date.UTC(2020, 0, 2, 3, 4, 5))
  .addFile('posts/first.html', '<h1>first</h1>\n')
  .addDirectory('drafts');

const sites: SiteDirectory = {
  openSite: async (name) => (name === 'blog' ? { files: blog, options: DEFAULT_SITE_OPTIONS } : undefined),
};

const serve = (path: string, init?: RequestInit) => serveSite(new Request(ORIGIN + path, init), sites, { app: APP_AT_ROOT, now: () => NOW });

describe('splitSiteUrl', () => {
  it('takes the site name and hands the rest over as the request-target', () => {
    expect(splitSiteUrl('/site/blog/a/b.html?x=1')).toEqual({ name: 'blog', target: '/a/b.html?x=1' });
    expect(splitSiteUrl('/site/blog/')).toEqual({ name: 'blog', target: '/' });
    expect(splitSiteUrl('/site/blog')).toEqual({ name: 'blog', target: '' });
    expect(splitSiteUrl('/site/blog?q')).toEqual({ name: 'blog', target: '?q' });
  });
  it('refuses URLs outside the site space', () => {
    expect(splitSiteUrl('/')).toBeUndefined();
    expect(splitSiteUrl('/site/')).toBeUndefined();
    expect(splitSiteUrl('/sites/blog/')).toBeUndefined();
  });
});

describe('serveSite', () => {
  it('serves a site as if it were the server root', async () => {
    const response = await serve('/site/blog/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<h1>home</h1>\n');
  });

  it('turns the handler’s redirects back into the site’s space, keeping the query', async () => {
    const dir = await serve('/site/blog/posts?q=1');
    expect(dir.status).toBe(301);
    expect(dir.headers.get('location')).toBe('/site/blog/posts/?q=1');
    const root = await serve('/site/blog');
    expect(root.status).toBe(301);
    expect(root.headers.get('location')).toBe('/site/blog/');
    const rootWithQuery = await serve('/site/blog?x=1');
    expect(rootWithQuery.headers.get('location')).toBe('/site/blog/?x=1');
  });

  it('keeps an empty query in the listing title, as Python does with the raw target', async () => {
    const response = await serve('/site/blog/drafts/?');
    expect(await response.text()).toContain('<title>Directory listing for /drafts/?</title>');
  });

  it('hands the handler what a browser sends a server: no fragment', async () => {
    const redirect = await serve('/site/blog/posts?q=1#frag');
    expect(redirect.headers.get('location')).toBe('/site/blog/posts/?q=1');
    const listing = await serve('/site/blog/drafts/#frag');
    expect(await listing.text()).toContain('<title>Directory listing for /drafts/</title>');
    const root = await serve('/site/blog#frag');
    expect(root.headers.get('location')).toBe('/site/blog/');
  });

  it('answers an unknown site with the handler’s 404 page', async () => {
    const response = await serve('/site/nope/index.html');
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('File not found');
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(await response.text()).toContain('<p>Message: File not found.</p>');
  });

  it('answers other methods with 501, on known and unknown sites alike', async () => {
    for (const path of ['/site/blog/index.html', '/site/nope/']) {
      const response = await serve(path, { method: 'POST', body: 'x' });
      expect(response.status).toBe(501);
      expect(response.statusText).toBe("Unsupported method ('POST')");
    }
  });

  it('passes the log sink and the client address to the handler', async () => {
    const lines: string[] = [];
    await serveSite(new Request(`${ORIGIN}/site/blog/missing`), sites, { app: APP_AT_ROOT, now: () => NOW, log: (line) => lines.push(line), client: 'browser' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^browser - - \[.+\] code 404, message File not found$/);
    expect(lines[1]).toMatch(/^browser - - \[.+\] "GET \/missing HTTP\/1\.1" 404 -$/);
  });

  it('tells the log sink which site each line is about', async () => {
    const logged: [string, string][] = [];
    const log = (line: string, site: string) => logged.push([site, line]);
    await serveSite(new Request(`${ORIGIN}/site/blog/index.html`), sites, { app: APP_AT_ROOT, now: () => NOW, log });
    await serveSite(new Request(`${ORIGIN}/site//a?x`), sites, { app: APP_AT_ROOT, now: () => NOW, log });
    expect(logged.map(([site]) => site)).toEqual(['blog', '', '']);
    expect(logged[0]![1]).toMatch(/"GET \/index\.html HTTP\/1\.1" 200 -$/);
  });

  it('asks the store to read ahead the path the handler looks up first, and serves what it read', async () => {
    const asked: string[] = [];
    const readAhead = { path: 'posts/first.html', stat: { name: 'first.html', kind: 'file', size: 6, mtime: 0 }, blob: new Blob(['ahead!']) } as const;
    const ahead: SiteDirectory = {
      openSite: async (_name, path) => {
        asked.push(path);
        return { files: blog, options: DEFAULT_SITE_OPTIONS, readAhead };
      },
    };
    const response = await serveSite(new Request(`${ORIGIN}/site/blog/posts/first.html?q#f`), ahead, { app: APP_AT_ROOT });
    expect(await response.text()).toBe('ahead!');
    await serveSite(new Request(`${ORIGIN}/site/blog/posts/`), ahead, { app: APP_AT_ROOT });
    await serveSite(new Request(`${ORIGIN}/site/blog`), ahead, { app: APP_AT_ROOT });
    expect(asked).toEqual(['posts/first.html', 'posts', '']);
  });

  it('serves an app deployed under a path: its sites, and redirects into them', async () => {
    const app = new AppUrls('/tools/dropserve/');
    const at = (path: string) => serveSite(new Request(ORIGIN + path), sites, { app, now: () => NOW });
    expect(await (await at('/tools/dropserve/site/blog/')).text()).toBe('<h1>home</h1>\n');
    const dir = await at('/tools/dropserve/site/blog/posts?q=1');
    expect(dir.status).toBe(301);
    expect(dir.headers.get('location')).toBe('/tools/dropserve/site/blog/posts/?q=1');
    expect((await at('/tools/dropserve/site/blog')).headers.get('location')).toBe('/tools/dropserve/site/blog/');
    expect((await at('/tools/dropserve/site/nope/')).status).toBe(404);
  });
});

describe('serveSite with CGI', () => {
  const cgiFiles = new MemoryFiles().addFile('cgi-bin/echo.mjs', 'source');
  const runner = new FakeRunner({
    'cgi-bin/echo.mjs': async ({ job, write }) => {
      const body = job.stdin ? new Uint8Array(await new Response(job.stdin).arrayBuffer()) : new Uint8Array();
      write(`Content-Type: text/plain\n\nlength=${job.env.CONTENT_LENGTH} type=${job.env.CONTENT_TYPE} body=${[...body].join(',')}`);
    },
  });
  const cgiSites: SiteDirectory = { openSite: async () => ({ files: cgiFiles, options: { ...DEFAULT_SITE_OPTIONS, cgi: true } }) };
  const cgi = { runner: () => runner, requestHeaders: async (headers: Headers) => headers };
  const post = async (init: RequestInit) => (await serveSite(new Request(`${ORIGIN}/site/s/cgi-bin/echo.mjs`, init), cgiSites, { app: APP_AT_ROOT, cgi })).text();

  it('gives the script the body and its length in bytes, as a server receives them', async () => {
    expect(await post({ method: 'POST', body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).toBe('length=3 type=application/x-www-form-urlencoded body=97,61,98');
    expect(await post({ method: 'POST', body: new Uint8Array([0, 200, 10]) })).toBe('length=3 type=text/plain body=0,200,10');
  });

  it('sends 0 for a POST without a body and nothing for a GET, as browsers do', async () => {
    expect(await post({ method: 'POST' })).toBe('length=0 type=text/plain body=');
    expect(await post({ method: 'GET' })).toBe('length= type=text/plain body=');
  });
});

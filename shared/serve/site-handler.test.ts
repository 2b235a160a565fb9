import { describe, expect, it } from 'vitest';
import { FakeRunner } from '../cgi/testing.ts';
import { CGIHTTPRequestHandler } from '../http/cgi-handler.ts';
import { MemoryFiles } from '../vfs/memory-files.ts';
import { DEFAULT_SITE_OPTIONS } from '../vfs/site-options.ts';
import { APP_AT_ROOT, AppUrls } from './app-urls.ts';
import { type CgiSupport, siteHandler } from './site-handler.ts';

const files = new MemoryFiles().addFile('scripts/env.mjs', 'source');
const runner = new FakeRunner({
  'scripts/env.mjs': ({ job, write }) => write(`Content-Type: text/plain\n\n${job.env.SERVER_NAME}:${job.env.SERVER_PORT} ${job.env.PATH_TRANSLATED} ${job.env.HTTP_COOKIE}`),
});
const cgi: CgiSupport = { runner: () => runner, requestHeaders: async () => new Headers({ Cookie: 'a=1' }) };

async function serve(options: typeof DEFAULT_SITE_OPTIONS | undefined, support: CgiSupport | undefined, url = 'http://example.test:8123/site/blog/scripts/env.mjs', app = APP_AT_ROOT) {
  const request = { method: 'GET', target: '/scripts/env.mjs', headers: new Headers() };
  const handler = await siteHandler({ request, url: new URL(url), app, site: 'blog', files, options }, support ? { cgi: support } : {});
  const response = await handler.handle();
  return { handler, text: await new Response(response.body as BodyInit | null).text() };
}

describe('siteHandler', () => {
  const on = { ...DEFAULT_SITE_OPTIONS, cgi: true, cgiDirectories: ['/scripts'] };

  it('serves scripts as files when the site has CGI off, or nothing can run them', async () => {
    expect((await serve({ ...on, cgi: false }, cgi)).text).toBe('source');
    expect((await serve(on, undefined)).text).toBe('source');
    expect((await serve(undefined, cgi)).text).toBe('source');
  });

  it('runs them with the site’s directories, the URL’s host and port, and the network headers', async () => {
    const { handler, text } = await serve(on, cgi);
    expect(handler).toBeInstanceOf(CGIHTTPRequestHandler);
    expect(text).toBe('example.test:8123 /site/blog a=1');
  });

  it('puts PATH_TRANSLATED under the site’s folder wherever the app lives', async () => {
    const app = new AppUrls('/tools/dropserve/');
    expect((await serve(on, cgi, 'http://example.test:8123/tools/dropserve/site/blog/scripts/env.mjs', app)).text).toBe('example.test:8123 /tools/dropserve/site/blog a=1');
  });

  it('takes the scheme’s port when the URL has none', async () => {
    expect((await serve(on, cgi, 'https://example.test/site/blog/scripts/env.mjs')).text).toMatch(/^example.test:443 /);
  });
});

/**
 * CGI in Chromium (issue 4): the per-site switch, the environment, form posts, the response
 * rules, Python's error pages, module imports and `site.readText`.
 */
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './test.ts';
import { copyFixture, site } from './app.ts';
import { type PythonServer, startPythonServer } from './python-server.ts';
import { CGI_SITE, cgiUrl, fetchInPage, openCgiSite, requestPython, setCgi } from './cgi-app.ts';

let fixture: { remove: () => void } | undefined;
test.afterEach(() => fixture?.remove());

test('with the switch off scripts are files; with it on they run; the choice survives a reload', async ({ page }) => {
  fixture = await openCgiSite(page, { cgi: false });
  const toggle = site(page, CGI_SITE).getByTestId('cgi-toggle');
  await expect(toggle).not.toBeChecked();
  const source = await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'));
  expect(source.status).toBe(200);
  expect(source.text).toContain("stdout.write('Content-Type: application/json");

  await setCgi(page, true);
  const ran = await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'));
  expect(ran.statusText).toBe('Script output follows');
  expect(JSON.parse(ran.text).argv).toEqual(['env.mjs', '']);

  await page.reload();
  await expect(site(page, CGI_SITE).getByTestId('cgi-toggle')).toBeChecked();
  expect((await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'))).headers['content-type']).toBe('application/json');
});

test.describe('against python3 -m http.server --cgi', () => {
  let python: PythonServer;
  let pythonSite: { dir: string; remove: () => void };

  test.beforeAll(async () => {
    pythonSite = copyFixture(CGI_SITE);
    // Run as root, Python's CGI child becomes `nobody`, who must be able to reach the script.
    chmodSync(path.dirname(pythonSite.dir), 0o755);
    python = await startPythonServer(pythonSite.dir, ['--cgi']);
  });
  test.afterAll(async () => {
    await python?.stop();
    pythonSite?.remove();
  });

  /** The variables of the item 2 that do not depend on which server answers. */
  const SAME = ['GATEWAY_INTERFACE', 'SERVER_PROTOCOL', 'REQUEST_METHOD', 'PATH_INFO', 'QUERY_STRING', 'REMOTE_ADDR', 'REMOTE_HOST', 'AUTH_TYPE', 'REMOTE_USER', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'HTTP_ACCEPT'];
  const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

  for (const { name, target, headers } of [
    { name: 'GET without a query', target: '/cgi-bin/env.X', headers: {} },
    { name: 'GET with a query of words', target: '/cgi-bin/env.X?hello+world%21', headers: {} },
    { name: 'GET with a form query', target: '/cgi-bin/env.X?a=1&b=two+words', headers: {} },
    { name: 'PATH_INFO with encoded characters', target: '/cgi-bin/env.X/extra/p%2520ath/%C3%BC%3F/?q', headers: {} },
    { name: 'Basic auth', target: '/cgi-bin/env.X', headers: { Authorization: basic('alice:s3cret') } },
    { name: 'Basic auth with two colons (no user)', target: '/cgi-bin/env.X', headers: { Authorization: basic('bob:a:b') } },
  ]) {
    test(`the environment for ${name} is Python's`, async ({ page }) => {
      fixture = await openCgiSite(page);
      const sent = { Accept: 'text/html,application/json', ...headers };
      const ours = JSON.parse((await fetchInPage(page, cgiUrl(target.replace('.X', '.mjs')), { headers: sent })).text) as Dump;
      const theirs = JSON.parse((await requestPython(python.url + target.replace('.X', '.py'), { headers: sent })).text) as Dump;
      for (const key of SAME) expect.soft(ours.env[key], key).toBe(theirs.env[key]);
      expect(ours.env.SCRIPT_NAME).toBe(theirs.env.SCRIPT_NAME!.replace('.py', '.mjs'));
      expect(ours.argv).toEqual(theirs.argv.map((arg, index) => (index === 0 ? arg.replace('.py', '.mjs') : arg)));
      // The served root is Python's directory, the site's URL ours.
      expect(ours.env.PATH_TRANSLATED!.replace(`/site/${CGI_SITE}`, '<root>')).toBe(theirs.env.PATH_TRANSLATED!.replace(pythonSite.dir, '<root>'));
      expect(ours.env.SERVER_SOFTWARE).toBe('SimpleHTTP/0.6 dropserve/0.1');
      expect(theirs.env.SERVER_SOFTWARE).toMatch(/^SimpleHTTP\/0\.6 Python\//);
      expect(ours.env.SERVER_PORT).toBe(new URL(page.url()).port);
      expect(ours.env.SERVER_NAME).toBe('127.0.0.1');
      expect(ours.env.REMOTE_USER === undefined).toBe(!name.startsWith('Basic auth') || name.includes('two colons'));
    });
  }

  for (const { target, method } of [
    { target: '/cgi-bin/nope.mjs', method: 'GET' },
    { target: '/cgi-bin/subdir', method: 'GET' },
    { target: '/cgi-bin/', method: 'GET' },
    { target: '/cgi-bin/notes.txt', method: 'GET' },
    { target: '/cgi-bin/notes.txt', method: 'HEAD' },
    { target: '/index.html', method: 'POST' },
  ]) {
    test(`${method} ${target} gets Python's error page`, async ({ page }) => {
      fixture = await openCgiSite(page);
      const ours = await fetchInPage(page, cgiUrl(target), { method });
      const theirs = await requestPython(python.url + target, { method });
      expect(ours.status).toBe(theirs.status);
      expect(ours.statusText).toBe(theirs.statusText);
      expect(ours.headers['content-type']).toBe(theirs.headers['content-type']);
      expect(ours.headers['content-length']).toBe(theirs.headers['content-length']);
      expect(ours.text).toBe(theirs.text);
    });
  }
});

interface Dump {
  env: Record<string, string | undefined>;
  argv: string[];
}

test('the browser’s Cookie, Referer and User-Agent reach the script', async ({ page, context }) => {
  fixture = await openCgiSite(page);
  await context.addCookies([{ name: 'flavour', value: 'oat', url: page.url() }]);
  const { env } = JSON.parse((await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'))).text) as Dump;
  expect(env.HTTP_COOKIE).toBe('flavour=oat');
  expect(env.HTTP_REFERER).toBe(page.url());
  expect(env.HTTP_USER_AGENT).toBe(await page.evaluate(() => navigator.userAgent));
});

test('form posts reach stdin byte for byte: urlencoded, and multipart with a binary file', async ({ page }) => {
  fixture = await openCgiSite(page);
  const urlencoded = 'name=J%C3%BCrgen&note=a+b%26c&empty=';
  const echoed = await fetchInPage(page, cgiUrl('/cgi-bin/echo.mjs'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: urlencoded,
  });
  expect(echoed.statusText).toBe('Script output follows');
  expect(echoed.headers['x-request-content-type']).toBe('application/x-www-form-urlencoded');
  expect(echoed.text).toBe(urlencoded);

  const file = Array.from({ length: 3000 }, (_, i) => (i * 7) % 256);
  const multipart = await fetchInPage(page, cgiUrl('/cgi-bin/echo.mjs'), {
    method: 'POST',
    form: { title: 'Grüße', upload: { name: 'data.bin', type: 'application/octet-stream', bytes: file } },
  });
  const contentType = multipart.headers['x-request-content-type']!;
  expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
  const body = Buffer.from(multipart.bytes);
  expect(Number(multipart.headers['x-body-length'])).toBe(body.length);
  // The body is the browser's own encoding: parse it back and find the file's exact bytes.
  const parsed = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  expect(parsed.get('title')).toBe('Grüße');
  const upload = parsed.get('upload') as File;
  expect(upload.name).toBe('data.bin');
  expect(Array.from(new Uint8Array(await upload.arrayBuffer()))).toEqual(file);
});

test('Status: sets the status, Location: redirects with 302 into the site', async ({ page }) => {
  fixture = await openCgiSite(page);
  const notFound = await fetchInPage(page, cgiUrl('/cgi-bin/status.mjs/x'));
  expect([notFound.status, notFound.statusText, notFound.text]).toEqual([404, 'Not Here', 'nothing at /x\n']);

  const landed = await page.goto(cgiUrl('/cgi-bin/redirect.mjs'));
  const redirect = await landed!.request().redirectedFrom()!.response();
  expect(redirect!.status()).toBe(302);
  expect(await redirect!.headerValue('location')).toBe(`/site/${CGI_SITE}/data/hello.txt`);
  expect(page.url()).toMatch(new RegExp(`/site/${CGI_SITE}/data/hello.txt$`));
  expect(await landed!.text()).toBe('hello from the site\n');
});

test('a script imports a module of its site and reads a site file; nested and htbin scripts run', async ({ page }) => {
  fixture = await openCgiSite(page);
  const imported = await fetchInPage(page, cgiUrl('/cgi-bin/imports.mjs'));
  expect(imported.text).toBe('HELLO FROM THE SITE!\nbytes: 20\n');
  expect(imported.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect((await fetchInPage(page, cgiUrl('/cgi-bin/subdir/inner.mjs/more'))).text).toBe('inner /cgi-bin/subdir/inner.mjs /more\n');
  expect((await fetchInPage(page, cgiUrl('/htbin/hello.js'))).text).toBe('hello from htbin\n');
});

test('output streams as the script writes it; HEAD gets the headers only', async ({ page }) => {
  fixture = await openCgiSite(page);
  const timing = await page.evaluate(async (url) => {
    const start = performance.now();
    const reader = (await fetch(url, { cache: 'no-store' })).body!.getReader();
    const chunks: { text: string; at: number }[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push({ text: new TextDecoder().decode(read.value), at: performance.now() - start });
    }
    return chunks;
  }, cgiUrl('/cgi-bin/slow.mjs?1500'));
  expect(timing[0]!.text).toBe('first\n');
  expect(timing.map((chunk) => chunk.text).join('')).toBe('first\nsecond\n');
  expect(timing.at(-1)!.at - timing[0]!.at).toBeGreaterThan(1000);

  const head = await fetchInPage(page, cgiUrl('/cgi-bin/imports.mjs'), { method: 'HEAD' });
  expect([head.status, head.statusText, head.headers['content-type'], head.text]).toEqual([200, 'Script output follows', 'text/plain; charset=utf-8', '']);
});

test('the server log shows CGI requests, stderr and exit statuses', async ({ page }) => {
  fixture = await openCgiSite(page);
  const exited = await fetchInPage(page, cgiUrl('/cgi-bin/exit3.mjs'));
  expect(exited.text).toBe('about to exit\n');
  await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'));
  const log = page.getByTestId('server-log');
  await expect(log).toContainText('"GET /cgi-bin/exit3.mjs HTTP/1.1" 200 -');
  await expect(log).toContainText('something went wrong');
  await expect(log).toContainText('CGI script exit status 0x3');
  await expect(log).toContainText('"GET /cgi-bin/env.mjs HTTP/1.1" 200 -');
  await expect(log).toContainText('CGI script exited OK');
});

test('the README’s two example scripts work as it says, the form one through a real form', async ({ page, context }) => {
  fixture = await openCgiSite(page);
  const hello = await fetchInPage(page, cgiUrl('/cgi-bin/hello.mjs?Ada+Lovelace'));
  expect(hello.text).toBe('<p>Hello, Ada Lovelace!</p>\n<p>Served from your browser.</p>\n');

  // The app stays open in its tab: it runs the scripts.
  const visitor = await context.newPage();
  await visitor.goto(cgiUrl('/'));
  await visitor.getByRole('button', { name: 'Send' }).click();
  await expect(visitor.locator('body')).toHaveText('Please give an email address.');
  await visitor.goBack();
  await visitor.getByLabel('Email').fill('ada@example.org');
  await visitor.getByRole('button', { name: 'Send' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/site/${CGI_SITE}/thanks.html$`));
  await expect(visitor.locator('p')).toHaveText('Thanks, we got your address.');

  await page.bringToFront();
  const log = page.getByTestId('server-log');
  await expect(log).toContainText('"POST /cgi-bin/form.mjs HTTP/1.1" 400 -');
  await expect(log).toContainText('CGI script exit status 0x1');
  await expect(log).toContainText('"POST /cgi-bin/form.mjs HTTP/1.1" 302 -');
});

/**
 * The vertical slice, seen in Chromium: a folder imported through the real hooks is served by the
 * Service Worker with SimpleHTTPRequestHandler semantics — compared byte for byte with CPython's
 * http.server serving the same folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { dropFolder, importWithPicker, openApp, site, tempFolder } from './app.ts';
import { type PythonServer, startPythonServer } from './python-server.ts';

/** Names that exercise the listing's escaping, quoting and sorting. */
const AWKWARD_NAMES = [
  'a b.txt', 'plus+sign.txt', 'percent%25.txt', '100%.txt', 'hash#tag.txt', 'what?.txt', 'amp&lt;.txt',
  '<i>tag.html', 'quote"double.txt', "quote'single.txt", 'café.txt', 'Zed.txt', 'zed2.txt', 'Émile.txt',
  '_under.txt', '-dash.txt', '.hidden', '😀emoji.txt', '[br].txt', 'CAPS.TXT',
];

const SITE = 'conformance';
let folder: ReturnType<typeof tempFolder>;
let python: PythonServer;

test.beforeAll(async () => {
  folder = tempFolder(SITE);
  const { dir } = folder;
  mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
  mkdirSync(path.join(dir, 'empty dir'));
  mkdirSync(path.join(dir, 'with index'));
  for (const name of AWKWARD_NAMES) writeFileSync(path.join(dir, name), `content of ${name}\n`);
  writeFileSync(path.join(dir, 'sub', 'page.html'), '<!doctype html><title>sub page</title><p>sub page</p>\n');
  writeFileSync(path.join(dir, 'sub', 'deeper', 'data.json'), '{"deep": true}\n');
  writeFileSync(path.join(dir, 'with index', 'index.htm'), '<!doctype html><title>htm index</title><p>htm index</p>\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  python = await startPythonServer(dir);
});

test.afterAll(async () => {
  await python?.stop();
  folder?.remove();
});

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

/** What the page's fetch sees of a SW response. */
async function fetchInPage(page: Page, url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, { ...init, cache: 'no-store' });
      const body = Array.from(new Uint8Array(await response.arrayBuffer()));
      return { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), body };
    },
    { url, init },
  );
}

async function fetchPython(urlPath: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(python.url + urlPath, { ...init, redirect: 'manual' });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers),
    body: Array.from(new Uint8Array(await response.arrayBuffer())),
  };
}

test('a dropped folder keeps its empty directories and lists them with exactly Python’s bytes', async ({ page }) => {
  await dropFolder(page, folder.dir);
  await expect(site(page, SITE)).toBeVisible();

  for (const dir of ['/', '/sub/', '/empty%20dir/']) {
    const ours = await fetchInPage(page, `/site/${SITE}${dir}`);
    const theirs = await fetchPython(dir);
    expect.soft(ours.status, dir).toBe(200);
    expect.soft(ours.headers['content-type'], dir).toBe(theirs.headers['content-type']);
    expect.soft(ours.headers['content-length'], dir).toBe(theirs.headers['content-length']);
    expect(Buffer.from(ours.body).toString('utf8'), dir).toBe(Buffer.from(theirs.body).toString('utf8'));
  }
});

test('the listing and the pages are served to navigations by the Service Worker', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  const listing = await page.goto(`/site/${SITE}/`);
  expect(listing?.fromServiceWorker()).toBe(true);
  await expect(page).toHaveTitle('Directory listing for /');
  await page.getByRole('link', { name: 'sub/' }).click();
  await expect(page).toHaveURL(new RegExp(`/site/${SITE}/sub/$`));
  await page.getByRole('link', { name: 'page.html' }).click();
  await expect(page.locator('p')).toHaveText('sub page');

  // index.htm is served when there is no index.html
  await page.goto(`/site/${SITE}/with%20index/`);
  await expect(page.locator('p')).toHaveText('htm index');
});

test('a directory without its slash redirects 301 to it, keeping the query', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  const response = await page.goto(`/site/${SITE}/sub?q=1`);
  expect(page.url()).toMatch(new RegExp(`/site/${SITE}/sub/\\?q=1$`));
  const redirect = await response!.request().redirectedFrom()!.response();
  expect(redirect!.status()).toBe(301);
  expect(redirect!.statusText()).toBe('Moved Permanently');
  expect(await redirect!.headerValue('location')).toBe(`/site/${SITE}/sub/?q=1`);
  expect(await redirect!.headerValue('content-length')).toBe('0');

  // the site's own root, without its slash, too
  const root = await page.goto(`/site/${SITE}`);
  expect(page.url()).toMatch(new RegExp(`/site/${SITE}/$`));
  expect((await root!.request().redirectedFrom()!.response())!.status()).toBe(301);
});

test('a missing file gets Python’s 404 page, reason and headers', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  for (const missing of ['/missing.html', '/sub/page.html/', '/a%20b.txt/']) {
    const response = await page.goto(`/site/${SITE}${missing}`);
    const theirs = await fetchPython(missing);
    expect(response!.status(), missing).toBe(404);
    expect(response!.statusText(), missing).toBe('File not found');
    expect(theirs.statusText).toBe('File not found');
    const headers = await response!.allHeaders();
    expect(headers['content-type']).toBe('text/html;charset=utf-8');
    expect(headers['connection']).toBe('close');
    expect(headers['content-length']).toBe(theirs.headers['content-length']);
    expect(Buffer.from(await response!.body()).toString()).toBe(Buffer.from(theirs.body).toString());
  }
  // an unknown site is a missing path too
  const unknown = await page.goto('/site/no-such-site/');
  expect(unknown!.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Error response');
});

test('files carry Python’s headers; HEAD has them without a body; If-Modified-Since gets 304', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  const file = '/sub/deeper/data.json';
  const get = await fetchInPage(page, `/site/${SITE}${file}`);
  const theirs = await fetchPython(file);
  expect(get.status).toBe(200);
  expect(Buffer.from(get.body).toString()).toBe('{"deep": true}\n');
  for (const header of ['content-type', 'content-length', 'last-modified']) {
    expect.soft(get.headers[header], header).toBe(theirs.headers[header]);
  }
  expect(get.headers['server']).toMatch(/^SimpleHTTP\/0\.6 \S+$/);
  expect(new Date(get.headers['date']!).getTime()).toBeGreaterThan(Date.now() - 60_000);

  const head = await fetchInPage(page, `/site/${SITE}${file}`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers['content-length']).toBe('15');
  expect(head.headers['last-modified']).toBe(get.headers['last-modified']);
  expect(head.body).toHaveLength(0);

  const lastModified = get.headers['last-modified']!;
  const notModified = await fetchInPage(page, `/site/${SITE}${file}`, { headers: { 'If-Modified-Since': lastModified } });
  expect(notModified.status).toBe(304);
  expect(notModified.body).toHaveLength(0);
  expect(notModified.headers['content-length']).toBeUndefined();

  const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
  const modified = await fetchInPage(page, `/site/${SITE}${file}`, { headers: { 'If-Modified-Since': earlier } });
  expect(modified.status).toBe(200);
  const withEtagCheck = await fetchInPage(page, `/site/${SITE}${file}`, {
    headers: { 'If-Modified-Since': lastModified, 'If-None-Match': '"x"' },
  });
  expect(withEtagCheck.status).toBe(200);
});

test('methods other than GET and HEAD get 501 as in Python', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
    const ours = await fetchInPage(page, `/site/${SITE}/empty.txt`, { method });
    const theirs = await fetchPython('/empty.txt', { method });
    expect(ours.status, method).toBe(501);
    expect(ours.statusText, method).toBe(`Unsupported method ('${method}')`);
    expect(Buffer.from(ours.body).toString(), method).toBe(Buffer.from(theirs.body).toString());
  }
});

test('names with spaces, #, ?, %, quotes and non-ASCII are served by their listing links', async ({ page }) => {
  await importWithPicker(page, folder.dir, SITE);
  await page.goto(`/site/${SITE}/`);
  for (const name of ['a b.txt', 'hash#tag.txt', 'what?.txt', '100%.txt', 'café.txt', "quote'single.txt", '😀emoji.txt']) {
    const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
    const served = await fetchInPage(page, `/site/${SITE}/${href}`);
    expect(served.status, name).toBe(200);
    expect(Buffer.from(served.body).toString(), name).toBe(`content of ${name}\n`);
  }
  const empty = await fetchInPage(page, `/site/${SITE}/empty.txt`);
  expect(empty.status).toBe(200);
  expect(empty.headers['content-length']).toBe('0');
});

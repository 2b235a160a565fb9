/**
 * The CGI sandbox in Chromium (issue 4, item 5): scripts that try to reach storage, the network or
 * other code, or run away, end as the issue says — and afterwards every stored site is intact and
 * the next request works. A local server counts every connection a script might make.
 */
import http from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { copyFixture, importWithPicker } from './app.ts';
import { CGI_SITE, cgiUrl, fetchInPage, openCgiSite, setCgiTimeLimit } from './cgi-app.ts';
import { freePort } from './ports.ts';

const OTHER_SITE = 'multipage';

let witness: { server: http.Server; connections: number; url: string };
test.beforeAll(async () => {
  const port = await freePort();
  const server = http.createServer((_request, response) => response.end('export const x = 1;'));
  witness = { server, connections: 0, url: `127.0.0.1:${port}` };
  server.on('connection', () => witness.connections++);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => witness?.server.close(resolve));
});

/** What a person would see of every stored site: the list, each root listing or page, one file. */
async function snapshot(page: Page) {
  const names = await page.getByTestId('site').evaluateAll((entries) => entries.map((entry) => (entry as HTMLElement).dataset.siteName));
  const pages = [];
  for (const url of [`/site/${CGI_SITE}/`, `/site/${CGI_SITE}/cgi-bin/lib/util.mjs`, `/site/${OTHER_SITE}/`]) {
    const response = await fetchInPage(page, url);
    pages.push([url, response.status, response.text]);
  }
  return { names, pages };
}

test('scripts cannot reach storage or the network, and runaway scripts are stopped', async ({ page }) => {
  test.setTimeout(180_000);
  const fixture = await openCgiSite(page);
  const other = copyFixture(OTHER_SITE);
  try {
    await importWithPicker(page, other.dir);
    await setCgiTimeLimit(page, 2);
    const before = await snapshot(page);
    expect(before.names).toEqual([CGI_SITE, OTHER_SITE]);

    const origin = new URL(page.url()).origin;
    const attacks = [
      { script: 'indexeddb.mjs', status: 500, says: 'SecurityError' },
      { script: `fetch.mjs?${origin}/`, status: 500, says: 'Failed to fetch' },
      { script: `fetch.mjs?http://${witness.url}/`, status: 500, says: 'Failed to fetch' },
      { script: `xhr.mjs?http://${witness.url}/`, status: 500, says: 'XMLHttpRequest blocked' },
      { script: `websocket.mjs?ws://${witness.url}/`, status: 500, says: 'WebSocket' },
      { script: `eventsource.mjs?http://${witness.url}/`, status: 500, says: 'EventSource blocked' },
      { script: `import-url.mjs?https://${witness.url}/module.mjs`, status: 500, says: 'dynamically imported module' },
      { script: `import-scripts.mjs?http://${witness.url}/script.js`, status: 500, says: 'importScripts' },
      { script: 'throw.mjs', status: 500, says: 'Error: Deliberate &lt;failure&gt; &amp; co' },
      { script: 'loop.mjs', status: 504, says: "limit of 2 s" },
    ];
    for (const { script, status, says } of attacks) {
      await test.step(script, async () => {
        const response = await fetchInPage(page, cgiUrl(`/cgi-bin/attack/${script}`));
        expect(response.text).not.toContain('ESCAPED');
        expect(response.status).toBe(status);
        expect(response.text).toContain(says);
        expect(await snapshot(page)).toEqual(before);
        expect(JSON.parse((await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs'))).text).argv).toEqual(['env.mjs', '']);
      });
    }
    expect(witness.connections).toBe(0);

    const log = page.getByTestId('server-log');
    await expect(log).toContainText('at fail');
    await expect(log).toContainText('CGI script timed out after 2 s');
  } finally {
    other.remove();
    fixture.remove();
  }
});

test('output past the 64 MiB cap stops the script and ends the response, with a logged error', async ({ page }) => {
  const fixture = await openCgiSite(page);
  try {
    const received = await page.evaluate(async (url) => {
      const response = await fetch(url, { cache: 'no-store' });
      const reader = response.body!.getReader();
      let bytes = 0;
      for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
      return { status: response.status, bytes };
    }, cgiUrl('/cgi-bin/attack/big-output.mjs'));
    const header = 'Content-Type: application/octet-stream\n\n'.length;
    expect(received).toEqual({ status: 200, bytes: 64 * 2 ** 20 - header });
    await expect(page.getByTestId('server-log')).toContainText('CGI script output exceeded 67108864 bytes');
    expect((await fetchInPage(page, cgiUrl('/cgi-bin/imports.mjs'))).text).toBe('HELLO FROM THE SITE!\nbytes: 20\n');
  } finally {
    fixture.remove();
  }
});

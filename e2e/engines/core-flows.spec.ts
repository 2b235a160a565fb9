/**
 * dropserve's core flows in every engine (Chromium, Firefox, WebKit), with the app deployed at an
 * origin's root and under a sub-path of a plain static host, each answer compared with the live
 * `python3 -m http.server --cgi` serving the same folder. Each test owns its servers, so it can
 * stop the app's host and see the app and its site work offline.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, copyFixture } from '../app.ts';
import { type PythonServer, startPythonServer } from '../python-server.ts';
import { folderMembers, writeZip } from '../zip-fixtures.ts';
import { DEPLOYMENTS, type Deployment, type DeploymentKind, deploy } from './deployments.ts';
import { ENGINES, type EnginePage, type EngineSession } from './driver.ts';
import { openApp, waitFor } from './app-steps.ts';
import { launchEngine } from './launch.ts';
import { fetchInPage, requestPython } from './page-fetch.ts';

const SITE = 'engine-site';
const SITE_ENTRY = `[data-testid="site"][data-site-name="${SITE}"]`;
/** The CGI variables that do not depend on which server answers (as e2e/cgi.spec.ts compares them). */
const SAME_ENV = ['GATEWAY_INTERFACE', 'SERVER_PROTOCOL', 'REQUEST_METHOD', 'PATH_INFO', 'QUERY_STRING', 'REMOTE_ADDR', 'CONTENT_TYPE', 'CONTENT_LENGTH'];

const WHERE: Record<DeploymentKind, string> = {
  root: 'at the origin root',
  'sub-path': 'under a sub-path of python’s http.server',
  'project-site': 'under a sub-path with 404.html',
};

let python: PythonServer;
let pythonSite: { dir: string; remove: () => void };

test.beforeAll(async () => {
  pythonSite = copyFixture(SITE);
  // Run as root, Python's CGI child becomes `nobody`, who must be able to reach the scripts.
  chmodSync(path.dirname(pythonSite.dir), 0o755);
  python = await startPythonServer(pythonSite.dir, ['--cgi']);
});
test.afterAll(async () => {
  await python?.stop();
  pythonSite?.remove();
});

for (const engine of ENGINES) {
  for (const kind of DEPLOYMENTS) {
    test(`${engine}, app ${WHERE[kind]}: import, Python's answers, CGI, sandbox, re-import, offline`, async () => {
      test.setTimeout(240_000);
      const work = mkdtempSync(path.join(tmpdir(), 'dropserve-core-'));
      let host: Deployment | undefined;
      let session: EngineSession | undefined;
      try {
        host = await deploy(kind);
        session = await launchEngine(engine);
        test.info().annotations.push({ type: 'browser', description: session.version }, { type: 'app', description: host.appUrl });
        await coreFlows(session.page, host, work, `${engine}-${kind}`);
      } finally {
        await session?.close();
        await host?.stop();
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
}

async function coreFlows(page: EnginePage, host: Deployment, work: string, label: string): Promise<void> {
  const app = host.appUrl;
  const siteUrl = `${app}site/${SITE}/`;
  const sitePath = new URL(siteUrl).pathname;
  const ours = (target: string, init?: Parameters<typeof fetchInPage>[2]) => fetchInPage(page, `${sitePath}${target.slice(1)}`, init);
  const theirs = (target: string, init?: Parameters<typeof requestPython>[1]) => requestPython(`${python.url}${target}`, init);
  const shot = (name: string) => page.screenshot(path.join(test.info().project.outputDir, 'engines', `${label}-${name}.png`));

  await step('the Service Worker controls the app', async () => {
    await openApp(page, app);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${app}sw.js`);
  });

  await step('a zip of the folder imports', async () => {
    const zip = path.join(work, `${SITE}.zip`);
    writeZip(zip, folderMembers(path.join(FIXTURES, SITE), `${SITE}/`));
    await importZip(page, zip);
    expect(await page.evaluate((entry: string) => document.querySelector(`${entry} [data-testid="open-site"]`)?.getAttribute('href') ?? null, SITE_ENTRY)).toBe(sitePath);
    await shot('app');
  });

  await step('the index page, a listing and the 404 page are Python’s bytes', async () => {
    for (const target of ['/', '/docs/', '/docs/sub/', '/missing.html', '/docs/read%20me.txt', '/docs/caf%C3%A9.txt', '/media/bytes.bin']) {
      const [mine, python] = [await ours(target), await theirs(target)];
      expect.soft(mine.status, target).toBe(python.status);
      expect.soft(mine.headers['content-type'], target).toBe(python.headers['content-type']);
      expect.soft(mine.body.equals(python.body), `${target} bytes`).toBe(true);
    }
    await page.goto(`${siteUrl}docs/`);
    expect(await page.evaluate(() => document.title)).toBe('Directory listing for /docs/');
    await shot('listing');
  });

  await step('HEAD, If-Modified-Since and Range', async () => {
    const [mine, python] = [await ours('/docs/notes.txt', { method: 'HEAD' }), await theirs('/docs/notes.txt', { method: 'HEAD' })];
    expect([mine.status, mine.headers['content-length'], mine.body.length]).toEqual([python.status, python.headers['content-length'], 0]);
    // Each server's own Last-Modified: the zip keeps times to 2 s, the disk to the nanosecond.
    for (const [ask, of] of [[ours, 'ours'], [theirs, 'python']] as const) {
      const lastModified = (await ask('/docs/notes.txt')).headers['last-modified']!;
      expect((await ask('/docs/notes.txt', { headers: { 'If-Modified-Since': lastModified } })).status, of).toBe(304);
    }
    // Python 3.11 ignores Range; ours answers it (docs/deviations.md), with exact bytes.
    const range = await ours('/media/bytes.bin', { headers: { Range: 'bytes=2-5' } });
    expect([range.status, range.headers['content-range'], [...range.body]]).toEqual([206, 'bytes 2-5/256', [2, 3, 4, 5]]);
  });

  await step('a 301 adds the slash and keeps the query', async () => {
    const python = await theirs('/docs?x=1&y=%20');
    expect([python.status, python.headers.location]).toEqual([301, '/docs/?x=1&y=%20']);
    await page.goto(`${siteUrl}docs?x=1&y=%20`);
    expect(await page.url()).toBe(`${siteUrl}docs/?x=1&y=%20`);
  });

  await step('site-root links reach the site’s own files', async () => {
    await page.goto(`${siteUrl}root-links.html`);
    await waitFor(page, () => page.evaluate(() => document.querySelector('img')?.complete ?? false), 'the root-linked image');
    const seen = await page.evaluate(async () => ({
      color: getComputedStyle(document.body).color,
      script: document.documentElement.dataset.rootScript ?? null,
      image: document.querySelector('img')?.naturalWidth ?? 0,
      notes: await (await fetch('/docs/notes.txt')).text(),
    }));
    expect(seen).toEqual({ color: 'rgb(1, 2, 3)', script: 'ran', image: 8, notes: readFileSync(path.join(FIXTURES, SITE, 'docs/notes.txt'), 'utf8') });
  });

  await page.goto(app);
  await page.waitForSelector(SITE_ENTRY);
  await step('CGI switched on', async () => {
    await page.click(`${SITE_ENTRY} [data-testid="cgi-toggle"]`);
    await waitFor(page, async () => (await ours('/cgi-bin/env.mjs')).statusText === 'Script output follows', 'CGI to take effect');
  });

  await step('what the browser lacks, the app says or does without', async () => {
    await waitFor(page, () => page.evaluate(() => (document.querySelector('[data-testid="storage-status"]')?.textContent ?? '') !== ''), 'the storage status');
    const seen = await page.evaluate(() => ({
      folderHandles: 'showDirectoryPicker' in window,
      dropHandles: 'getAsFileSystemHandle' in DataTransferItem.prototype,
      estimate: typeof navigator.storage?.estimate === 'function',
      persist: typeof navigator.storage?.persist === 'function',
      storage: document.querySelector('[data-testid="storage-status"]')?.textContent ?? '',
      sync: document.querySelector(`[data-testid="sync-site"]:not([hidden])`) !== null,
    }));
    test.info().annotations.push({ type: 'lacks', description: JSON.stringify({ folderHandles: !seen.folderHandles, estimate: !seen.estimate, persist: !seen.persist }) });
    // The browser table's Sync row: only Chromium gives pages folder handles (the button needs one: sync-button.spec).
    expect([seen.folderHandles, seen.dropHandles]).toEqual(page.engine === 'chromium' ? [true, true] : [false, false]);
    expect(seen.storage).toMatch(seen.estimate ? /^Storage: .+ used of .+ available to dropserve\./ : /^This browser does not report how much storage is used\./);
    expect(seen.storage).toMatch(seen.persist ? /Stored persistently|Not persistent/ : /cannot be asked to keep them persistently/);
    // A zip gives no folder to sync, in any engine; the Sync button needs a folder handle (sync-button.spec).
    expect(seen.sync).toBe(false);
  });

  await step('CGI GET: the environment is Python’s', async () => {
    for (const query of ['', '?hello+world', '?a=1&b=two+words']) {
      const mine = JSON.parse((await ours(`/cgi-bin/env.mjs${query}`)).body.toString()) as EnvDump;
      const python = JSON.parse((await theirs(`/cgi-bin/env.py${query}`)).body.toString()) as EnvDump;
      for (const name of SAME_ENV) expect.soft(mine.env[name], `${name} for ${query || 'no query'}`).toBe(python.env[name]);
      expect(mine.argv.slice(1)).toEqual(python.argv.slice(1));
    }
    // What the browser would send a server: the page's cookie and its URL as the referrer.
    await page.evaluate(() => void (document.cookie = 'flavour=oat; path=/'));
    const { env } = JSON.parse((await ours('/cgi-bin/env.mjs')).body.toString()) as EnvDump;
    expect([env.HTTP_COOKIE, env.HTTP_REFERER]).toEqual(['flavour=oat', app]);
  });

  await step('CGI POST: the body and CONTENT_LENGTH are Python’s', async () => {
    const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const boundary = '----dropserve-core-flows';
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nGrüße\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="data.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      binary,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    // Bodies made here, sent by the page and by Node alike: each server must get exactly these bytes.
    const posts = [
      { name: 'urlencoded', type: 'application/x-www-form-urlencoded', body: Buffer.from('name=J%C3%BCrgen&note=a+b%26c&empty=') },
      { name: 'binary', type: 'application/octet-stream', body: binary },
      { name: 'multipart', type: `multipart/form-data; boundary=${boundary}`, body: multipart },
      { name: 'empty', type: undefined, body: Buffer.alloc(0) },
    ];
    for (const { name, type, body } of posts) {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const mine = await ours('/cgi-bin/echo.mjs', { method: 'POST', headers, ...(body.length ? { body64: body.toString('base64') } : {}) });
      const python = await theirs('/cgi-bin/echo.py', { method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) }, body });
      expect(mine.statusText, name).toBe('Script output follows');
      expect(python.statusText, `${name}: python's answer`).toBe('Script output follows');
      expect.soft(mine.body.equals(body), `${name}: the script got the bytes sent`).toBe(true);
      expect.soft(python.body.equals(body), `${name}: python's script got the bytes sent`).toBe(true);
      expect.soft([mine.headers['x-content-length'], mine.headers['x-request-content-type']], `${name}: CONTENT_LENGTH and CONTENT_TYPE`).toEqual([
        python.headers['x-content-length'],
        python.headers['x-request-content-type'],
      ]);
    }
    // A form the browser encodes itself: its own boundary, so the length is checked against what arrived.
    const form = await ours('/cgi-bin/echo.mjs', { method: 'POST', form: { title: 'Grüße', upload: { name: 'data.bin', type: 'application/octet-stream', bytes64: binary.toString('base64') } } });
    expect(form.headers['x-request-content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect([form.headers['x-content-length'], form.body.includes(binary)]).toEqual([String(form.body.length), true]);
  });

  await step('the CGI sandbox blocks IndexedDB, fetch and import()', async () => {
    const origin = new URL(app).origin;
    for (const script of ['indexeddb.mjs', `fetch.mjs?${origin}/`, `import-url.mjs?${origin}/${new URL(app).pathname.slice(1)}sw.js`]) {
      const answer = await ours(`/cgi-bin/attack/${script}`);
      expect.soft(answer.status, script).toBe(500);
      expect.soft(answer.body.toString(), script).not.toContain('ESCAPED');
    }
    expect((await ours('/docs/notes.txt')).status).toBe(200);
  });

  await step('importing the folder again serves the new bytes at once', async () => {
    mkdirSync(path.join(work, 'again'));
    const zip = path.join(work, 'again', `${SITE}.zip`);
    const members = folderMembers(path.join(FIXTURES, SITE), `${SITE}/`).map((member) =>
      member.name === `${SITE}/index.html` ? { name: member.name, data: '<h1>Changed</h1>\n', date: [2025, 1, 2, 3, 4, 6] as const } : member,
    );
    writeZip(zip, members);
    await importZip(page, zip, 'import-status');
    expect((await ours('/')).body.toString()).toBe('<h1>Changed</h1>\n');
  });

  if (host.servesNotFoundPage) {
    await step('a site URL opened before the Service Worker is installed ends on the site (404.html)', async () => {
      await page.evaluate(async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      });
      await page.goto(`${siteUrl}docs/notes.txt`);
      await waitFor(page, async () => (await page.evaluate(() => document.body?.textContent ?? '')) === 'Notes for the engines.\n', 'the site’s file after the boot');
      expect(await page.url()).toBe(`${siteUrl}docs/notes.txt`);
      // A missing path that names no site is just not found, with a way to the app.
      await page.goto(`${app}no-such-page`);
      expect(await page.evaluate(() => [document.querySelector('h1')?.textContent, document.querySelector('a')?.href])).toEqual(['Not Found', app]);
      await shot('not-found');
    });
  }

  await step('offline, with the app’s host stopped', async () => {
    await host.stop();
    await openApp(page, app);
    await page.waitForSelector(SITE_ENTRY);
    await page.goto(siteUrl);
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent ?? null)).toBe('Changed');
    const listing = await ours('/docs/');
    expect(listing.body.equals((await theirs('/docs/')).body)).toBe(true);
  });
}

/** A `test.step` that also says when it starts with DROPSERVE_E2E_TRACE set, to see where a slow engine spends its time. */
function step(title: string, body: () => Promise<void>): Promise<void> {
  if (process.env.DROPSERVE_E2E_TRACE) console.log(`${new Date().toISOString()} ${test.info().title.split(',')[0]}: ${title}`);
  return test.step(title, body);
}

interface EnvDump {
  env: Record<string, string | undefined>;
  argv: string[];
}


/** Puts `zip` on the zip picker and waits for the import to end, failing with the app's message if it fails. */
async function importZip(page: EnginePage, zip: string, done: 'site' | 'import-status' = 'site'): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector<HTMLElement>('[data-testid="import-status"]');
    if (status) status.hidden = true;
  });
  await page.setInputFile('[data-testid="zip-input"]', zip);
  await waitFor(
    page,
    () =>
      page.evaluate((done: string, entry: string) => {
        const shown = (testId: string) => {
          const notice = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
          return notice && !notice.hidden ? (notice.querySelector('.notice-text')?.textContent ?? '') : undefined;
        };
        const error = shown('import-error');
        if (error !== undefined) throw new Error(`import-error: ${error}`);
        const bar = document.querySelector<HTMLElement>('[data-testid="import-progress"]');
        const finished = done === 'site' ? document.querySelector(entry) !== null : shown('import-status') !== undefined;
        return finished && (bar === null || bar.hidden === true);
      }, done, SITE_ENTRY),
    'the import to finish',
    60_000,
  );
}



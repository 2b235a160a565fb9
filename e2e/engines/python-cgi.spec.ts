/**
 * Python CGI scripts in every engine (issue 13): the corpus of shared/cgi/fixtures/python-cgi run
 * under dropserve (Pyodide in the CGI sandbox) and under the live `python3 -m http.server --cgi`,
 * the bodies compared byte for byte; a form page posting to a script; and a script running
 * offline once Python has been used. The runner's own unit tests (shared/cgi/python-cgi.test.ts)
 * cover the contract in more detail, below the browser.
 */
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../ports.ts';
import { type PythonServer, startPythonServer } from '../python-server.ts';
import { folderMembers, writeZip } from '../zip-fixtures.ts';
import { deploy } from './deployments.ts';
import { ENGINES, type EnginePage } from './driver.ts';
import { openApp, waitFor } from './app-steps.ts';
import { launchEngine } from './launch.ts';
import { fetchInPage, requestPython } from './page-fetch.ts';

const CORPUS = path.join(import.meta.dirname, '../../shared/cgi/fixtures/python-cgi');
const SITE = 'python-cgi';
const SITE_ENTRY = `[data-testid="site"][data-site-name="${SITE}"]`;
const BOUNDARY = '----dropserve-python-cgi';
const UPLOAD = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 13) % 256));
const MULTIPART = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nGrüße\r\n`),
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="upload"; filename="data.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  UPLOAD,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

interface Exchange {
  readonly name: string;
  readonly target: string;
  readonly method?: string;
  readonly type?: string;
  readonly body?: Buffer;
}

/** Requests whose script output both servers relay unchanged after the header lines. */
const SAME_BODY: readonly Exchange[] = [
  { name: 'a form query', target: '/cgi-bin/form.py?name=Ada&tags=a&tags=b' },
  { name: 'an urlencoded post', target: '/cgi-bin/form.py', method: 'POST', type: 'application/x-www-form-urlencoded', body: Buffer.from('name=J%C3%BCrgen&note=a+b%26c') },
  { name: 'a multipart post with a binary file', target: '/cgi-bin/form.py', method: 'POST', type: `multipart/form-data; boundary=${BOUNDARY}`, body: MULTIPART },
  { name: 'text and bytes interleaved', target: '/cgi-bin/binary.py' },
  { name: 'sys.exit(3) after output', target: '/cgi-bin/exit3.py' },
  { name: 'a site file read by a relative path', target: '/cgi-bin/reads.py' },
  { name: 'a helper module imported', target: '/cgi-bin/imports.py' },
];

/** The variables that do not depend on which server answers (as e2e/cgi.spec.ts compares them). */
const SAME_ENV = ['GATEWAY_INTERFACE', 'SERVER_PROTOCOL', 'REQUEST_METHOD', 'PATH_INFO', 'QUERY_STRING', 'REMOTE_ADDR', 'CONTENT_TYPE', 'CONTENT_LENGTH'];

let python: PythonServer;
let served: string;

test.beforeAll(async () => {
  // Run as root, Python's CGI child becomes `nobody`, who must reach the scripts, and runs only executable ones.
  served = mkdtempSync(path.join(tmpdir(), 'dropserve-python-cgi-'));
  cpSync(CORPUS, served, { recursive: true });
  chmodSync(served, 0o755);
  for (const name of readdirSync(path.join(served, 'cgi-bin'))) chmodSync(path.join(served, 'cgi-bin', name), 0o755);
  python = await startPythonServer(served, ['--cgi']);
});
test.afterAll(async () => {
  await python?.stop();
  if (served) rmSync(served, { recursive: true, force: true });
});

for (const engine of ENGINES) {
  test(`${engine}: Python CGI scripts answer as python3 -m http.server --cgi does, and run offline`, async () => {
    test.setTimeout(240_000);
    const work = mkdtempSync(path.join(tmpdir(), 'dropserve-python-e2e-'));
    const host = await deploy('root');
    const session = await launchEngine(engine).catch(async (error: unknown) => {
      await host.stop();
      throw error;
    });
    try {
      const { page } = session;
      const sitePath = `/site/${SITE}`;
      const ours = (exchange: Exchange) =>
        fetchInPage(page, `${sitePath}${exchange.target}`, {
          method: exchange.method ?? 'GET',
          headers: exchange.type ? { 'Content-Type': exchange.type } : {},
          ...(exchange.body ? { body64: exchange.body.toString('base64') } : {}),
        });
      const theirs = (exchange: Exchange) =>
        requestPython(`${python.url}${exchange.target}`, {
          method: exchange.method ?? 'GET',
          headers: { ...(exchange.type ? { 'Content-Type': exchange.type } : {}), ...(exchange.body ? { 'Content-Length': String(exchange.body.length) } : {}) },
          ...(exchange.body ? { body: exchange.body } : {}),
        });

      await openWithSite(page, host.appUrl, work);

      for (const exchange of SAME_BODY) {
        const [mine, theirAnswer] = [await ours(exchange), await theirs(exchange)];
        expect.soft([mine.status, mine.statusText], exchange.name).toEqual([200, 'Script output follows']);
        expect.soft(mine.body.equals(theirAnswer.body), `${exchange.name}: ours ${JSON.stringify(mine.body.toString().slice(0, 200))} vs python ${JSON.stringify(theirAnswer.body.toString().slice(0, 200))}`).toBe(true);
      }

      const env = { name: 'the environment', target: '/cgi-bin/env.py/extra?a=1&b=two' };
      const mine = JSON.parse((await ours(env)).body.toString()) as EnvDump;
      const theirDump = JSON.parse((await theirs(env)).body.toString()) as EnvDump;
      for (const name of SAME_ENV) expect.soft(mine.environ[name], name).toBe(theirDump.environ[name]);
      expect([mine.name, mine.stdio, mine.argv.slice(1)]).toEqual([theirDump.name, theirDump.stdio, theirDump.argv.slice(1)]);
      // Where the site is differs by design: Python serves a folder on disk, dropserve the site's root.
      expect([mine.cwd, mine.path0, mine.argv[0]]).toEqual(['/site', '/site/cgi-bin', '/site/cgi-bin/env.py']);

      // An exception after the header lines: the output so far, then the response ends (as for a JS script's throw).
      const boom = await ours({ name: 'boom', target: '/cgi-bin/boom.py' });
      expect([boom.status, boom.body.toString()]).toEqual([200, 'partial output\n']);
      // A Location line redirects into the site (docs/deviations.md, row 21): seen by where a fetch that follows it ends.
      const followed = await page.evaluate(async (url: string) => {
        const response = await fetch(url, { cache: 'no-store' });
        return [response.url, await response.text()];
      }, `${sitePath}/cgi-bin/redirect.py`);
      expect(followed).toEqual([`${host.appUrl}site/${SITE}/data/x.csv`, readFileSync(path.join(CORPUS, 'data/x.csv'), 'utf8')]);

      await postAForm(page, host.appUrl, sitePath);
      await containment(page, host.appUrl, work);

      // Offline: the host is gone; the runtime comes from the page's cache, the site from IndexedDB.
      await host.stop();
      await openApp(page, host.appUrl);
      const offline = await ours(SAME_BODY[5]!);
      expect([offline.status, offline.body.equals((await theirs(SAME_BODY[5]!)).body)]).toEqual([200, true]);
    } finally {
      await session.close();
      await host.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
}

interface EnvDump {
  environ: Record<string, string | undefined>;
  argv: string[];
  cwd: string;
  path0: string;
  name: string;
  stdio: unknown;
}


/** Opens the app, imports the corpus as a zip and switches CGI on for it. */
async function openWithSite(page: EnginePage, app: string, work: string): Promise<void> {
  await openApp(page, app);
  const zip = path.join(work, `${SITE}.zip`);
  writeZip(zip, folderMembers(CORPUS, `${SITE}/`));
  await page.setInputFile('[data-testid="zip-input"]', zip);
  await waitFor(page, () => page.evaluate((entry: string) => document.querySelector(entry) !== null, SITE_ENTRY), 'the site to be imported', 60_000);
  await page.click(`${SITE_ENTRY} [data-testid="cgi-toggle"]`);
  // The first script also fetches and keeps the Python runtime, compiles it and boots an interpreter.
  await waitFor(page, async () => (await fetchInPage(page, `/site/${SITE}/cgi-bin/imports.py`)).statusText === 'Script output follows', 'the first Python script to run', 60_000);
}

/**
 * A person's form post: a page of the site (its listing) with a form whose action is a Python
 * script. The page is in a frame of the app's tab, since CGI needs an app tab open to run scripts
 * and these drivers hold one tab.
 */
async function postAForm(page: EnginePage, app: string, sitePath: string): Promise<void> {
  await openApp(page, app);
  await page.evaluate(async (listing: string, action: string) => {
    const frame = document.createElement('iframe');
    frame.id = 'form-frame';
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.onload = resolve;
      frame.src = listing;
    });
    const form = frame.contentDocument!;
    form.body.innerHTML = `<form method="post" action="${action}"><input name="name" value="Grace Hopper"><button>Send</button></form>`;
    form.querySelector('form')!.submit();
  }, `${sitePath}/`, `${sitePath}/cgi-bin/form.py`);
  const answer = () => page.evaluate(() => (document.querySelector<HTMLIFrameElement>('#form-frame')?.contentDocument?.body?.textContent ?? ''));
  // The frame is navigating while this polls: a read that meets no document counts as not yet.
  await waitFor(page, async () => (await answer().catch(() => '')).includes("name = 'Grace Hopper'"), 'the script’s answer to the form', 30_000).catch(async (error: Error) => {
    throw new Error(`${error.message}; the frame shows ${JSON.stringify((await answer()).slice(0, 300))}`);
  });
}

/**
 * Python's ways out of the sandbox reach nothing (as e2e/security-cgi-containment.spec.ts checks
 * for JS scripts): a local witness server counts every connection a script might make, a runaway
 * script is stopped at the site's time limit, and the next script runs as usual.
 */
async function containment(page: EnginePage, app: string, work: string): Promise<void> {
  const witness = await startWitness();
  try {
    await openApp(page, app);
    const zip = path.join(work, 'python-attacks.zip');
    writeZip(zip, folderMembers(path.join(import.meta.dirname, '../fixtures/python-attacks'), 'python-attacks/'));
    await page.setInputFile('[data-testid="zip-input"]', zip);
    const entry = '[data-testid="site"][data-site-name="python-attacks"]';
    await waitFor(page, () => page.evaluate((selector: string) => document.querySelector(selector) !== null, entry), 'the attack site to be imported', 60_000);
    await page.evaluate((selector: string) => {
      const input = document.querySelector<HTMLInputElement>(`${selector} [data-testid="cgi-time-limit"]`)!;
      input.value = '2';
      input.dispatchEvent(new Event('change'));
    }, entry);
    await new Promise((resolve) => setTimeout(resolve, 500)); // stored before the next option changes
    await page.click(`${entry} [data-testid="cgi-toggle"]`);
    const attack = (name: string) => fetchInPage(page, `/site/python-attacks/cgi-bin/attack.py?attack=${name}&witness=${encodeURIComponent(witness.url)}`);
    await waitFor(page, async () => (await attack('indexedDB')).statusText === 'Script output follows', 'CGI on for the attack site', 60_000);
    for (const name of ['js.fetch', 'pyfetch', 'open_url', 'XMLHttpRequest', 'indexedDB', 'importScripts', 'other-site']) {
      const answer = await attack(name);
      expect.soft(answer.body.toString(), name).not.toContain('ESCAPED');
    }
    expect((await attack('other-site')).body.toString()).toContain("['dev', 'home', 'lib', 'proc', 'site', 'tmp']\nonly this site");
    const runaway = await attack('runaway');
    expect([runaway.status, runaway.body.toString()]).toEqual([504, expect.stringContaining('limit of 2 s')]);
    expect((await attack('indexedDB')).body.toString()).toContain('blocked indexedDB');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a request on its way would have arrived
    expect(witness.connections(), 'connections to the witness server').toBe(0);
  } finally {
    await witness.stop();
  }
}

async function startWitness(): Promise<{ url: string; connections: () => number; stop: () => Promise<void> }> {
  const port = await freePort();
  let connections = 0;
  const server = http.createServer((_request, response) => response.end('witness'));
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, connections: () => connections, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}




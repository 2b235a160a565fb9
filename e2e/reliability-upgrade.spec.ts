/**
 * A new app version (issue 7, item 4, second half): two real builds of the app with different
 * bytes (the second unminified, so every hashed file name and the shell version differ) are
 * served in turn at one origin. The new version takes over with every stored site intact, and a
 * preview left open keeps working under the new Service Worker.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyFixture, importWithPicker, site } from './app.ts';
import { freePort } from './ports.ts';
import { folderHashes, storedState } from './stored-state.ts';
import { expect, test } from './test.ts';

test.describe.configure({ timeout: 240_000 });

const ROOT = path.resolve(import.meta.dirname, '..');

function build(outDir: string, ...flags: string[]): void {
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...flags], { cwd: ROOT, stdio: 'inherit' });
}

/** The app's own script, as the built index.html names it. */
function appScript(dist: string): string {
  const match = /<script type="module" crossorigin src="([^"]+)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'));
  if (!match) throw new Error(`no module script in ${dist}/index.html`);
  // The build's URLs are relative to the app's folder (vite.config.ts); the app is at the root here.
  return new URL(match[1]!, 'http://app.test/').pathname;
}

/** scripts/serve.mjs serving `dist` on `port`; resolves once it listens. */
async function serve(dist: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DROPSERVE_DIST: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('dropserve is at')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  server.stdout!.resume();
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

test('a new app version takes over without losing sites or breaking an open preview', async ({ context, page }) => {
  const builds = mkdtempSync(path.join(tmpdir(), 'dropserve-builds-'));
  const [oldDist, newDist] = [path.join(builds, 'old'), path.join(builds, 'new')];
  build(oldDist);
  build(newDist, '--minify', 'false');
  expect(appScript(newDist)).not.toBe(appScript(oldDist));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const fixture = copyFixture('multipage', 'kept');
  let server = await serve(oldDist, port);
  try {
    await page.goto(`${origin}/`);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await importWithPicker(page, fixture.dir, 'kept');
    const before = await storedState(page);
    expect(before.sites.kept).toEqual(folderHashes(fixture.dir));
    const oldCaches = await page.evaluate(() => caches.keys());
    expect(oldCaches).toHaveLength(1);

    const preview = await context.newPage();
    await preview.goto(`${origin}/site/kept/`);
    await expect(preview).toHaveTitle(/.+/);
    const previewTitle = await preview.title();

    // The new version goes up at the same origin; the app page is reloaded, as a person would.
    await stop(server);
    server = await serve(newDist, port);
    await page.bringToFront();
    await page.reload();
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    // The new SW installs its shell cache, activates and deletes the old one.
    const shellCaches = () => page.evaluate(() => caches.keys());
    await expect.poll(async () => (await shellCaches()).filter((name) => !oldCaches.includes(name)), { timeout: 30_000 }).toHaveLength(1);
    await expect.poll(shellCaches, { timeout: 30_000 }).toHaveLength(1);
    // The page that runs is the new build's (reloaded once more, it comes from the new precache).
    await page.reload();
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    expect(await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src, location.href).pathname))).toContain(appScript(newDist));

    // Every site as it was, listed and byte-identical.
    await expect(site(page, 'kept')).toBeVisible();
    expect(await storedState(page)).toEqual(before);

    // The preview opened under the old version now runs under the new one and keeps working.
    await preview.bringToFront();
    await expect.poll(() => preview.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    const served = await preview.evaluate(async () => {
      const answers = await Promise.all(['css/site.css', 'docs/notes.txt', 'img/logo.png'].map((p) => fetch(p, { cache: 'no-store' })));
      return answers.map((r) => r.status);
    });
    expect(served).toEqual([200, 200, 200]);
    await preview.reload();
    expect(await preview.title()).toBe(previewTitle);
  } finally {
    await stop(server);
    fixture.remove();
    rmSync(builds, { recursive: true, force: true });
  }
});

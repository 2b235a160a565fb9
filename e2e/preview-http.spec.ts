/**
 * The preview handler's HTTP extensions in Chromium: ETag and 304, freshness after a re-import,
 * and byte ranges — a `<video>` that seeks to the middle of its media and plays.
 */
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { importWithPicker, openApp, tempFolder } from './app.ts';
import { sineWav } from './wav.ts';

const SITE = 'media-site';
let folder: ReturnType<typeof tempFolder>;

test.beforeEach(() => {
  folder = tempFolder(SITE);
  mkdirSync(path.join(folder.dir, 'media'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'note.txt'), 'first version\n');
  writeFileSync(path.join(folder.dir, 'media', 'tone.wav'), sineWav(8));
  // A site-root media URL, as a generator writes it.
  writeFileSync(path.join(folder.dir, 'video.html'), '<!doctype html><title>video</title><video id="player" src="/media/tone.wav" muted preload="metadata"></video>\n');
});

test.afterEach(() => folder.remove());

async function fetchInPage(page: Page, url: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ url, headers }) => {
      const response = await fetch(url, { headers, cache: 'no-store' });
      return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
    },
    { url, headers },
  );
}

test('files carry a strong ETag and no-cache; If-None-Match gives 304; a re-sync is never served stale', async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  const first = await fetchInPage(page, `/site/${SITE}/note.txt`);
  expect(first.status).toBe(200);
  expect(first.headers['cache-control']).toBe('no-cache');
  const etag = first.headers.etag!;
  expect(etag).toMatch(/^"[0-9A-Za-z-]+"$/);
  expect((await fetchInPage(page, `/site/${SITE}/note.txt`, { 'If-None-Match': etag })).status).toBe(304);

  await page.goto(`/site/${SITE}/note.txt`);
  await expect(page.locator('body')).toHaveText('first version');

  // Edited to the same size, as an editor saves it (a new mtime); the untouched file is kept as it was.
  const untouched = (await fetchInPage(page, `/site/${SITE}/video.html`)).headers.etag!;
  const file = path.join(folder.dir, 'note.txt');
  writeFileSync(file, 'secnd version\n');
  const { atime, mtime } = statSync(file);
  utimesSync(file, atime, new Date(mtime.getTime() + 2000)); // a later mtime, however coarse the clock
  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(folder.dir);
  await expect(page.getByTestId('import-status')).toContainText(`Synced “${SITE}”: 1 changed`);
  expect((await fetchInPage(page, `/site/${SITE}/video.html`, { 'If-None-Match': untouched })).status).toBe(304);

  const again = await fetchInPage(page, `/site/${SITE}/note.txt`, { 'If-None-Match': etag });
  expect([again.status, again.text]).toEqual([200, 'secnd version\n']);
  expect(again.headers.etag).not.toBe(etag);
  await page.goto(`/site/${SITE}/note.txt`);
  await expect(page.locator('body')).toHaveText('secnd version');
});

test('a <video> seeks to the middle of its media through byte ranges and plays', async ({ page, context }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  // The app stays open in its own tab: its server log shows what the Service Worker answered.
  const app = await context.newPage();
  await openApp(app);
  await page.goto(`/site/${SITE}/video.html`);
  const player = page.locator('#player');
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.duration)).toBeCloseTo(8, 1);
  await player.evaluate(async (video: HTMLVideoElement) => {
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime = 4;
    await seeked;
    await video.play();
  });
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(4.2);
  expect(await player.evaluate((video: HTMLVideoElement) => video.error)).toBeNull();
  await expect(app.getByTestId('server-log')).toContainText(/"GET \/media\/tone\.wav HTTP\/1\.1" 206 -/);
  const range = await fetchInPage(page, '/media/tone.wav', { Range: 'bytes=32044-' });
  expect([range.status, range.headers['content-range'], range.text.length]).toEqual([206, 'bytes 32044-64043/64044', 32000]);
});

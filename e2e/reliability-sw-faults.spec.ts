/**
 * Service Worker faults (issue 7, item 4, first half): Chromium stops the SW (CDP
 * `ServiceWorker.stopAllWorkers`, what it does to an idle worker after ~30 s) between requests and
 * in the middle of streaming a large file; the next request must succeed, with the right bytes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { importWithPicker, openApp, tempFolder } from './app.ts';
import { folderHashes } from './stored-state.ts';
import { expect, test } from './test.ts';

test.describe.configure({ timeout: 180_000 });

const LARGE = 64 * 2 ** 20;

/** SHA-256 (hex) of what the SW serves at `url`, and the status. */
function fetchHash(page: Page, url: string): Promise<{ status: number; hash: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { cache: 'no-store' });
    const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
    return { status: response.status, hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
  }, url);
}

/** Stops every Service Worker and waits until Chromium reports ours stopped. */
async function stopServiceWorker(cdp: CDPSession, stopped: () => number): Promise<void> {
  const before = stopped();
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(stopped).toBeGreaterThan(before);
}

test('the SW stopped between requests and mid-stream: the next request succeeds with the right bytes', async ({ page }) => {
  const folder = tempFolder('faults');
  mkdirSync(path.join(folder.dir, 'sub'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'index.html'), '<!doctype html><title>faults</title><p>home</p>\n');
  writeFileSync(path.join(folder.dir, 'sub', 'small.txt'), 'small\n'.repeat(100));
  writeFileSync(path.join(folder.dir, 'large.bin'), randomBytes(LARGE));
  const hashes = folderHashes(folder.dir);
  const cdp = await page.context().newCDPSession(page);
  try {
    await openApp(page);
    await importWithPicker(page, folder.dir, 'faults');
    let stops = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) stops++;
    });
    await cdp.send('ServiceWorker.enable');

    // Between requests, five times over, alternating files and a navigation.
    for (let round = 0; round < 5; round++) {
      await stopServiceWorker(cdp, () => stops);
      expect(await fetchHash(page, '/site/faults/sub/small.txt')).toEqual({ status: 200, hash: hashes['sub/small.txt'] });
      await stopServiceWorker(cdp, () => stops);
      expect(await fetchHash(page, '/site/faults/large.bin')).toEqual({ status: 200, hash: hashes['large.bin'] });
    }
    await stopServiceWorker(cdp, () => stops);
    const preview = await page.context().newPage();
    await preview.goto('/site/faults/');
    await expect(preview.locator('p')).toHaveText('home');
    await preview.close();

    // Mid-stream: the page reads the first chunk, the SW is stopped, then the page reads on.
    await page.evaluate(() => {
      const state = { bytes: 0, outcome: '', go: () => {} };
      const resume = new Promise<void>((resolve) => (state.go = resolve));
      (window as unknown as { stream: typeof state }).stream = state;
      void (async () => {
        try {
          const reader = (await fetch('/site/faults/large.bin', { cache: 'no-store' })).body!.getReader();
          for (let first = true; ; first = false) {
            const { done, value } = await reader.read();
            if (done) break;
            state.bytes += value.length;
            if (first) await resume;
          }
          state.outcome = 'complete';
        } catch (error) {
          state.outcome = `failed: ${error}`;
        }
      })();
    });
    type StreamState = { bytes: number; outcome: string; go: () => void };
    await page.waitForFunction(() => (window as unknown as { stream: StreamState }).stream.bytes > 0);
    await stopServiceWorker(cdp, () => stops);
    await page.evaluate(() => (window as unknown as { stream: StreamState }).stream.go());
    await page.waitForFunction(() => (window as unknown as { stream: StreamState }).stream.outcome !== '');
    const interrupted = await page.evaluate(() => {
      const { bytes, outcome } = (window as unknown as { stream: StreamState }).stream;
      return { bytes, outcome };
    });
    // A Blob-backed body is streamed by the browser, not by the SW: it may well survive the stop.
    // Either way it must end (complete with every byte, or fail) and never hang or come back short.
    expect(interrupted.outcome === 'complete' ? interrupted.bytes : LARGE).toBe(LARGE);
    console.log(`mid-stream SW stop: ${interrupted.outcome} after ${interrupted.bytes} of ${LARGE} bytes`);

    expect(await fetchHash(page, '/site/faults/large.bin')).toEqual({ status: 200, hash: hashes['large.bin'] });
    expect(await fetchHash(page, '/site/faults/sub/small.txt')).toEqual({ status: 200, hash: hashes['sub/small.txt'] });
    expect(stops).toBeGreaterThanOrEqual(12);
  } finally {
    await cdp.detach();
    folder.remove();
  }
});

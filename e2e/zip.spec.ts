/**
 * Zip drop (issue 6, item 6): a `.zip` dropped on the drop zone or picked with "Choose a .zip…"
 * becomes a site whose files are byte-identical to the folder that was zipped, empty directories
 * included; a corrupt archive, a zip bomb and a cancelled import give a clear message and store
 * nothing at all.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { copyFixture, dropFolder, openApp, site } from './app.ts';
import { folderHashes, limitQuota, storedState } from './stored-state.ts';
import { expect, test } from './test.ts';
import { folderMembers, makeZip, writeZip } from './zip-fixtures.ts';

test.describe.configure({ timeout: 120_000 });

let work: string;
/** The folder that is zipped: the multipage fixture, an empty directory and a non-ASCII name. */
let source: { dir: string; remove: () => void };
/** `source` inside one top folder, as "Compress" makes it: `docs-site.zip` → `multipage/…`. */
let siteZip: string;

test.beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'dropserve-zip-e2e-'));
  source = copyFixture('multipage');
  mkdirSync(path.join(source.dir, 'empty'));
  writeFileSync(path.join(source.dir, 'café menü.txt'), 'crème brûlée\n');
  siteZip = path.join(work, 'docs-site.zip');
  writeZip(siteZip, [{ name: 'multipage/' }, ...folderMembers(source.dir, 'multipage/')]);
});

test.afterAll(() => {
  source?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A page-side fetch's status and body bytes. */
async function fetchBytes(page: Page, url: string): Promise<{ status: number; body: Buffer }> {
  const { status, body } = await page.evaluate(async (url) => {
    const response = await fetch(url, { cache: 'no-store' });
    return { status: response.status, body: Array.from(new Uint8Array(await response.arrayBuffer())) };
  }, url);
  return { status, body: Buffer.from(body) };
}

async function expectNothingStored(page: Page): Promise<void> {
  await expect(page.getByTestId('site')).toHaveCount(0);
  expect(await storedState(page)).toEqual({ sites: {}, staging: [], orphans: [] });
}

test('a dropped .zip becomes a site with every file byte-identical and its empty directory listed', async ({ page }) => {
  await openApp(page);
  await dropFolder(page, siteZip);
  await expect(site(page, 'docs-site')).toBeVisible();
  await expect(page.getByTestId('import-status')).toContainText('Imported “docs-site”');

  const stored = await storedState(page);
  expect(stored.sites['docs-site']).toEqual(folderHashes(source.dir));
  expect(stored.staging).toEqual([]);

  for (const file of ['index.html', 'img/logo.png', 'fonts/OpenSans-Regular.woff2', 'café menü.txt']) {
    const { status, body } = await fetchBytes(page, `/site/docs-site/${file.split('/').map(encodeURIComponent).join('/')}`);
    expect(status, file).toBe(200);
    expect(body.equals(readFileSync(path.join(source.dir, file))), file).toBe(true);
  }

  await page.goto('/site/docs-site/empty/');
  await expect(page.locator('h1')).toHaveText('Directory listing for /empty/');
  await expect(page.locator('ul li')).toHaveCount(0);
  await page.goto('/site/docs-site/');
  await expect(page).toHaveTitle('Fixture home');
});

test('a .zip picked with "Choose a .zip…" imports the same way', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('drop-zone').getByRole('button', { name: 'Choose a .zip…' }).click();
  await (await chooser).setFiles(siteZip);
  await expect(site(page, 'docs-site')).toBeVisible();
  expect((await storedState(page)).sites['docs-site']).toEqual(folderHashes(source.dir));
  await page.screenshot({ path: 'test-results/zip-import.png', fullPage: true });
});

test('a corrupt archive says which member is damaged and stores nothing', async ({ page }) => {
  await openApp(page);
  const bytes = makeZip([
    { name: 'site/index.html', data: '<h1>fine</h1>', method: 'store' },
    { name: 'site/css/site.css', data: 'body { color: red }', method: 'store' },
  ]);
  bytes[Buffer.from(bytes).indexOf('red')] ^= 0x20; // one byte of css/site.css's data
  const corrupt = path.join(work, 'corrupt.zip');
  writeFileSync(corrupt, bytes);
  await page.getByTestId('zip-input').setInputFiles(corrupt);
  await expect(page.getByTestId('import-error')).toContainText(
    'The archive “corrupt.zip” is damaged: “site/css/site.css” does not match its checksum (CRC-32): its data is corrupt — nothing was changed.',
  );
  await expectNothingStored(page);

  const truncated = path.join(work, 'truncated.zip');
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 30));
  await dropFolder(page, truncated);
  await expect(page.getByTestId('import-error')).toContainText('The archive “truncated.zip” is not a zip archive, or it is cut short');
  await expectNothingStored(page);
});

test('a zip bomb is refused from its table of contents and stores nothing', async ({ page }) => {
  await openApp(page);
  const bomb = path.join(work, 'bomb.zip');
  writeZip(bomb, [{ name: 'index.html', data: '<h1>hi</h1>' }, { name: 'zeros.bin', data: { zeros: 50_000_000 } }]);
  await dropFolder(page, bomb);
  await expect(page.getByTestId('import-error')).toContainText('The archive “bomb.zip” looks like a zip bomb: “zeros.bin” would unpack to 50 MB');
  await expect(page.getByTestId('import-progress')).toBeHidden();
  await expectNothingStored(page);
});

test('cancelling a big zip import while members are unpacked stores nothing', async ({ page }) => {
  await openApp(page);
  const big = path.join(work, 'big.zip');
  const part = path.join(work, 'part.txt'); // 24 MB of numbered lines: deflates about 4 : 1
  writeFileSync(part, Array.from({ length: 1_000_000 }, (_, i) => `line ${i} ${(i * 2654435761) % 1_000_003}\n`).join(''));
  writeZip(big, Array.from({ length: 6 }, (_, i) => ({ name: `big/part-${i}.txt`, source: part })));
  await dropFolder(page, big);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  // On a quiet machine the rest of the archive can unpack before a click lands: once the first
  // member is in, slow the page's CPU (CDP) so that the Cancel surely arrives mid-import.
  const cdp = await page.context().newCDPSession(page);
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000, intervals: [20] }).toBeGreaterThan(0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 });
  try {
    await progress.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  await expect(page.getByTestId('import-error')).toContainText('Import cancelled');
  await expect(progress).toBeHidden();
  await expectNothingStored(page);
});

/**
 * Chromium's quota override (CDP) limits what IndexedDB may store but not what
 * `navigator.storage.estimate()` reports, so this is the QuotaExceededError path: the unpacked
 * members fill the quota mid-import (the estimate check up front is unit-tested in web/).
 */
test('an archive that unpacks past the storage quota stores nothing', async ({ page, baseURL }) => {
  const lift = await limitQuota(page, new URL(baseURL!).origin, 4_000_000);
  try {
    await openApp(page);
    const large = path.join(work, 'large.zip');
    const noise = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 2654435761) >>> 24));
    writeZip(large, [{ name: 'a.bin', data: noise, method: 'store' }, { name: 'b.bin', data: noise, method: 'store' }]);
    await page.getByTestId('zip-input').setInputFiles(large);
    await expect(page.getByTestId('import-error')).toContainText('Not enough storage space');
    await expectNothingStored(page);
  } finally {
    await lift();
  }
});

test('a dropped file that is not a .zip is refused by name', async ({ page }) => {
  await openApp(page);
  const notes = path.join(work, 'notes.txt');
  writeFileSync(notes, 'not a site\n');
  await dropFolder(page, notes);
  await expect(page.getByTestId('import-error')).toContainText('dropserve serves folders and .zip archives: “notes.txt” is a file.');
  await expectNothingStored(page);
});

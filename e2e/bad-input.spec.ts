/**
 * Bad input gets a clear message and loses nothing: a cancelled, over-quota or unreadable import
 * leaves every stored site exactly as it was, and a same-named site is replaced only on success.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { copyFixture, dropFolder, importWithPicker, openApp, site, tempFolder } from './app.ts';

test.describe.configure({ timeout: 120_000 });

/** What a person would see of a site: its listing and one file's bytes, read through the SW. */
async function snapshot(page: Page, name: string): Promise<{ listing: string; file: string }> {
  return page.evaluate(async (name) => {
    const read = async (url: string) => (await fetch(url, { cache: 'no-store' })).text();
    return { listing: await read(`/site/${name}/docs/`), file: await read(`/site/${name}/css/site.css`) };
  }, name);
}

async function siteNames(page: Page): Promise<string[]> {
  return page.getByTestId('site').evaluateAll((sites) => sites.map((s) => (s as HTMLElement).dataset.siteName ?? ''));
}

/** A folder named `name` with `count` files of `size` bytes each, under a few subfolders. */
function bulkFolder(name: string, count: number, size: number) {
  const folder = tempFolder(name);
  const chunk = Buffer.alloc(size, 'x');
  for (let i = 0; i < count; i++) {
    const dir = path.join(folder.dir, `part-${i % 20}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `file-${i}.txt`), chunk);
  }
  return folder;
}

/** Opens the app with one stored site, `keep`, that every failure below must leave as it is. */
async function keepSite(page: Page): Promise<void> {
  const kept = copyFixture('multipage', 'keep');
  try {
    await openApp(page);
    await importWithPicker(page, kept.dir, 'keep');
  } finally {
    kept.remove();
  }
}

test('cancel stops the import, says so, and stores nothing', async ({ page }) => {
  await keepSite(page);
  const before = await snapshot(page, 'keep');
  const big = bulkFolder('big', 6000, 2048);
  try {
    await page.getByTestId('folder-input').setInputFiles(big.dir);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuemax', '6000');
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await progress.getByRole('button', { name: 'Cancel' }).click();

    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('import-error')).toContainText(/cancelled/i);
    await expect(progress).toBeHidden();
    expect(await siteNames(page)).toEqual(['keep']);
    expect(await snapshot(page, 'keep')).toEqual(before);
    const bigSite = await page.evaluate(async () => (await fetch('/site/big/', { cache: 'no-store' })).status);
    expect(bigSite).toBe(404);
  } finally {
    big.remove();
  }
});

test('running out of storage fails the import, keeps the old same-named site, and says why', async ({ page, baseURL }) => {
  // A real QuotaExceededError: Chromium is told that this origin may store 3 MB. The override only
  // holds for an origin that has stored nothing yet, so it comes before the app first opens.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3_000_000 });
  const tooBig = bulkFolder('keep', 40, 250_000);
  try {
    await keepSite(page);
    const before = await snapshot(page, 'keep');
    await page.getByTestId('folder-input').setInputFiles(tooBig.dir);
    await expect(page.getByTestId('import-error')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-error')).toContainText(/storage/i);
    expect(await siteNames(page)).toEqual(['keep']);
    expect(await snapshot(page, 'keep')).toEqual(before);
    await expect(site(page, 'keep')).toContainText('12 files');
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
    tooBig.remove();
  }
});

test('a file that cannot be read any more fails the import with its name and changes nothing', async ({ page }) => {
  await keepSite(page);
  const before = await snapshot(page, 'keep');
  // Imports run one at a time: while `slow` imports, `changing` waits in the queue with its Files
  // already taken; one of them is then changed on disk, so reading it fails as it would for a
  // file edited or deleted during a real import.
  const slow = bulkFolder('slow', 2000, 1024);
  const changing = tempFolder('changing');
  try {
    mkdirSync(changing.dir);
    writeFileSync(path.join(changing.dir, 'fine.txt'), 'fine\n');
    writeFileSync(path.join(changing.dir, 'edited.txt'), 'first version\n');
    await page.getByTestId('folder-input').setInputFiles(slow.dir);
    await page.getByTestId('folder-input').setInputFiles(changing.dir);
    appendFileSync(path.join(changing.dir, 'edited.txt'), 'edited while waiting\n');

    await expect(site(page, 'slow')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('import-error')).toContainText('edited.txt');
    expect(await siteNames(page)).toEqual(['keep', 'slow']);
    expect(await snapshot(page, 'keep')).toEqual(before);
  } finally {
    slow.remove();
    changing.remove();
  }
});

test('importing a folder of the same name replaces the site and says what changed', async ({ page }) => {
  await keepSite(page);
  const newer = tempFolder('keep');
  try {
    mkdirSync(newer.dir);
    writeFileSync(path.join(newer.dir, 'index.html'), '<!doctype html><title>v2</title><p>second version</p>\n');
    await page.getByTestId('folder-input').setInputFiles(newer.dir);
    await expect(page.getByTestId('import-status')).toContainText(/Synced “keep”: 1 changed, 0 added, \d+ removed, 0 files unchanged/);
    await expect(site(page, 'keep')).toContainText('1 file');
    const home = await page.evaluate(async () => (await fetch('/site/keep/', { cache: 'no-store' })).text());
    expect(home).toContain('second version');
    const gone = await page.evaluate(async () => (await fetch('/site/keep/css/site.css', { cache: 'no-store' })).status);
    expect(gone).toBe(404);
  } finally {
    newer.remove();
  }
});

test('an empty folder dropped becomes an empty site listed like Python lists an empty directory', async ({ page }) => {
  await keepSite(page);
  const empty = tempFolder('nothing here');
  try {
    mkdirSync(empty.dir);
    await dropFolder(page, empty.dir);
    await expect(site(page, 'nothing-here')).toBeVisible();
    await expect(site(page, 'nothing-here')).toContainText('0 files');
    const listing = await page.evaluate(async () => (await fetch('/site/nothing-here/', { cache: 'no-store' })).text());
    expect(listing).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n' +
        '<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n',
    );
  } finally {
    empty.remove();
  }
});

test('deleting a site removes it and all its files', async ({ page }) => {
  await keepSite(page);
  await site(page, 'keep').getByTestId('delete-site').click();
  await expect(site(page, 'keep')).toHaveCount(0);
  const status = await page.evaluate(async () => (await fetch('/site/keep/css/site.css', { cache: 'no-store' })).status);
  expect(status).toBe(404);
});

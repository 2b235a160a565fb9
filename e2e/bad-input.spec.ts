/**
 * Everyday input: a folder imported again, an empty folder, a deletion. A cancelled, over-quota or
 * unreadable import is in reliability-import-faults.spec.ts, which checks every stored byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { copyFixture, dropFolder, importWithPicker, openApp, site, tempFolder } from './app.ts';

test.describe.configure({ timeout: 120_000 });

/** Opens the app with one stored site, `keep`. */
async function keepSite(page: Page): Promise<void> {
  const kept = copyFixture('multipage', 'keep');
  try {
    await openApp(page);
    await importWithPicker(page, kept.dir, 'keep');
  } finally {
    kept.remove();
  }
}

test('importing a folder of the same name syncs the site and says what changed', async ({ page }) => {
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

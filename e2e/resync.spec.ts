/**
 * Re-sync (issue 6, item 5): dropping or picking a folder again writes only what changed — by size
 * and mtime — swaps it in atomically, says what changed, and reloads the site's open previews.
 */
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dropFolder, importWithPicker, openApp, tempFolder } from './app.ts';
import { folderHashes, storedState } from './stored-state.ts';
import { expect, test } from './test.ts';

const SITE = 'course';
let folder: ReturnType<typeof tempFolder>;

test.beforeEach(() => {
  folder = tempFolder(SITE);
  mkdirSync(path.join(folder.dir, 'notes'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'index.html'), '<!doctype html><title>Course</title><h1>Week 1</h1><a href="notes/">notes</a>\n');
  for (let i = 0; i < 20; i++) writeFileSync(path.join(folder.dir, 'notes', `n${i}.txt`), `note ${i}\n`);
  writeFileSync(path.join(folder.dir, 'old.txt'), 'to be removed\n');
});

test.afterEach(() => folder.remove());

/** Writes `text` to `relative` with an mtime two seconds later than it had: an edit, on any clock. */
function edit(relative: string, text: string): void {
  const file = path.join(folder.dir, relative);
  const { atime, mtime } = statSync(file);
  writeFileSync(file, text);
  utimesSync(file, atime, new Date(mtime.getTime() + 2000));
}

/** The storage id the site points at (if any), and each import's stored blob count: what each import wrote. */
function storedImports(page: Page, name: string): Promise<{ storageId: string | undefined; blobs: Record<string, number> }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dropserve');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['sites', 'blobs']);
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const site = (await read(tx.objectStore('sites').get(name))) as { storageId: string } | undefined;
    const keys = (await read(tx.objectStore('blobs').getAllKeys())) as [string, string][];
    db.close();
    const blobs: Record<string, number> = {};
    for (const [id] of keys) blobs[id] = (blobs[id] ?? 0) + 1;
    return { storageId: site?.storageId, blobs };
  }, name);
}

test('a re-dropped folder writes only its changed files, says what changed, and the open preview reloads', async ({ page, context }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  const { storageId: firstImport, blobs } = await storedImports(page, SITE);
  expect(blobs).toEqual({ [firstImport!]: 22 });

  const preview = await context.newPage();
  await preview.goto(`/site/${SITE}/`);
  await expect(preview.locator('h1')).toHaveText('Week 1');
  await preview.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  edit('index.html', '<!doctype html><title>Course</title><h1>Week 2</h1><a href="notes/">notes</a>\n');
  writeFileSync(path.join(folder.dir, 'notes', 'new.txt'), 'added\n');
  rmSync(path.join(folder.dir, 'old.txt'));
  await dropFolder(page, folder.dir);

  const status = page.getByTestId('import-status');
  await expect(status).toContainText(`Synced “${SITE}”: 1 changed, 1 added, 1 removed, 20 files unchanged.`);
  await expect(status).toContainText('Changed: index.html; Added: notes/new.txt; Removed: old.txt.');
  // Only the changed and the added file were written; the 20 unchanged ones stay where they were stored.
  const second = await storedImports(page, SITE);
  expect(second.blobs).toEqual({ [second.storageId!]: 2, [firstImport!]: 20 });
  expect(await storedState(page)).toEqual({ sites: { [SITE]: folderHashes(folder.dir) }, staging: [], orphans: [] });

  // The preview was navigated to where it was: a fresh document, showing the new version.
  await expect(preview.locator('h1')).toHaveText('Week 2');
  expect(await preview.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBeUndefined();
  expect(await preview.evaluate(async () => (await fetch('old.txt')).status)).toBe(404);
  expect(await preview.evaluate(async () => (await fetch('notes/new.txt')).text())).toBe('added\n');
});

test('a folder that changed nothing writes nothing and leaves the preview alone', async ({ page, context }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  const { storageId: stored } = await storedImports(page, SITE);
  const preview = await context.newPage();
  await preview.goto(`/site/${SITE}/notes/`);
  await preview.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await page.bringToFront(); // back to the app's tab: a background tab's file input gets no `change`
  await page.getByTestId('folder-input').setInputFiles(folder.dir);
  await expect(page.getByTestId('import-status')).toContainText(`“${SITE}” is up to date: nothing changed since the last import (22 files unchanged).`);
  expect(await storedImports(page, SITE)).toEqual({ storageId: stored, blobs: { [stored!]: 22 } });
  expect(await preview.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('deleting a synced site frees every byte, the kept ones included', async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  edit('index.html', 'v2\n');
  await page.getByTestId('folder-input').setInputFiles(folder.dir);
  await expect(page.getByTestId('import-status')).toContainText('1 changed');
  await page.locator(`[data-testid="site"][data-site-name="${SITE}"] [data-testid="delete-site"]`).click();
  await expect(page.getByTestId('import-status')).toContainText(`Deleted “${SITE}”`);
  expect(await storedImports(page, SITE)).toEqual({ storageId: undefined, blobs: {} });
  expect(await storedState(page)).toEqual({ sites: {}, staging: [], orphans: [] });
});

/**
 * Sync with a File System Access handle, in Chromium: a CDP folder drop (`Input.dispatchDragEvent`)
 * gives the page a real `FileSystemDirectoryHandle` through `getAsFileSystemHandle()`, with read
 * access granted for the page's life. After a reload the browser must ask again; headless Chromium
 * cannot answer a prompt, but `--deny-permission-prompts` makes it refuse, which is the refusal case.
 */
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DB_NAME } from '../shared/vfs/schema.ts';
import { dropFolder, importWithPicker, openApp, site, tempFolder } from './app.ts';
import { expect, test } from './test.ts';

const SITE = 'synced';
let folder: ReturnType<typeof tempFolder>;

test.beforeEach(async ({ page }) => {
  folder = tempFolder(SITE);
  mkdirSync(path.join(folder.dir, 'empty'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'index.html'), '<!doctype html><title>synced</title><p>home</p>\n');
  writeFileSync(path.join(folder.dir, 'changed.txt'), 'old bytes\n');
  writeFileSync(path.join(folder.dir, 'removed.txt'), 'soon gone\n');
  await openApp(page);
});

test.afterEach(() => folder.remove());

/** Status and text of a URL as the page's fetch (through the Service Worker) sees it. */
function fetchText(page: Page, url: string): Promise<{ status: number; text: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { cache: 'no-store' });
    return { status: response.status, text: await response.text() };
  }, url);
}

/** Changes the folder on disk: one file rewritten (a later mtime), one added, one deleted. */
function editFolder(dir: string): void {
  writeFileSync(path.join(dir, 'changed.txt'), 'new bytes, longer than before\n');
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(dir, 'changed.txt'), later, later);
  writeFileSync(path.join(dir, 'added.txt'), 'added\n');
  rmSync(path.join(dir, 'removed.txt'));
}

function syncButton(page: Page, name = SITE) {
  return site(page, name).getByTestId('sync-site');
}

test('a dropped folder gets Sync; pressing it (from the keyboard) imports what changed on disk', async ({ page }) => {
  await dropFolder(page, folder.dir);
  await expect(site(page, SITE)).toBeVisible();
  const sync = site(page, SITE).getByRole('button', { name: `Sync ${SITE}` });
  await expect(sync).toBeVisible();
  await expect(sync).toHaveAttribute('data-action', 'sync');
  await site(page, SITE).screenshot({ path: test.info().outputPath('site-with-sync.png') });
  expect((await fetchText(page, `/site/${SITE}/changed.txt`)).text).toBe('old bytes\n');

  editFolder(folder.dir);
  await sync.focus();
  await page.keyboard.press('Enter');

  await expect.poll(async () => (await fetchText(page, `/site/${SITE}/changed.txt`)).text).toBe('new bytes, longer than before\n');
  expect(await fetchText(page, `/site/${SITE}/added.txt`)).toEqual({ status: 200, text: 'added\n' });
  expect((await fetchText(page, `/site/${SITE}/removed.txt`)).status).toBe(404);
  expect((await fetchText(page, `/site/${SITE}/empty/`)).status).toBe(200); // the walk keeps empty directories, as a drop does
  await expect(page.getByTestId('import-error')).toBeHidden();
  await expect(page.getByTestId('import-status')).toContainText(
    `Synced “${SITE}”: 1 changed, 1 added, 1 removed, 1 file unchanged. Changed: changed.txt; Added: added.txt; Removed: removed.txt.`,
  );

  await syncButton(page).click(); // still there for the next change; with none, it says so
  await expect(page.getByTestId('import-status')).toContainText(`“${SITE}” is up to date: nothing changed since the last import (3 files unchanged).`);
});

test('a renamed site syncs from its folder into its new name', async ({ page }) => {
  await dropFolder(page, folder.dir);
  await site(page, SITE).getByRole('button', { name: `Rename ${SITE}` }).click();
  await page.getByRole('textbox', { name: `New name for ${SITE}` }).fill('journal');
  await page.keyboard.press('Enter');
  await expect(syncButton(page, 'journal')).toBeVisible();

  editFolder(folder.dir);
  await syncButton(page, 'journal').click();

  await expect.poll(async () => (await fetchText(page, '/site/journal/added.txt')).status).toBe(200);
  await expect(site(page, SITE)).toHaveCount(0); // not imported again under the folder's name
});

test('a folder picked with the file input has no Sync (no handle)', async ({ page }) => {
  await importWithPicker(page, folder.dir);
  await expect(syncButton(page)).toBeHidden();
  await expect(site(page, SITE).getByRole('button', { name: `Sync ${SITE}` })).toHaveCount(0);
});

test('Sync of a folder that was moved away says so and changes nothing', async ({ page }) => {
  await dropFolder(page, folder.dir);
  await expect(syncButton(page)).toBeVisible();
  const facts = await site(page, SITE).locator('.site-facts').textContent();

  editFolder(folder.dir);
  renameSync(folder.dir, `${folder.dir}-moved`);
  try {
    await syncButton(page).click();
    await expect(page.getByTestId('import-error')).toContainText(
      `The folder “${SITE}” is no longer where it was: it was moved, renamed or deleted. Nothing was changed — drop the folder here again`,
    );
    await page.screenshot({ path: test.info().outputPath('folder-gone.png') });
  } finally {
    renameSync(`${folder.dir}-moved`, folder.dir);
  }
  expect((await fetchText(page, `/site/${SITE}/changed.txt`)).text).toBe('old bytes\n');
  expect((await fetchText(page, `/site/${SITE}/removed.txt`)).status).toBe(200);
  await expect(site(page, SITE).locator('.site-facts')).toHaveText(facts!);
  await expect(page.getByTestId('import-progress')).toBeHidden();
});

test('the directory picker imports through a handle, keeps empty folders, and gives Sync; cancelling it does nothing', async ({ page }) => {
  // The native dialog cannot be driven headless: the page's picker answers with the real handle a drop stored.
  await dropFolder(page, folder.dir);
  await expect(syncButton(page)).toBeVisible();
  await page.evaluate(async ([dbName, siteName]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const handle = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('folderHandles').objectStore('folderHandles').get(siteName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    Object.assign(window, { showDirectoryPicker: async () => handle });
  }, [DB_NAME, SITE] as const);
  await site(page, SITE).getByTestId('delete-site').click();
  await expect(site(page, SITE)).toHaveCount(0);

  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(syncButton(page)).toBeVisible();
  expect((await fetchText(page, `/site/${SITE}/empty/`)).status).toBe(200); // kept, though empty

  await page.evaluate(() => Object.assign(window, { showDirectoryPicker: async () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')) }));
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(page.getByTestId('import-progress')).toBeHidden();
  await expect(page.getByTestId('import-error')).toBeHidden();
});

test.describe('when the browser refuses read access', () => {
  test.use({ chromiumArgs: ['--deny-permission-prompts'] });

  test('Sync after a reload asks, is refused, says so and changes nothing', async ({ page }) => {
    await dropFolder(page, folder.dir);
    await expect(syncButton(page)).toBeVisible();
    await page.reload(); // read access lasts for the page's life: now it must be asked for
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(syncButton(page)).toBeVisible(); // the handle is stored with the site

    editFolder(folder.dir);
    await syncButton(page).click();

    await expect(page.getByTestId('import-error')).toContainText(
      `dropserve was not allowed to read the folder “${SITE}”. Nothing was changed — press Sync again and allow it, or drop the folder here again.`,
    );
    expect((await fetchText(page, `/site/${SITE}/changed.txt`)).text).toBe('old bytes\n');
    expect((await fetchText(page, `/site/${SITE}/removed.txt`)).status).toBe(200);
  });
});

/**
 * Storage eviction and persistence (issue 7, item 6): the footer shows whether the browser keeps
 * the sites persistently and how much of the quota they use; when the browser has cleared the
 * database, or a site's record points at data that is gone, the app says so instead of showing
 * broken sites. Eviction is simulated with CDP `Storage.clearDataForOrigin` (IndexedDB only, as
 * storage-pressure eviction does) and by deleting a site's records underneath the app.
 */
import type { Page } from '@playwright/test';
import { copyFixture, importWithPicker, openApp, site } from './app.ts';
import { expect, test } from './test.ts';

async function importCopy(page: Page, name: string): Promise<void> {
  const copy = copyFixture('multipage', name);
  try {
    await importWithPicker(page, copy.dir, name);
  } finally {
    copy.remove();
  }
}

async function reopen(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

test('the footer shows persistence and usage against the quota', async ({ page }) => {
  await openApp(page);
  await importCopy(page, 'docs');
  const footer = page.getByTestId('storage-status');
  await expect(footer).toContainText(/Storage: [\d.]+ (bytes|KB|MB|GB) used of [\d.]+ (KB|MB|GB|TB) available/);
  await expect(footer).toContainText(/Stored persistently|Not persistent/);
});

test('a database cleared by the browser is reported, with the sites that are gone, not shown as broken sites', async ({ page, baseURL }) => {
  await openApp(page);
  await importCopy(page, 'first');
  await importCopy(page, 'second');
  await expect(page.getByTestId('storage-warning')).toBeHidden();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL!).origin, storageTypes: 'indexeddb' });
  await cdp.detach();
  await reopen(page);

  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('The browser has cleared dropserve’s storage: the sites “first”, “second” are gone.');
  await expect(page.getByTestId('site')).toHaveCount(0);
  expect(await page.evaluate(async () => (await fetch('/site/first/', { cache: 'no-store' })).status)).toBe(404);
  await page.screenshot({ path: test.info().outputPath('cleared.png') });

  // Said once: the next start, with the sites known to be gone, says nothing.
  await reopen(page);
  await expect(page.getByTestId('site')).toHaveCount(0);
  await expect(warning).toBeHidden();
});

test('sites deleted in the app are not reported as cleared', async ({ page }) => {
  await openApp(page);
  await importCopy(page, 'gone');
  await site(page, 'gone').getByTestId('delete-site').click();
  await expect(site(page, 'gone')).toHaveCount(0);
  await reopen(page);
  await expect(page.getByTestId('storage-warning')).toBeHidden();
});

test('a site whose stored files are gone is marked, cannot be opened, and can be deleted', async ({ page }) => {
  await openApp(page);
  await importCopy(page, 'whole');
  await importCopy(page, 'hurt');
  // Part of the site's data vanishes underneath the app, as a damaged profile or partial clearing would leave it.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dropserve');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = db.transaction('sites').objectStore('sites').get('hurt');
    const { storageId } = await new Promise<{ storageId: string }>((resolve) => (read.onsuccess = () => resolve(read.result)));
    const tx = db.transaction('blobs', 'readwrite');
    tx.objectStore('blobs').delete(IDBKeyRange.bound([storageId, ''], [storageId, []]));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await reopen(page);

  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('Part of the stored data of “hurt” is gone');
  const hurt = site(page, 'hurt');
  await expect(hurt).toHaveAttribute('data-damaged', 'true');
  await expect(hurt).toContainText('Files missing from the browser’s storage');
  await expect(hurt.getByTestId('open-site')).not.toHaveAttribute('href');
  await expect(site(page, 'whole')).not.toHaveAttribute('data-damaged');
  await expect(site(page, 'whole').getByTestId('open-site')).toHaveAttribute('href', '/site/whole/');
  await page.screenshot({ path: test.info().outputPath('damaged.png'), fullPage: true });

  await hurt.getByTestId('delete-site').click();
  await expect(hurt).toHaveCount(0);
  await expect(warning).toBeHidden();
});

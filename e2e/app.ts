/** Driving the app the way outside tests do: only through the docs/design.md#test-hooks `data-testid` hooks. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** Opens the app and waits until its Service Worker controls the page. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Imports `dir` through the folder picker and waits for its site entry. */
export async function importWithPicker(page: Page, dir: string, siteName = path.basename(dir)): Promise<void> {
  await page.getByTestId('folder-input').setInputFiles(dir);
  await expect(site(page, siteName)).toBeVisible();
}

/**
 * A real folder drop on `drop-zone`: CDP `Input.dispatchDragEvent` with the folder's path gives the
 * page a genuine directory entry, which a synthetic `drop` event cannot (docs/design.md#browser-tests).
 */
export async function dropFolder(page: Page, dir: string): Promise<void> {
  const box = await page.getByTestId('drop-zone').boundingBox();
  if (!box) throw new Error('drop-zone is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  try {
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
    }
  } finally {
    await cdp.detach();
  }
}

export function site(page: Page, name: string) {
  return page.locator(`[data-testid="site"][data-site-name="${name}"]`);
}

/** A copy of a fixture folder in a temp dir, under the given folder name. */
export function copyFixture(fixture: string, folderName = fixture): { dir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'dropserve-e2e-'));
  const dir = path.join(parent, folderName);
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** A fresh temp dir for a folder the test builds itself. */
export function tempFolder(folderName: string): { dir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'dropserve-e2e-'));
  const dir = path.join(parent, folderName);
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

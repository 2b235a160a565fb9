/**
 * The installable app: Chromium finds a valid manifest with icons and offers to install dropserve.
 * Also takes the README's screenshots, of the app and of a directory listing.
 */
import path from 'node:path';
import { expect, test } from './test.ts';
import { FIXTURES, importWithPicker, openApp } from './app.ts';

const SCREENSHOTS = path.join(import.meta.dirname, '..', 'docs', 'screenshots');

test('Chromium sees an installable app: a manifest with its icons and no installability errors', async ({ page }) => {
  await openApp(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest', {});
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  const parsed = JSON.parse(manifest.data ?? '{}') as { short_name?: string; icons?: { src: string }[] };
  expect(parsed.short_name).toBe('dropserve');
  for (const { src } of parsed.icons ?? []) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, src);
    expect(status, src).toBe(200);
  }
  await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
  await cdp.detach();
});

test('README screenshots: the app with a site, and a directory listing', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 760 });
  await openApp(page);
  await importWithPicker(page, path.join(FIXTURES, 'ssg-site'), 'ssg-site');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'app.png') });
  await page.goto('/site/ssg-site/assets/');
  await expect(page.locator('h1')).toHaveText('Directory listing for /assets/');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'listing.png') });
});

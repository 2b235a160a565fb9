/**
 * The per-site preview options in the site entry: a custom 404.html and the SPA fallback, both off
 * by default (Python's answers), saved with the site.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { FIXTURES, importWithPicker, openApp, site } from './app.ts';

const SITE = 'ssg-site';

async function status(page: Page, url: string): Promise<{ status: number; text: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { cache: 'no-store' });
    return { status: response.status, text: await response.text() };
  }, url);
}

test('404.html and SPA fallback are off by default and work once switched on in the site entry', async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, path.join(FIXTURES, SITE), SITE);
  const entry = site(page, SITE);
  const notFound = entry.getByTestId('not-found-page-toggle');
  const spa = entry.getByTestId('spa-fallback-toggle');
  await expect(notFound).not.toBeChecked();
  await expect(spa).not.toBeChecked();

  // Off: Python's error page for a route and for an asset.
  for (const url of [`/site/${SITE}/docs/intro`, `/site/${SITE}/missing.css`]) {
    const answer = await status(page, url);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Error code: 404');
  }

  await notFound.check();
  await spa.check();
  await page.reload();
  await expect(site(page, SITE).getByTestId('not-found-page-toggle')).toBeChecked();
  await expect(site(page, SITE).getByTestId('spa-fallback-toggle')).toBeChecked();

  // A missing asset keeps its 404, now with the site's page; a real file is still itself.
  const asset = await status(page, `/site/${SITE}/assets/missing.js`);
  expect(asset.status).toBe(404);
  expect(asset.text).toContain('This page does not exist');
  expect((await status(page, `/site/${SITE}/data.json`)).text).toContain('Hello from data.json');

  // A deep link of a client-side route gets the app's index.html, whose root URLs load.
  const route = await page.goto(`/site/${SITE}/docs/intro`);
  expect(route?.status()).toBe(200);
  await expect(page.locator('#greeting')).toHaveText('Hello from data.json');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(10, 20, 30)');

  const missing = await page.goto(`/site/${SITE}/missing.html`);
  expect(missing?.status()).toBe(404);
  await expect(page.locator('#not-found')).toHaveText('This page does not exist');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(10, 20, 30)');
  await page.screenshot({ path: test.info().outputPath('404-page.png') });

  // Switched off again: Python's answers are back.
  await openApp(page);
  await site(page, SITE).getByTestId('spa-fallback-toggle').uncheck();
  await site(page, SITE).getByTestId('not-found-page-toggle').uncheck();
  await expect.poll(async () => (await status(page, `/site/${SITE}/docs/intro`)).text).toContain('Error code: 404');
  await page.screenshot({ path: test.info().outputPath('site-entry.png') });
});

/**
 * Site-root links: a site built like a static-site generator's output (absolute `/assets/…`,
 * `/img/…`, `fetch('/data.json')`, links to `/about/`) previews under `/site/<name>/` with every
 * asset loaded, and the app's own URLs still serve the app.
 */
import type { Page, Response } from '@playwright/test';
import { expect, test } from './test.ts';
import { FIXTURES, importWithPicker, openApp } from './app.ts';
import path from 'node:path';

const SITE = 'ssg-site';

/** Every response the page sees that is an error, as `status url`. */
function collectFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
  return failures;
}

async function expectRendered(page: Page, greeting: string): Promise<void> {
  await expect(page.locator('#greeting')).toHaveText(greeting);
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(10, 20, 30)');
  await expect(page.locator('#greeting')).toHaveCSS('color', 'rgb(200, 10, 10)');
  await expect(page.locator('main')).toHaveCSS('background-image', /\/img\/logo\.svg/);
  expect(await page.locator('#logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(32);
}

test('a generator-style site previews with its site-root URLs, also after following a root link', async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, path.join(FIXTURES, SITE), SITE);
  const failures = collectFailures(page);

  await page.goto(`/site/${SITE}/`);
  await expectRendered(page, 'Hello from data.json');

  await page.locator('#about-link').click();
  await expect(page).toHaveURL(new RegExp(`/site/${SITE}/about/$`));
  await expectRendered(page, 'About this site, from data.json');
  await page.screenshot({ path: test.info().outputPath('ssg-about.png') });

  await page.locator('#home-link').click();
  await expect(page).toHaveURL(new RegExp(`/site/${SITE}/$`));
  await expectRendered(page, 'Hello from data.json');
  expect(failures).toEqual([]);
});

test("the app's own URLs keep serving the app", async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, path.join(FIXTURES, SITE), SITE);
  await page.goto(`/site/${SITE}/`);
  await expect(page.locator('#greeting')).toHaveText('Hello from data.json');
  // Typed in the address bar: no referrer, so the app, not the site's root.
  await openApp(page);
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  // The app page's own fetch of a site-root path is not redirected into a site.
  const status = await page.evaluate(async () => (await fetch('/data.json', { cache: 'no-store' })).status);
  expect(status).not.toBe(200);
});

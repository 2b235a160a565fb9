/**
 * Markup injection (issue 7, item 2): file, folder and site names and query strings that carry
 * `<script>`, `<img onerror>`, `<svg onload>`, quote breakouts and `javascript:` are shown as text
 * everywhere — directory listings, error pages, the app's messages, site list and server log — and
 * no injected script runs: every payload would set `window.pwned` or open a dialog, and neither
 * may happen in any page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dropFolder, openApp, site, tempFolder } from './app.ts';
import { expect, test } from './test.ts';

const RUN = 'window.top.pwned=1;alert(1)';
const FILE_NAMES = [
  `<img src=x onerror="${RUN}">.txt`,
  `<svg onload=${RUN}>.html`,
  `"><script>${RUN}<\\script>.txt`,
  `' onmouseover='${RUN}' x='.txt`,
  `javascript:${RUN}.txt`,
  `<iframe srcdoc="<script>${RUN}<\\script>">`,
];
const DIR_NAME = `"><img src=x onerror=${RUN}>`;
const FOLDER_NAME = `<img src=x onerror=${RUN}> site`;

/** Elements an injection would have made; the listing template itself has none of these. */
async function injectedElements(page: Page): Promise<number> {
  return page.locator('script, img, svg, iframe, [onerror], [onload], [onmouseover]').count();
}

async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
}

test('names and queries that carry markup are shown as text, and no injected script runs', async ({ context, page }) => {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const folder = tempFolder(FOLDER_NAME);
  mkdirSync(path.join(folder.dir, DIR_NAME), { recursive: true });
  for (const name of FILE_NAMES) writeFileSync(path.join(folder.dir, name), 'payload file\n');
  writeFileSync(path.join(folder.dir, DIR_NAME, 'inside.txt'), 'inside\n');
  try {
    await openApp(page);
    await dropFolder(page, folder.dir);
    const status = page.getByTestId('import-status');
    await expect(status).toContainText(FOLDER_NAME); // the folder's name, as text
    const entry = page.getByTestId('site').first();
    await expect(entry).toBeVisible();
    const name = (await entry.getAttribute('data-site-name'))!;
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/); // a site name is made URL-safe

    // The listing shows every name as text, and its links stay inside the site.
    const preview = await context.newPage();
    await preview.goto(`/site/${name}/`);
    for (const file of [...FILE_NAMES, `${DIR_NAME}/`]) await expect(preview.getByText(file, { exact: true })).toBeVisible();
    expect(await injectedElements(preview)).toBe(0);
    const hrefs = await preview.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href.startsWith(`${new URL(preview.url()).origin}/site/${name}/`)).toBe(true);
    await preview.getByText(`javascript:${RUN}.txt`, { exact: true }).click();
    await expect(preview.locator('body')).toContainText('payload file'); // a file, not a script
    await expectNothingRan(preview);

    // A directory whose name breaks out of quotes: its listing's title and heading are text.
    await preview.goto(`/site/${name}/`);
    await preview.getByText(`${DIR_NAME}/`, { exact: true }).click();
    await expect(preview.locator('h1')).toHaveText(`Directory listing for /${DIR_NAME}/`);
    expect(await injectedElements(preview)).toBe(0);

    // Query strings in a listing's title, and paths in error pages, of a site and of no site.
    for (const url of [
      `/site/${name}/?q=<script>${RUN}</script>"'><img src=x onerror=${RUN}>`,
      `/site/${name}/<img src=x onerror=${RUN}>`,
      `/site/<svg onload=${RUN}>/"><script>${RUN}</script>`,
      `/site/${name}/${encodeURIComponent(DIR_NAME)}?"><svg onload=${RUN}>`,
    ]) {
      await preview.goto(url);
      expect(await injectedElements(preview)).toBe(0);
      await expectNothingRan(preview);
    }
    await expect(preview.locator('h1')).toContainText('"><svg onload=');

    // The app's own messages: a rename to a name carrying markup is refused, quoting it as text.
    await page.bringToFront();
    await entry.getByRole('button', { name: `Rename ${name}` }).click();
    const input = entry.getByRole('textbox');
    await input.fill(`<img src=x onerror=${RUN}>`);
    await input.press('Enter');
    await expect(page.getByTestId('import-error')).toContainText(`“<img src=x onerror=${RUN}>” cannot be a site name`);
    // The server log shows every request above, markup and all, as text.
    await expect(page.getByTestId('server-log')).toContainText('GET /');
    expect(await page.locator('main img, main script, main svg:not(.drop-icon), main iframe, main [onerror], main [onload]').count()).toBe(0);
    await expectNothingRan(page);
    expect(dialogs).toEqual([]);
    await expect(site(page, name)).toBeVisible();
  } finally {
    folder.remove();
  }
});

/** A real multi-page site (CSS, JS modules, images, a web font, SVG) renders from the Service Worker. */
import { expect, test } from './test.ts';
import { copyFixture, importWithPicker, openApp } from './app.ts';

test('a multi-page site renders with its styles, module scripts, images and font', async ({ page }, testInfo) => {
  const fixture = copyFixture('multipage');
  try {
    await openApp(page);
    await importWithPicker(page, fixture.dir, 'multipage');
    await page.getByTestId('site').filter({ hasText: 'multipage' }).getByTestId('open-site').click();
    await expect(page).toHaveURL(/\/site\/multipage\/$/);
    await expect(page).toHaveTitle('Fixture home');

    // the module script ran and imported another module
    await expect(page.locator('#status')).toHaveText('The module script ran and imported another module.');
    await expect(page.locator('body')).toHaveAttribute('data-script-ran', 'yes');
    // the stylesheet applied
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(250, 240, 230)');
    await expect(page.locator('.title')).toHaveCSS('color', 'rgb(12, 34, 56)');
    // the images decoded
    for (const id of ['#logo', '#icon']) {
      await expect.poll(() => page.locator(id).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    }
    // the web font loaded from the site
    await expect.poll(() => page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((font) => font.family.includes('Fixture Sans') && font.status === 'loaded');
    })).toBe(true);

    // Kept in test-results/ as the run's picture of a rendered site.
    const screenshot = testInfo.outputPath('multipage-site.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('multipage-site', { path: screenshot, contentType: 'image/png' });

    // a second page through a relative link, and a listing for a folder without index
    await page.locator('#about-link').click();
    await expect(page).toHaveTitle('About the fixture');
    await expect(page.locator('.title')).toHaveCSS('color', 'rgb(12, 34, 56)');
    await page.goto('/site/multipage/docs/');
    await expect(page.locator('li a')).toHaveText(['data.json', 'guides/', 'notes.txt']);
  } finally {
    fixture.remove();
  }
});

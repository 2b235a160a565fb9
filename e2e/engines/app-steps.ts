/** Steps the engine specs share, in any engine's page (e2e/engines/driver.ts). */
import type { EnginePage } from './driver.ts';

/** Opens the app at `app` and waits until its Service Worker controls the page (one reload at most). */
export async function openApp(page: EnginePage, app: string): Promise<void> {
  await page.goto(app);
  await page.waitForSelector('html[data-ready="true"]');
  const controlled = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  if (!controlled) {
    await page.goto(app);
    await page.waitForSelector('html[data-ready="true"]');
  }
  await waitFor(page, () => page.evaluate(() => navigator.serviceWorker.controller !== null), 'the Service Worker to control the app');
}

/** Polls `check` until it holds; an error it throws ends the wait (WebDriver has no events to wait on). */
export async function waitFor(page: EnginePage, check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (at ${await page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

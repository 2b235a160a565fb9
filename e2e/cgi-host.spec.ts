/**
 * The app page as the CGI host (issue 4, item 5): the Service Worker reaches it again after it was
 * stopped, says so with a 503 when no app tab is open, and runs at most 4 scripts at once.
 */
import { expect, test } from './test.ts';
import { openApp } from './app.ts';
import { cgiUrl, fetchInPage, openCgiSite } from './cgi-app.ts';

let fixture: { remove: () => void } | undefined;
test.afterEach(() => fixture?.remove());

test('after the Service Worker is stopped, the next CGI request still works', async ({ page, context }) => {
  fixture = await openCgiSite(page);
  expect((await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs?first'))).statusText).toBe('Script output follows');

  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version: { runningStatus: string }) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;

  const again = await fetchInPage(page, cgiUrl('/cgi-bin/env.mjs?second'));
  expect(again.statusText).toBe('Script output follows');
  expect(JSON.parse(again.text).argv).toEqual(['env.mjs', 'second']);
});

test('with no app tab open, a CGI request gets a 503 page that says to open the app', async ({ page, context }) => {
  fixture = await openCgiSite(page);
  const visitor = await context.newPage();
  await page.close();
  const response = await visitor.goto(cgiUrl('/cgi-bin/env.mjs'));
  expect(response!.status()).toBe(503);
  await expect(visitor.locator('body')).toContainText('CGI needs the dropserve app open in a tab');
  // Static files need no app tab.
  expect((await visitor.goto(cgiUrl('/data/hello.txt')))!.status()).toBe(200);

  const app = await context.newPage();
  await openApp(app);
  await visitor.bringToFront();
  const served = await visitor.goto(cgiUrl('/cgi-bin/imports.mjs'));
  expect(served!.status()).toBe(200);
  await expect(visitor.locator('body')).toContainText('HELLO FROM THE SITE!');
});

test('at most 4 scripts run at once; the rest wait their turn', async ({ page }) => {
  fixture = await openCgiSite(page);
  const finished = await page.evaluate(async (url) => {
    const start = performance.now();
    return Promise.all(
      Array.from({ length: 6 }, async () => {
        const response = await fetch(url, { cache: 'no-store' });
        await response.text();
        return performance.now() - start;
      }),
    );
  }, cgiUrl('/cgi-bin/slow.mjs?1500'));
  finished.sort((a, b) => a - b);
  // Four run together; the last two start only when a slot frees, a whole run later.
  expect(finished[5]! - finished[0]!).toBeGreaterThan(1400);
  expect(finished[3]! - finished[0]!).toBeLessThan(1400);
});

test('closing the app tab while a script runs ends its request with 502 at once, not at the time limit', async ({ page, context }) => {
  fixture = await openCgiSite(page);
  const visitor = await context.newPage();
  await visitor.goto(cgiUrl('/data/hello.txt'));
  const response = visitor.evaluate(async (url) => {
    const start = performance.now();
    const answer = await fetch(url, { cache: 'no-store' });
    return { status: answer.status, text: await answer.text(), seconds: (performance.now() - start) / 1000 };
  }, cgiUrl('/cgi-bin/attack/loop.mjs'));
  await visitor.waitForTimeout(1000); // the script is running
  await page.close();
  const ended = await response;
  expect(ended.status).toBe(502);
  expect(ended.text).toContain('CGI script lost');
  expect(ended.seconds).toBeLessThan(8); // the site's limit is 10 s
});

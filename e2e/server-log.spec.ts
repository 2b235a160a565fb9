/**
 * The server log panel (`server-log`): the Service Worker reports every request in http.server's
 * format, and the app page shows the lines as they come, newest at the bottom.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { importWithPicker, openApp, tempFolder } from './app.ts';

const SITE = 'logged';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `127.0.0.1 - - [27/Nov/2026 11:20:48] <message>`: the prefix of every line. */
const LINE = /^127\.0\.0\.1 - - \[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}) (\d\d):(\d\d):(\d\d)\] (.*)$/s;

let folder: ReturnType<typeof tempFolder>;

test.beforeAll(() => {
  folder = tempFolder(SITE);
  mkdirSync(path.join(folder.dir, 'sub'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'a.txt'), 'a\n');
  writeFileSync(path.join(folder.dir, 'sub', 'page.html'), '<!doctype html><title>page</title><p>page</p>\n');
});
test.afterAll(() => folder?.remove());

/** The panel's lines, each split into its local time (checked against the clock) and its message. */
async function loggedMessages(log: Locator, startedAt: number): Promise<string[]> {
  const lines = await log.locator('li').allTextContents();
  return lines.map((line) => {
    const match = LINE.exec(line);
    if (!match) throw new Error(`not a log line: ${JSON.stringify(line)}`);
    const [, day, month, year, hours, minutes, seconds, message] = match;
    const time = new Date(Number(year), MONTHS.indexOf(month!), Number(day), Number(hours), Number(minutes), Number(seconds)).getTime();
    expect(time, line).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
    expect(time, line).toBeLessThanOrEqual(Date.now());
    return message!;
  });
}

async function fetchAll(page: Page, requests: readonly (readonly [method: string, url: string])[]): Promise<void> {
  await page.evaluate(async (requests) => {
    for (const [method, url] of requests) await fetch(url, { method, cache: 'no-store', redirect: 'manual' });
  }, requests);
}

test('each request shows as Python logs it, newest at the bottom; Clear empties the panel', async ({ page, context }) => {
  await openApp(page);
  await importWithPicker(page, folder.dir, SITE);
  const log = page.getByTestId('server-log');
  await expect(log.locator('li')).toHaveCount(0);
  const startedAt = Date.now();

  await fetchAll(page, [
    ['GET', `/site/${SITE}/a.txt`],
    ['GET', `/site/${SITE}/missing.html`],
    ['HEAD', `/site/${SITE}/sub/page.html`],
    ['GET', `/site/${SITE}/sub?q=1`],
    ['POST', `/site/${SITE}/a.txt`],
    ['patch', `/site/${SITE}/`],
    ['GET', `/site/${SITE}/a.txt?back\\slash`],
    ['GET', `/site/${SITE}/caf\u00e9 <b>.txt`],
  ]);
  // A navigation in another tab is logged in the app's tab too.
  const other = await context.newPage();
  await other.goto(`/site/${SITE}/sub/`);
  // The browser then asks the page's root for its icon, as it would of python -m http.server (site-root links).
  await expect(log).toContainText('"GET /favicon.ico HTTP/1.1" 404 -');
  await other.close();
  await page.bringToFront();

  const expected = [
    '"GET /a.txt HTTP/1.1" 200 -',
    'code 404, message File not found',
    '"GET /missing.html HTTP/1.1" 404 -',
    '"HEAD /sub/page.html HTTP/1.1" 200 -',
    '"GET /sub?q=1 HTTP/1.1" 301 -',
    "code 501, message Unsupported method ('POST')",
    '"POST /a.txt HTTP/1.1" 501 -',
    "code 501, message Unsupported method ('patch')",
    '"patch / HTTP/1.1" 501 -',
    // A backslash is escaped, as Python's log escapes it (docs/http-server-rules.md#a-10-5).
    '"GET /a.txt?back\\\\slash HTTP/1.1" 200 -',
    'code 404, message File not found',
    '"GET /caf%C3%A9%20%3Cb%3E.txt HTTP/1.1" 404 -',
    '"GET /sub/ HTTP/1.1" 200 -',
    'code 404, message File not found',
    '"GET /favicon.ico HTTP/1.1" 404 -',
  ];
  await expect(log.locator('li')).toHaveCount(expected.length);
  expect(await loggedMessages(log, startedAt)).toEqual(expected);
  // The site each line belongs to is shown beside it; the errors are marked.
  await expect(log.locator('li').first()).toHaveAttribute('data-site', SITE);
  await expect(log.locator('li').nth(1)).toHaveAttribute('data-status', '4xx');
  await expect(page.locator('.server-log-count')).toHaveText('15 lines');
  await page.screenshot({ path: test.info().outputPath('server-log.png'), fullPage: true });

  // Clear, from the keyboard.
  await page.getByRole('button', { name: 'Clear' }).focus();
  await page.keyboard.press('Enter');
  await expect(log.locator('li')).toHaveCount(0);
  await fetchAll(page, [['GET', `/site/${SITE}/a.txt`]]);
  await expect(log.locator('li')).toHaveCount(1);
  expect(await loggedMessages(log, startedAt)).toEqual(['"GET /a.txt HTTP/1.1" 200 -']);
});

test('the panel keeps the last 5,000 lines and follows the newest unless scrolled up', async ({ page }) => {
  await openApp(page);
  const log = page.getByTestId('server-log');
  /** Posts lines as the Service Worker does, on the log channel (another channel object reaches this page). */
  const report = (from: number, count: number) =>
    page.evaluate(({ from, count }) => {
      const channel = new BroadcastChannel('dropserve-log');
      for (let n = from; n < from + count; n++) {
        channel.postMessage({ kind: 'log-lines', lines: [{ site: 'many', line: `127.0.0.1 - - [27/Nov/2026 11:20:48] "GET /${n} HTTP/1.1" 200 -` }] });
      }
      channel.close();
    }, { from, count });
  const atBottom = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 8);
  /** The text of the line at the top of the panel's view. */
  const topLine = () =>
    log.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return [...el.children].find((line) => line.getBoundingClientRect().bottom > top + 1)?.textContent;
    });

  await report(0, 5100);
  await expect(log.locator('li')).toHaveCount(5000);
  await expect(log.locator('li').first()).toHaveText('127.0.0.1 - - [27/Nov/2026 11:20:48] "GET /100 HTTP/1.1" 200 -');
  await expect(log.locator('li').last()).toHaveText('127.0.0.1 - - [27/Nov/2026 11:20:48] "GET /5099 HTTP/1.1" 200 -');
  await expect(page.locator('.server-log-count')).toHaveText('5,000 lines (the oldest are dropped)');
  expect(await atBottom()).toBe(true);

  // Scrolled up to read: new lines (and the oldest dropping out) do not move what is being read.
  await log.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  const reading = await topLine();
  await report(5100, 10);
  await expect(log.locator('li').last()).toHaveText(/"GET \/5109 HTTP/);
  expect(await topLine()).toBe(reading);
  expect(await atBottom()).toBe(false);

  // Back at the bottom (End key in the focused panel): it follows again.
  await log.focus();
  await page.keyboard.press('End');
  await expect.poll(atBottom).toBe(true);
  await report(5110, 10);
  await expect(log.locator('li').last()).toHaveText(/"GET \/5119 HTTP/);
  expect(await atBottom()).toBe(true);
});

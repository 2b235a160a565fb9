/**
 * Chromium through Playwright, in a disk-backed profile of its own as e2e/test.ts gives every
 * Chromium test (a default context keeps IndexedDB in memory, which no user has).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.ts';
import { DEFAULT_TIMEOUT_MS, type EnginePage, type EngineSession, type PageFunction, VIEWPORT, pageExpression, readResult } from './driver.ts';

export async function launchChromium(): Promise<EngineSession> {
  const profile = mkdtempSync(path.join(tmpdir(), 'dropserve-chromium-'));
  const remove = () => rmSync(profile, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
    });
    context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    const page = context.pages()[0] ?? (await context.newPage());
    const version = `Chromium ${context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))}`;
    const open = context;
    let closed: Promise<void> | undefined;
    return {
      page: new PlaywrightPage(page),
      version,
      close: () => (closed ??= open.close().finally(remove)),
    };
  } catch (error) {
    await context?.close().catch(() => {});
    remove();
    throw error;
  }
}

class PlaywrightPage implements EnginePage {
  readonly engine = 'chromium';
  readonly #page: Page;

  constructor(page: Page) {
    this.#page = page;
  }

  async goto(url: string): Promise<void> {
    await this.#page.goto(url, { waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.#page.url();
  }

  async evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
    // A source string, evaluated over the DevTools protocol (the page's CSP does not apply).
    return readResult<R>(await this.#page.evaluate(pageExpression(fn, args)));
  }

  async setInputFile(selector: string, file: string): Promise<void> {
    await this.#present(selector);
    await this.#page.setInputFiles(selector, file);
  }

  async click(selector: string): Promise<void> {
    await this.#present(selector);
    await this.#page.click(selector);
  }

  /** Playwright's actions wait for their element; the other drivers' fail at once without one. */
  async #present(selector: string): Promise<void> {
    if ((await this.#page.locator(selector).count()) === 0) throw new Error(`no element matches ${selector}`);
  }

  async waitForSelector(selector: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.#page.waitForSelector(selector, { state: 'visible', timeout: timeoutMs });
  }

  async screenshot(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.#page.screenshot({ path: file });
  }
}

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. Playwright's Firefox support cannot drive
 * Debian's ESR: every new context sends `emulation.setMediaFeaturesOverride`, which ESR rejects as
 * an unknown command.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { DEFAULT_TIMEOUT_MS, type EnginePage, type EngineSession, type PageFunction, VIEWPORT, pageExpression, readResult } from './driver.ts';

export const FIREFOX_DEFAULT = '/usr/bin/firefox-esr';

export function firefoxExecutable(): string {
  return process.env.FIREFOX_PATH || FIREFOX_DEFAULT;
}

export async function launchFirefox(): Promise<EngineSession> {
  // A fresh profile per launch: no Service Worker and an empty IndexedDB to start from.
  const root = mkdtempSync(path.join(tmpdir(), 'dropserve-firefox-'));
  const userDataDir = path.join(root, 'profile');
  mkdirSync(userDataDir);
  const remove = () => rmSync(root, { recursive: true, force: true });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxExecutable(),
      headless: true,
      userDataDir,
      defaultViewport: VIEWPORT,
      // Firefox writes under $HOME at start-up and fails without a writable one.
      env: { ...process.env, HOME: writable(process.env.HOME) ? process.env.HOME : root },
    });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(VIEWPORT); // defaultViewport is applied to new pages only, not to the first tab
    page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    const version = await browser.version();
    const open = browser;
    let closed: Promise<void> | undefined;
    return {
      page: new PuppeteerPage(page),
      version,
      close: () => (closed ??= open.close().finally(remove)),
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    remove();
    throw error;
  }
}

class PuppeteerPage implements EnginePage {
  readonly engine = 'firefox';
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
    return readResult<R>(await this.#page.evaluate(pageExpression(fn, args)));
  }

  async setInputFile(selector: string, file: string): Promise<void> {
    // A file, never a folder: BiDi's input.setFiles refuses directories (NS_ERROR_FILE_IS_DIRECTORY).
    const input = (await this.#page.$(selector)) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error(`setInputFile: no element matches ${selector}`);
    try {
      await input.uploadFile(file);
    } finally {
      await input.dispose();
    }
  }

  async click(selector: string): Promise<void> {
    await this.#page.click(selector); // fails at once without an element, as the interface says
  }

  async waitForSelector(selector: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const handle = await this.#page.waitForSelector(selector, { visible: true, timeout: timeoutMs });
    await handle?.dispose();
  }

  async screenshot(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.#page.screenshot({ path: file as `${string}.png` });
  }
}

function writable(dir: string | undefined): dir is string {
  if (!dir) return false;
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

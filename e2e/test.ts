/**
 * Every e2e test runs in its own disk-backed Chromium profile, as a person's browser is: Playwright's
 * default context keeps IndexedDB in memory, where stored Files stay references to the disk and
 * quota is not enforced — neither is what a user gets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, test as base, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './browser.ts';

export { expect } from '@playwright/test';

export const test = base.extend<{ chromiumArgs: string[]; context: BrowserContext; page: Page }>({
  /** More Chromium flags for a spec's tests: `test.use({ chromiumArgs: [...] })`. */
  chromiumArgs: [[], { option: true }],
  context: async ({ baseURL, chromiumArgs }, use) => {
    const profile = mkdtempSync(path.join(tmpdir(), 'dropserve-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      args: [...CHROMIUM_ARGS, ...chromiumArgs],
      ...(baseURL ? { baseURL } : {}),
    });
    try {
      await use(context);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/browser.ts';
import { freePort } from './e2e/ports.ts';

// Picked once by the runner; its workers inherit it through the environment.
process.env.DROPSERVE_E2E_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.DROPSERVE_E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    // `npm run test:e2e` builds first; the server is ours (scripts/serve.mjs), stopped by Playwright.
    command: 'node scripts/serve.mjs',
    env: { PORT: process.env.DROPSERVE_E2E_PORT, HOST: '127.0.0.1' },
    url: baseURL,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});

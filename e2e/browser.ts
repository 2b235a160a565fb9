import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Playwright's own Chromium where it is installed, else CHROMIUM_PATH or Debian's (docs/design.md#browser-tests). */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const own = chromium.executablePath();
  if (existsSync(own)) return undefined; // Playwright finds its own
  return '/usr/bin/chromium';
}

/** Flags for a root, offline machine: no sandbox, no background traffic to unreachable hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

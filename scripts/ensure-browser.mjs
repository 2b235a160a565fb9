#!/usr/bin/env node
// Before the e2e tests: make sure a Chromium is there (DESIGN.md §8). Playwright's own browser
// when it is installed, else CHROMIUM_PATH, else Debian's /usr/bin/chromium; with none, install
// one — Playwright's download where that works, else Debian's package when running as root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const debian = '/usr/bin/chromium';
const found = [process.env.CHROMIUM_PATH, safe(() => chromium.executablePath()), debian].find((p) => p && existsSync(p));

if (found) {
  console.log(`e2e browser: ${found}`);
} else {
  console.log('No Chromium found for the e2e tests: installing one.');
  if (!tryRun('npx playwright install chromium')) {
    if (process.getuid?.() !== 0) fail(`Playwright could not download a browser. Install Chromium (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    console.log("Playwright's download failed; installing Debian's chromium with apt-get.");
    if (!tryRun('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium')) fail('apt-get could not install chromium.');
  }
}

function safe(f) {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function tryRun(command) {
  try {
    execSync(command, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

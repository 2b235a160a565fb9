#!/usr/bin/env node
// Before the e2e tests: make sure every engine e2e/engines drives is there (docs/design.md#browser-tests).
// Chromium: Playwright's own browser when it is installed, else CHROMIUM_PATH, else Debian's
// /usr/bin/chromium; with none, Playwright's download where that works. Firefox ESR (FIREFOX_PATH or
// /usr/bin/firefox-esr) and WebKitGTK (WebKitWebDriver + Xvfb + the Python GTK bindings that
// e2e/engines/wkbrowser.py runs on) come from Debian only. What is missing is installed with one
// apt-get run when root; otherwise this fails and says what to install. Never a silent skip: the
// engine tests fail without their browser (e2e/engines/launch.ts).
import { execFileSync, execSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

// Kept in step with ENGINE_PACKAGES in e2e/engines/launch.ts.
const WEBKIT_PACKAGES = ['webkit2gtk-driver', 'xvfb', 'xauth', 'gir1.2-webkit2-4.1', 'python3-gi'];

const checks = {
  chromium: () => [process.env.CHROMIUM_PATH, safe(() => chromium.executablePath()), '/usr/bin/chromium'].find((p) => p && existsSync(p)),
  firefox: () => [process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'].find((p) => existsSync(p)),
  webkit: () => {
    const programs = ['WebKitWebDriver', 'Xvfb'].map(onPath);
    return programs.every(Boolean) && pythonHasWebKit() ? programs.join(' + ') : undefined;
  },
};

if (process.env.FIREFOX_PATH && !existsSync(process.env.FIREFOX_PATH)) fail(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`);

let found = report();
const apt = [];
if (!found.chromium) {
  console.log('No Chromium found for the e2e tests: installing one.');
  if (!tryRun('npx playwright install chromium')) apt.push('chromium');
}
if (!found.firefox) apt.push('firefox-esr');
if (!found.webkit) apt.push(...WEBKIT_PACKAGES);

if (apt.length) {
  const command = `apt-get install -y ${apt.join(' ')}`;
  if (process.getuid?.() !== 0) fail(`Missing e2e browsers. Install them (Debian: sudo ${command}), or set CHROMIUM_PATH / FIREFOX_PATH.`);
  console.log(`Installing Debian packages for the e2e browsers: ${apt.join(' ')}`);
  if (!tryRun(`apt-get update && DEBIAN_FRONTEND=noninteractive ${command}`)) fail(`apt-get could not install ${apt.join(' ')}.`);
  found = report();
  const still = Object.keys(checks).filter((engine) => !found[engine]);
  if (still.length) fail(`Still missing after apt-get: ${still.join(', ')}.`);
}

/** Prints each engine's browser, or that it is missing; returns what was found. */
function report() {
  const result = Object.fromEntries(Object.entries(checks).map(([engine, check]) => [engine, check()]));
  for (const [engine, where] of Object.entries(result)) console.log(`e2e browser ${engine}: ${where ?? 'not found'}`);
  return result;
}

function onPath(program) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** wkbrowser.py's own imports, by the Python its #! line names. */
function pythonHasWebKit() {
  try {
    execFileSync('/usr/bin/python3', ['-c', "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')"], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
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

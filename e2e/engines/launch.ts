/**
 * Which engine runs a flow, and why one cannot. A missing engine is a failure naming the Debian
 * packages to install, never a skip: a test that passes in one engine because the others were
 * silently skipped proves nothing about them.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../browser.ts';
import { launchChromium } from './chromium.ts';
import type { EngineName, EngineSession } from './driver.ts';
import { firefoxExecutable, launchFirefox } from './firefox.ts';
import { WKBROWSER, launchWebKit } from './webkit.ts';

/** The Debian packages each engine needs (what .ci/run and scripts/ensure-browser.mjs install). */
export const ENGINE_PACKAGES: Readonly<Record<EngineName, readonly string[]>> = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth', 'gir1.2-webkit2-4.1', 'python3-gi'],
};

export function launchEngine(name: EngineName): Promise<EngineSession> {
  const missing = engineUnavailable(name);
  if (missing) return Promise.reject(new Error(missing));
  switch (name) {
    case 'chromium':
      return launchChromium();
    case 'firefox':
      return launchFirefox();
    case 'webkit':
      return launchWebKit();
  }
}

/** Why `name` cannot run on this machine, with what to install; undefined when it can. */
export function engineUnavailable(name: EngineName): string | undefined {
  const install = `install it (Debian: apt-get install -y ${ENGINE_PACKAGES[name].join(' ')})`;
  switch (name) {
    case 'chromium': {
      const executable = chromiumExecutable() ?? chromium.executablePath();
      return existsSync(executable) ? undefined : `Chromium not found at ${executable}: ${install} or set CHROMIUM_PATH.`;
    }
    case 'firefox': {
      const executable = firefoxExecutable();
      return existsSync(executable) ? undefined : `Firefox ESR not found at ${executable}: ${install} or set FIREFOX_PATH.`;
    }
    case 'webkit': {
      const lacking = ['WebKitWebDriver', 'Xvfb'].filter((program) => !onPath(program));
      if (lacking.length) return `WebKit needs ${lacking.join(' and ')}, not found on PATH: ${install}.`;
      try {
        // wkbrowser.py's own imports, by the Python that runs it (its #! line).
        execFileSync('/usr/bin/python3', ['-c', "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')"], { stdio: 'pipe' });
      } catch {
        return `WebKit needs /usr/bin/python3 with GTK 3 and WebKit2 4.1 introspection for ${path.basename(WKBROWSER)}: ${install}.`;
      }
      return undefined;
    }
  }
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir || '.', program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

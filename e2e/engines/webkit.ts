/**
 * WebKit as Debian ships it (WebKitGTK): an Xvfb display, WebKitWebDriver on it, and a small W3C
 * WebDriver Classic client over `fetch`. The browser is ./wkbrowser.py, not MiniBrowser: MiniBrowser's
 * automation session is ephemeral, and WebKit refuses Blobs in an ephemeral session's IndexedDB,
 * so no import could finish (see the comment at the top of wkbrowser.py).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../ports.ts';
import { DEFAULT_TIMEOUT_MS, type EnginePage, type EngineSession, type PageFunction, VIEWPORT, pageExpression, readResult } from './driver.ts';

export const WKBROWSER = path.join(import.meta.dirname, 'wkbrowser.py');

/** The W3C key an element reference is sent under. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** Longest any one command may take: an async script may run up to the session's script timeout. */
const SCRIPT_TIMEOUT_MS = 120_000;

export async function launchWebKit(): Promise<EngineSession> {
  const cleanups: (() => Promise<void>)[] = [];
  // Every step runs even when one fails, so that nothing is left running; the first failure is thrown.
  const cleanup = async () => {
    const failures: unknown[] = [];
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => failures.push(error));
    if (failures.length) throw failures[0];
  };
  try {
    // Undone in reverse: the session, then the driver's process group (the browser too), then
    // the browser's data, then the display.
    const xvfb = await startXvfb();
    cleanups.push(() => stop(xvfb.process));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dropserve-wkbrowser-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const driver = await startDriver(xvfb.display);
    cleanups.push(() => stop(driver.process, true));
    // A worker that exits without close() (a test timeout tears it down) must not leave them running.
    const onExit = () => {
      for (const [pid, group] of [[driver.process.pid, true], [xvfb.process.pid, false]] as const) {
        if (pid !== undefined) signalQuietly(group ? -pid : pid, 'SIGKILL');
      }
    };
    process.once('exit', onExit);
    cleanups.push(async () => void process.off('exit', onExit));

    const created = (await command(driver.url, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'wkbrowser',
          'webkitgtk:browserOptions': { binary: WKBROWSER, args: ['--automation', `--data-dir=${dataDir}`] },
          timeouts: { script: SCRIPT_TIMEOUT_MS, pageLoad: 60_000, implicit: 0 },
        },
      },
    })) as { sessionId: string; capabilities: { browserVersion?: string } };
    const session = `${driver.url}/session/${created.sessionId}`;
    cleanups.push(async () => {
      await command(session, 'DELETE', '', undefined, 10_000).catch(() => {});
    });

    const page = new WebDriverPage(session);
    let closed: Promise<void> | undefined;
    return {
      page,
      version: `WebKitGTK ${created.capabilities.browserVersion ?? '?'} (wkbrowser.py)`,
      close: () => (closed ??= cleanup()),
    };
  } catch (error) {
    await cleanup().catch(() => {}); // the launch's own error says more
    throw error;
  }
}

class WebDriverPage implements EnginePage {
  readonly engine = 'webkit';
  readonly #session: string;

  constructor(session: string) {
    this.#session = session;
  }

  async goto(url: string): Promise<void> {
    await this.#send('POST', '/url', { url }); // returns once the load event fired (pageLoadStrategy "normal")
  }

  async url(): Promise<string> {
    return (await this.#send('GET', '/url')) as string;
  }

  async evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
    // Async script: the driver appends a callback as the last argument. The outcome is reported as
    // {ok} or {err}, so that a page error comes back as an error here. JavaScriptCore's `stack`
    // holds only the frames, so the message goes first.
    const script = `const done = arguments[arguments.length - 1];
      ${pageExpression(fn, args)}.then((ok) => done({ ok }), (e) => done({ err: String(e) + (e && e.stack ? '\\n' + e.stack : '') }));`;
    const result = (await this.#send('POST', '/execute/async', { script, args: [] })) as { ok?: string; err?: string };
    if (result.err !== undefined) throw new Error(`in page: ${result.err}`);
    return readResult<R>(result.ok);
  }

  async setInputFile(selector: string, file: string): Promise<void> {
    // Element Send Keys on a file input takes the path as text (a hidden input is allowed).
    await this.#send('POST', `/element/${await this.#find(selector)}/value`, { text: file });
  }

  async click(selector: string): Promise<void> {
    await this.#send('POST', `/element/${await this.#find(selector)}/click`, {});
  }

  async waitForSelector(selector: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    // Classic WebDriver has no wait of its own: poll, with the visibility rule Playwright and
    // puppeteer use. A poll that lands mid-navigation fails; the next one runs in the new page.
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    for (;;) {
      try {
        const found = (await this.#send('POST', '/execute/sync', {
          script: `const e = document.querySelector(arguments[0]); if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';`,
          args: [selector],
        })) as boolean;
        if (found) return;
      } catch (error) {
        lastError = ` (last poll: ${(error as Error).message})`;
      }
      if (Date.now() > deadline) throw new Error(`waitForSelector(${selector}): nothing visible after ${timeoutMs} ms${lastError}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async screenshot(file: string): Promise<void> {
    const png = (await this.#send('GET', '/screenshot')) as string;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(png, 'base64'));
  }

  async #find(selector: string): Promise<string> {
    const found = (await this.#send('POST', '/element', { using: 'css selector', value: selector })) as Record<string, string>;
    const id = found[ELEMENT];
    if (id === undefined) throw new Error(`find ${selector}: no element reference in ${JSON.stringify(found)}`);
    return id;
  }

  #send(method: string, route: string, body?: unknown): Promise<unknown> {
    return command(this.#session, method, route, body);
  }
}

/** One WebDriver command; a WebDriver error becomes an Error naming the command. */
async function command(base: string, method: string, route: string, body?: unknown, timeoutMs = SCRIPT_TIMEOUT_MS + 10_000): Promise<unknown> {
  const response = await fetch(base + route, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let value: unknown;
  try {
    ({ value } = JSON.parse(text) as { value: unknown });
  } catch {
    throw new Error(`WebDriver ${method} ${route || '/'}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const { error, message } = value as { error?: string; message?: string };
    throw new Error(`WebDriver ${method} ${route || '/'}: ${error ?? response.status}: ${message ?? ''}`);
  }
  return value;
}

interface Started {
  readonly process: ChildProcess;
  /** The last output, for an error message. */
  output(): string;
  readonly exited: Promise<void>;
}

function started(child: ChildProcess): Started {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += String(error);
      resolve();
    });
  });
  return { process: child, output: () => output, exited };
}

/**
 * Xvfb on a display it picks itself (`-displayfd`: the server takes the first free display and
 * writes its number), so that parallel runs and a person's own X server never collide. There is no
 * headless WebKitGTK.
 */
async function startXvfb(): Promise<Started & { display: string }> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${VIEWPORT.width}x${VIEWPORT.height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const xvfb = started(child);
  let number = '';
  const display = await Promise.race([
    new Promise<string>((resolve) => {
      child.stdio[3]!.on('data', (chunk: Buffer) => {
        number += chunk.toString();
        if (number.includes('\n')) resolve(`:${number.trim()}`);
      });
    }),
    xvfb.exited.then(() => Promise.reject(new Error(`Xvfb exited before it was ready: ${xvfb.output()}`))),
    timeout(10_000, 'Xvfb did not report a display'),
  ]).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  return { ...xvfb, display };
}

/**
 * WebKitWebDriver on a free port, in a process group of its own: the browser it launches and the
 * browser's web and network processes are in that group, so close() can end them all by its id.
 */
async function startDriver(display: string): Promise<Started & { url: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display, NO_AT_BRIDGE: '1' }, // no accessibility bus to start
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const driver = started(child);
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    let exited = false;
    void driver.exited.then(() => (exited = true));
    while (!exited && Date.now() < deadline) {
      const ready = await fetch(`${url}/status`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) return { ...driver, url };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stop(child, true);
    // Another process may have taken the port between freePort() and the driver's bind: try another.
    if (attempt === 3) throw new Error(`WebKitWebDriver did not start on ${display}: ${driver.output()}`);
  }
}

/** SIGTERM, then SIGKILL after 5 s; `group` sends both to the child's whole process group. */
async function stop(child: ChildProcess, group = false): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals) => signalQuietly(group ? -pid : pid, name);
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  const ended = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
  // The leader's exit does not mean its group's: end what is left of the group for good.
  if (!ended || group) signal('SIGKILL');
  if (!ended) await exited;
}

function signalQuietly(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}

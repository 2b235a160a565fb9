// A small Chrome DevTools Protocol client over `--remote-debugging-pipe` (fd 3 to the browser,
// fd 4 from it, NUL-delimited JSON). Not Playwright: its network instrumentation alone shifts the
// ratios being measured (docs/design.md#performance), and nothing here attaches to a target unless asked.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ send(method: string, params?: object): Promise<any>, sessionId: string }} Session
 * @typedef {Session & { goto(url: string): Promise<void>, evaluate(fn: Function | string, arg?: unknown): Promise<any> }} Page
 */

/** Launches headless Chromium with a disk-backed profile and attaches to its first page. */
export async function launchBrowser({ executablePath, args, userDataDir }) {
  const browser = spawn(
    executablePath,
    [...args, '--headless', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, '--window-size=1280,800',
      // A background page must not be throttled while it is being measured.
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
      '--no-default-browser-check', '--mute-audio', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = /** @type {import('node:stream').Writable} */ (browser.stdio[3]);
  const fromBrowser = /** @type {import('node:stream').Readable} */ (browser.stdio[4]);
  const pending = new Map();
  const listeners = new Set();
  let lastId = 0;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiting = message.id && pending.get(message.id);
      if (waiting) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      } else for (const listener of [...listeners]) listener(message);
    }
  });
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  void exited.then(() => {
    for (const { reject, method } of pending.values()) reject(new Error(`${method}: the browser exited`));
  });

  /** @returns {Promise<any>} */
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });

  /** Resolves with the params of the next `method` event (of `sessionId`, if given). */
  const nextEvent = (method, sessionId, timeoutMs = 180_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message) => {
        if (message.method !== method || (sessionId && message.sessionId !== sessionId)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(message.params);
      };
      listeners.add(listener);
    });

  /** @returns {Promise<Session>} */
  const attach = async (targetId) => {
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    return { sessionId, send: (method, params) => send(method, params, sessionId) };
  };

  let pages = [];
  for (let tries = 0; pages.length === 0; tries++) {
    if (tries === 100) throw new Error('Chromium opened no page');
    pages = (await send('Target.getTargets')).targetInfos.filter((t) => t.type === 'page');
    if (pages.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const session = await attach(pages[0].targetId);
  await session.send('Page.enable');
  /** @type {Page} */
  const page = {
    ...session,
    async goto(url) {
      const loaded = nextEvent('Page.loadEventFired', session.sessionId);
      const { errorText } = await session.send('Page.navigate', { url });
      if (errorText) throw new Error(`${errorText}: ${url}`);
      await loaded;
    },
    async evaluate(fn, arg) {
      const expression = typeof fn === 'string' ? fn : `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
  };

  return {
    page,
    version: /** @type {string} */ ((await send('Browser.getVersion')).product),
    pid: browser.pid,
    /** Attaches to the first target of `type` whose URL starts with `urlPrefix` (e.g. a Service Worker). */
    async attachTo(type, urlPrefix) {
      const { targetInfos } = await send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
      return target ? attach(target.targetId) : undefined;
    },
    detach: (/** @type {Session} */ s) => send('Target.detachFromTarget', { sessionId: s.sessionId }).catch(() => undefined),
    async close() {
      await send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => browser.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

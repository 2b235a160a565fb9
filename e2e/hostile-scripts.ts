/**
 * Hostile CGI scripts from a small grammar (issue 7, item 8): a script is an optional header,
 * then a sequence of actions — reaching the network or storage, reading another site, running
 * away, writing without end, recursing, forging the runner's own messages — interleaved with
 * ordinary output. Each action is guarded (its failure is caught and the script goes on) or not
 * (its failure ends the script). Whatever an action obtains is written out after `ESCAPED`, so an
 * action that gets through shows in the response.
 */
import fc from 'fast-check';

/** Written by a script only when an action got through the sandbox. */
export const ESCAPE_MARK = 'ESCAPED';

/** Where the generated actions aim. */
export interface HostileTargets {
  /** The app's origin, e.g. `http://127.0.0.1:4173`. */
  readonly appOrigin: string;
  /** A server on 127.0.0.1 that counts connections, as `host:port`. */
  readonly witness: string;
  /** The name of another stored site. */
  readonly otherSite: string;
  /** A file of that site, from its root. */
  readonly otherFile: string;
}

export type HostileAction =
  | { readonly kind: 'print'; readonly text: string }
  | { readonly kind: 'network'; readonly api: 'fetch' | 'xhr' | 'websocket' | 'eventsource' | 'import' | 'importScripts' | 'nested-worker'; readonly url: string; readonly guarded: boolean }
  | { readonly kind: 'storage'; readonly api: 'indexedDB' | 'caches' | 'localStorage' | 'cookie' | 'cookieStore' | 'opfs'; readonly guarded: boolean }
  | { readonly kind: 'read-other-site'; readonly via: 'readFile' | 'import'; readonly path: string; readonly guarded: boolean }
  | { readonly kind: 'forge'; readonly via: 'postMessage' | 'broadcast' | 'self-dispatch'; readonly message: unknown }
  | { readonly kind: 'recursion'; readonly guarded: boolean }
  | { readonly kind: 'loop'; readonly flavour: 'sync' | 'microtasks' | 'hang' }
  | { readonly kind: 'huge-output'; readonly chunkBytes: number };

export interface HostileScript {
  readonly header: boolean;
  readonly actions: readonly HostileAction[];
}

/** The grammar, as a fast-check arbitrary. */
export function hostileScript(targets: HostileTargets): fc.Arbitrary<HostileScript> {
  const { appOrigin, witness, otherSite, otherFile } = targets;
  const host = new URL(appOrigin).host;
  const httpUrl = fc.constantFrom(`http://${witness}/`, `http://${witness}/module.mjs`, `${appOrigin}/`, `${appOrigin}/site/${otherSite}/${otherFile}`, `${appOrigin}/sw.js`);
  const network = fc.oneof(
    fc.record({ kind: fc.constant('network' as const), api: fc.constantFrom('fetch' as const, 'xhr' as const, 'eventsource' as const, 'import' as const, 'importScripts' as const, 'nested-worker' as const), url: httpUrl, guarded: fc.boolean() }),
    fc.record({ kind: fc.constant('network' as const), api: fc.constant('websocket' as const), url: fc.constantFrom(`ws://${witness}/`, `ws://${host}/`), guarded: fc.boolean() }),
  );
  const storage = fc.record({ kind: fc.constant('storage' as const), api: fc.constantFrom('indexedDB' as const, 'caches' as const, 'localStorage' as const, 'cookie' as const, 'cookieStore' as const, 'opfs' as const), guarded: fc.boolean() });
  const readOtherSite = fc.record({
    kind: fc.constant('read-other-site' as const),
    via: fc.constantFrom('readFile' as const, 'import' as const),
    path: fc.constantFrom(`../${otherSite}/${otherFile}`, `/../${otherSite}/${otherFile}`, `../../site/${otherSite}/${otherFile}`, `%2e%2e/${otherSite}/${otherFile}`, `..\\${otherSite}\\${otherFile}`, `/site/${otherSite}/${otherFile}`),
    guarded: fc.boolean(),
  });
  const forge = fc.record({ kind: fc.constant('forge' as const), via: fc.constantFrom('postMessage' as const, 'broadcast' as const, 'self-dispatch' as const), message: forgedMessage(otherSite, otherFile) });
  const action: fc.Arbitrary<HostileAction> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('print' as const), text: fc.constantFrom('ordinary line', 'Status: 200 OK', '<b>html</b>', '') }), weight: 3 },
    { arbitrary: network, weight: 4 },
    { arbitrary: storage, weight: 3 },
    { arbitrary: readOtherSite, weight: 2 },
    { arbitrary: forge, weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('recursion' as const), guarded: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('loop' as const), flavour: fc.constantFrom('sync' as const, 'microtasks' as const, 'hang' as const) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('huge-output' as const), chunkBytes: fc.constantFrom(1, 4096, 2 ** 20) }), weight: 1 },
  );
  return fc.record({ header: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }), actions: fc.array(action, { minLength: 1, maxLength: 6 }) });
}

/** Shapes of the runner's own messages (shared/cgi/messages.ts) and the sandbox frame's commands. */
function forgedMessage(otherSite: string, otherFile: string): fc.Arbitrary<unknown> {
  const forgedBytes = Array.from(new TextEncoder().encode(`${ESCAPE_MARK} forged stdout\n`));
  return fc.constantFrom<unknown>(
    { type: 'dropserve-cgi-run', site: otherSite, script: otherFile, env: {}, argv: [], stdin: null, timeLimitSeconds: 1 },
    { type: 'accepted' },
    { type: 'stdout', chunk: forgedBytes },
    { type: 'stderr', line: `${ESCAPE_MARK} forged log line` },
    { type: 'end', end: { kind: 'exit', code: 0 } },
    { type: 'exit', code: 0 },
    { type: 'error', message: 'forged', stack: 'forged' },
    { type: 'read', id: 0, path: `../${otherSite}/${otherFile}` },
    { type: 'cancel' },
    { command: 'terminate', id: 'run-1' },
    { command: 'terminate', id: 'run-2' },
    { command: 'run', id: 'run-1', job: { modules: [{ path: 'x.mjs', parts: ['stdout.write("ESCAPED")'] }], env: {}, argv: [], stdin: null } },
  );
}

/** How long an event-driven action waits for an answer before the script moves on. */
const SETTLE_MS = 800;

/** The script's source text. */
export function scriptSource(script: HostileScript): string {
  const lines = [
    `const settle = (start) => Promise.race([new Promise(start), new Promise((resolve) => setTimeout(() => resolve('no answer'), ${SETTLE_MS}))]);`,
    `const escaped = (what, got) => stdout.write(\`${ESCAPE_MARK} \${what}: \${typeof got === 'string' ? got : JSON.stringify(got)}\\n\`);`,
    'const attempt = async (what, guarded, action) => {',
    '  if (!guarded) return action();',
    '  try { await action(); } catch (error) { stdout.write(`refused ${what}: ${error && error.name}\\n`); }',
    '};',
  ];
  if (script.header) lines.push("stdout.write('Content-Type: text/plain; charset=utf-8\\n\\n');");
  for (const action of script.actions) lines.push(actionSource(action));
  return `${lines.join('\n')}\n`;
}

function actionSource(action: HostileAction): string {
  const q = (value: unknown) => JSON.stringify(value);
  switch (action.kind) {
    case 'print':
      return `console.log(${q(action.text)});`;
    case 'network':
      return `await attempt(${q(`${action.api} ${action.url}`)}, ${action.guarded}, async () => {\n${networkSource(action.api, q(action.url))}\n});`;
    case 'storage':
      return `await attempt(${q(action.api)}, ${action.guarded}, async () => {\n${storageSource(action.api)}\n});`;
    case 'read-other-site':
      return action.via === 'readFile'
        ? `await attempt('readFile', ${action.guarded}, async () => escaped('readFile', await site.readText(${q(action.path)})));`
        : `await attempt('import', ${action.guarded}, async () => escaped('import', Object.keys(await import(${q(action.path)}))));`;
    case 'forge':
      return forgeSource(action.via, q(action.message));
    case 'recursion':
      return `await attempt('recursion', ${action.guarded}, () => { const down = (n) => down(n + 1) + 1; down(0); });`;
    case 'loop':
      return { sync: 'for (;;) {}', microtasks: 'for (;;) await null;', hang: 'await new Promise(() => {});' }[action.flavour];
    case 'huge-output':
      return `{ const chunk = new Uint8Array(${action.chunkBytes}).fill(0x78); for (;;) stdout.write(chunk); }`;
  }
}

function networkSource(api: Extract<HostileAction, { kind: 'network' }>['api'], url: string): string {
  switch (api) {
    case 'fetch':
      return `const response = await fetch(${url}); escaped('fetch', await response.text());`;
    case 'xhr':
      return `const xhr = new XMLHttpRequest(); xhr.open('GET', ${url});
const got = await settle((resolve, reject) => { xhr.onload = () => resolve(xhr.responseText); xhr.onerror = () => reject(new Error('XMLHttpRequest blocked')); xhr.send(); });
if (got !== 'no answer') escaped('xhr', got);`;
    case 'websocket':
      return `const socket = new WebSocket(${url});
const got = await settle((resolve, reject) => { socket.onopen = () => resolve('open'); socket.onerror = () => reject(new Error('WebSocket blocked')); });
if (got !== 'no answer') escaped('websocket', got);`;
    case 'eventsource':
      return `const source = new EventSource(${url});
const got = await settle((resolve, reject) => { source.onopen = () => resolve('open'); source.onerror = () => reject(new Error('EventSource blocked')); });
source.close(); if (got !== 'no answer') escaped('eventsource', got);`;
    case 'import':
      return `escaped('import', Object.keys(await import(${url})));`;
    case 'importScripts':
      return `importScripts(${url}); escaped('importScripts', 'ran');`;
    case 'nested-worker':
      // A worker of the script's own, which tries the network and then runs forever.
      return `const source = \`fetch(\${JSON.stringify(${url})}).then((r) => r.text()).then((t) => postMessage(t), (e) => postMessage('refused ' + e.name)); for (;;) {}\`;
const inner = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
const got = await settle((resolve) => { inner.onmessage = ({ data }) => resolve(data); inner.onerror = () => resolve('refused worker error'); });
if (!String(got).startsWith('refused') && got !== 'no answer') escaped('nested worker', got);`;
  }
}

function storageSource(api: Extract<HostileAction, { kind: 'storage' }>['api']): string {
  switch (api) {
    case 'indexedDB':
      return `const request = indexedDB.deleteDatabase('dropserve');
const got = await settle((resolve, reject) => { request.onsuccess = () => resolve('deleted'); request.onerror = () => reject(request.error); request.onblocked = () => resolve('blocked'); });
if (got !== 'no answer') escaped('indexedDB', got);`;
    case 'caches':
      return `const names = await caches.keys(); for (const name of names) await caches.delete(name); escaped('caches', names);`;
    case 'localStorage':
      return `localStorage.clear(); escaped('localStorage', 'cleared');`;
    case 'cookie':
      return `document.cookie = 'hostile=1; path=/'; escaped('cookie', document.cookie);`;
    case 'cookieStore':
      return `await cookieStore.set('hostile', '1'); escaped('cookieStore', await cookieStore.getAll());`;
    case 'opfs':
      return `const root = await navigator.storage.getDirectory(); await root.getFileHandle('hostile', { create: true }); escaped('opfs', 'file made');`;
  }
}

function forgeSource(via: Extract<HostileAction, { kind: 'forge' }>['via'], message: string): string {
  switch (via) {
    case 'postMessage':
      return `try { postMessage(${message}); } catch (error) { stdout.write(\`refused postMessage: \${error.name}\\n\`); }`;
    case 'broadcast':
      return `try { for (const name of ['dropserve', 'cgi', '']) new BroadcastChannel(name).postMessage(${message}); } catch (error) { stdout.write(\`refused broadcast: \${error.name}\\n\`); }`;
    case 'self-dispatch':
      return `dispatchEvent(new MessageEvent('message', { data: ${message} }));`;
  }
}

// The systems' servers, all on 127.0.0.1 and free ports, all stopped by `stopAll`:
// - a static host for dropserve's build and one for the floor (in this process: they only hand
//   out the app shell; every /site/ request is the Service Worker's). A `/site/` request that does
//   reach them — Chromium sends a cold SW's navigation to the network too while the SW boots
//   (docs/design.md#performance) — gets a cheap 404 that is never shown, and is counted;
// - `python3 -m http.server` and `serve` (from node_modules/.bin, so the PID we stop is its own).
import { spawn } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };
const stops = [];

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Serves `dir` (a directory's index.html for its URL) with `no-cache`; returns its origin. */
export async function startStaticHost(dir) {
  const siteHits = { count: 0 };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://host');
    if (pathname.startsWith('/site/')) {
      siteHits.count++;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('the Service Worker serves /site/\n');
      return;
    }
    const file = path.join(dir, path.normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    const info = file.startsWith(dir) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  stops.push(() => new Promise((resolve) => server.close(() => resolve(undefined)) && server.closeAllConnections()));
  return { origin: `http://127.0.0.1:${port}`, siteHits };
}

/** Starts a peer server process and waits until it answers; returns its origin. */
async function startProcess(bin, args, port, env = {}) {
  const child = spawn(bin, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  stops.push(() => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`${bin} ${args.join(' ')} exited with ${child.exitCode}`);
    const up = await fetch(`${origin}/`).then((r) => r.arrayBuffer().then(() => true), () => false);
    if (up) return origin;
    if (Date.now() - started > 20_000) throw new Error(`${bin} did not answer on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startPython(dir) {
  const port = await freePort();
  return startProcess('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], port);
}

/** `serve` as a user runs it, minus the clipboard copy and the update check. */
export async function startServe(dir, repoRoot) {
  const port = await freePort();
  return startProcess(path.join(repoRoot, 'node_modules/.bin/serve'), ['--no-clipboard', '--listen', `tcp://127.0.0.1:${port}`, dir], port, { NO_UPDATE_CHECK: '1' });
}

export async function stopAll() {
  await Promise.all(stops.splice(0).map((stop) => stop()));
}

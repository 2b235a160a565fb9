#!/usr/bin/env node
// `npm start`: serve the built app (dist/) like `python -m http.server` serves a folder.
// PORT and HOST override the defaults (8000, 127.0.0.1), DROPSERVE_DIST the folder served, and
// BASE_PATH the path the app is served under (default `/`; `/tools/dropserve/` serves it as a
// GitHub Pages project site is served).
// It behaves as a plain static host does (docs/deployment.md): a folder without its slash is
// redirected, a missing path gets dist/404.html with status 404. Site URLs (<app>/site/…) belong to
// the Service Worker; one that reaches us (the SW is not installed yet) gets that page, which
// installs the SW and loads the URL again.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mime from 'mime';

const DIST = path.resolve(process.env.DROPSERVE_DIST ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist'));
const PORT = Number(process.env.PORT ?? 8000);
const HOST = process.env.HOST ?? '127.0.0.1';
const BASE = process.env.BASE_PATH ?? '/';
if (!BASE.startsWith('/') || !BASE.endsWith('/')) throw new Error(`BASE_PATH must start and end with "/": ${BASE}`);

/** The file for a path below the base; `{ folder: true }` for a folder asked for without its slash. */
async function fileFor(urlPath) {
  const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = path.join(DIST, relative);
  if (!candidate.startsWith(DIST)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return { file: candidate, size: info.size };
  if (info?.isDirectory()) return urlPath.endsWith('/') ? fileFor(`${urlPath}index.html`) : { folder: true };
  return undefined;
}

async function answerFor(pathname) {
  try {
    if (pathname.startsWith(BASE)) return await fileFor(`/${pathname.slice(BASE.length)}`);
    if (`${pathname}/` === BASE) return { folder: true };
  } catch {
    // a malformed escape: not one of our files
  }
  return undefined;
}

const server = http.createServer(async (req, res) => {
  const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
  let found = await answerFor(pathname);
  const status = found ? 200 : 404;
  found ??= await fileFor('/404.html');
  if (found?.folder) {
    res.writeHead(301, { Location: `${pathname}/${search}` }).end();
  } else if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  } else {
    res.writeHead(status, {
      'Content-Type': mime.getType(found.file) ?? 'application/octet-stream',
      'Content-Length': found.size,
      // Hashed build assets never change; the page and the SW must never come stale from the HTTP cache.
      'Cache-Control': pathname.startsWith(`${BASE}assets/`) ? 'max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  }
  console.log(`${req.socket.remoteAddress} - - "${req.method} ${req.url}" ${res.statusCode}`);
});

server.listen(PORT, HOST, () => {
  const { port } = server.address();
  const shown = HOST === '127.0.0.1' ? 'localhost' : HOST;
  console.log(`dropserve is at http://${shown}:${port}${BASE} — open it, then drop a folder. (Ctrl-C stops it.)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));

#!/usr/bin/env node
// `npm start`: serve the built app (dist/) like `python -m http.server` serves a folder.
// PORT and HOST override the defaults (8000, 127.0.0.1), DROPSERVE_DIST the folder served.
// Everything under /site/ belongs to the Service Worker; when a request for it reaches us (the SW
// is not installed yet, or Chromium preloads a navigation while the SW boots), the app page
// answers so that it can install the SW and show the site.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mime from 'mime';

const DIST = path.resolve(process.env.DROPSERVE_DIST ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist'));
const PORT = Number(process.env.PORT ?? 8000);
const HOST = process.env.HOST ?? '127.0.0.1';

async function fileFor(urlPath) {
  const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = path.join(DIST, relative);
  if (!candidate.startsWith(DIST)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return { file: candidate, size: info.size };
  if (info?.isDirectory()) return fileFor(path.join(relative, 'index.html'));
  return undefined;
}

const server = http.createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  let found;
  try {
    found = await fileFor(pathname.startsWith('/site/') ? '/index.html' : pathname);
  } catch {
    found = undefined; // a malformed escape: not one of our files
  }
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  } else {
    res.writeHead(200, {
      'Content-Type': mime.getType(found.file) ?? 'application/octet-stream',
      'Content-Length': found.size,
      // Hashed build assets never change; the page and the SW must never come stale from the HTTP cache.
      'Cache-Control': pathname.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  }
  console.log(`${req.socket.remoteAddress} - - "${req.method} ${req.url}" ${res.statusCode}`);
});

server.listen(PORT, HOST, () => {
  const { port } = server.address();
  const shown = HOST === '127.0.0.1' ? 'localhost' : HOST;
  console.log(`dropserve is at http://${shown}:${port}/ — open it, then drop a folder. (Ctrl-C stops it.)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));

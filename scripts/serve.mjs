#!/usr/bin/env node
// `npm start`: serve the built app (dist/) like `python -m http.server` serves a folder.
// PORT and HOST override the defaults (8000, 127.0.0.1), DROPSERVE_DIST the folder served.
// It behaves as a plain static host does (docs/deployment.md): a missing path gets dist/404.html
// with status 404. Site URLs (/site/…) belong to the Service Worker; one that reaches us (the SW
// is not installed yet) gets that page, which installs the SW and loads the URL again.
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
    found = await fileFor(pathname);
  } catch {
    found = undefined; // a malformed escape: not one of our files
  }
  const status = found ? 200 : 404;
  found ??= await fileFor('/404.html');
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  } else {
    res.writeHead(status, {
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

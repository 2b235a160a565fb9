// The floor Service Worker (DESIGN.md §9): for /site/<site>/<path>, one IndexedDB read and
// `new Response(blob)`; a directory gets its index.html or a bare listing. Nothing else: no
// Range, no conditional requests, no Last-Modified — the least any such SW must do.
importScripts('/floor-db.js');

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const { pathname } = new URL(event.request.url);
  if (pathname.startsWith('/site/')) event.respondWith(serve(pathname));
});

async function serve(pathname) {
  const slash = pathname.indexOf('/', 6);
  const site = pathname.slice(6, slash);
  const path = decodeURIComponent(pathname.slice(slash + 1));
  if (path === '' || path.endsWith('/')) {
    const index = await floorDb.get(site, path + 'index.html');
    return index ? respond(index) : listing(site, path);
  }
  const found = await floorDb.get(site, path);
  return found ? respond(found) : new Response('not found', { status: 404 });
}

function respond({ meta, blob }) {
  return new Response(blob, { headers: { 'content-type': meta.type } });
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
async function listing(site, dir) {
  const entries = await floorDb.list(site, dir);
  if (entries.length === 0 && dir !== '') return new Response('not found', { status: 404 });
  const title = `Directory listing for /${escape(dir)}`;
  let html = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n`;
  for (const { name } of entries) html += `<li><a href="${encodeURIComponent(name)}">${escape(name)}</a></li>\n`;
  return new Response(html + '</ul>\n<hr>\n</body>\n</html>\n', { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

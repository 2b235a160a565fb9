// The bench's folders, generated deterministically (a seeded PRNG, no clock) under a temp folder.
//   <root>/bench-site/   served by every system: pl/ (a page + 300 subresources), req/ (small
//                        files), list/ (one big directory), big/big.bin, blank.html (a page to run
//                        fetch loops from on the peers' origins)
//   <root>/imp-files/    the many-small-files import: files of 1–20 KB in 200 nested directories
//   <root>/imp-big/      the one-big-file import (a hard link to bench-site/big/big.bin)
import { copyFileSync, linkSync, mkdirSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

/** Sizes of the full bench, and of the smoke test that keeps the script from rotting. */
export const SIZES = {
  full: { subresources: 300, requests: 2000, requestBytes: 1024, listing: 10_000, bigBytes: 2 ** 30, importFiles: 10_000, importDirs: 200 },
  smoke: { subresources: 30, requests: 40, requestBytes: 1024, listing: 200, bigBytes: 8 * 2 ** 20, importFiles: 200, importDirs: 20 },
};

const FONT = path.join(import.meta.dirname, '../e2e/fixtures/multipage/fonts/OpenSans-Regular.woff2');
// A 1×1 PNG: the page load measures requests, not image decoding.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** mulberry32: a tiny seeded PRNG, so every run writes the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomBytes(n, next) {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (next() * 256) | 0;
  return bytes;
}

const pad = (i, width) => String(i).padStart(width, '0');

/** The page-load site: index.html pulls CSS, JS modules, images and one font — `count` in all. */
function writePageLoad(dir, count) {
  const css = Math.round(count / 5);
  const js = Math.round((count * 2) / 5);
  const img = count - css - js - 1;
  for (const sub of ['css', 'js', 'img', 'font']) mkdirSync(path.join(dir, sub), { recursive: true });
  copyFileSync(FONT, path.join(dir, 'font/open-sans.woff2'));
  const rule = (i) => `.c${i} { color: rgb(${i % 256}, 40, 90); margin: ${i % 7}px; }\n`;
  for (let i = 0; i < css; i++) {
    const face = i === 0 ? `@font-face { font-family: bench; src: url(../font/open-sans.woff2) format("woff2"); }\n.f { font-family: bench; }\n` : '';
    writeFileSync(path.join(dir, `css/s${pad(i, 3)}.css`), face + Array.from({ length: 40 }, (_, k) => rule(i * 40 + k)).join(''));
  }
  for (let i = 0; i < js; i++) {
    writeFileSync(path.join(dir, `js/m${pad(i, 3)}.js`), `// module ${i}\nconst table = ${JSON.stringify(Array.from({ length: 60 }, (_, k) => k * i))};\nwindow.__s = (window.__s || 0) + (table.length > 0 ? 1 : 0);\n`);
  }
  for (let i = 0; i < img; i++) writeFileSync(path.join(dir, `img/i${pad(i, 3)}.png`), PNG);
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><title>300 subresources</title>',
    // The default buffer keeps 250 entries: the bench checks that every subresource loaded.
    '<script>performance.setResourceTimingBufferSize(1000)</script>',
    ...Array.from({ length: css }, (_, i) => `<link rel="stylesheet" href="css/s${pad(i, 3)}.css">`),
    ...Array.from({ length: js }, (_, i) => `<script type="module" src="js/m${pad(i, 3)}.js"></script>`),
    '</head><body><p class="f">A page of many small files.</p>',
    ...Array.from({ length: img }, (_, i) => `<img src="img/i${pad(i, 3)}.png" width="8" height="8" alt="">`),
    '</body></html>\n',
  ];
  writeFileSync(path.join(dir, 'index.html'), html.join('\n'));
}

/** A file of `bytes` bytes, written in 8 MiB chunks of one deterministic pattern. */
function writeBigFile(file, bytes) {
  const chunk = randomBytes(8 * 2 ** 20, random(7));
  const fd = openSync(file, 'w');
  try {
    for (let done = 0; done < bytes; done += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - done));
  } finally {
    closeSync(fd);
  }
}

/** `files` files of 1–20 KB spread over `dirs` directories, 2 levels deep. */
function writeManyFiles(dir, files, dirs) {
  const next = random(42);
  const pool = randomBytes(20_480 + 4096, next);
  const top = Math.max(1, Math.round(dirs / 10));
  const leaves = [];
  for (let t = 0; t < top; t++) {
    leaves.push(`d${pad(t, 2)}`);
    for (let s = 0; s < dirs / top - 1; s++) leaves.push(`d${pad(t, 2)}/s${pad(s, 2)}`);
  }
  for (const leaf of leaves) mkdirSync(path.join(dir, leaf), { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const size = 1024 + Math.floor(next() * 19 * 1024);
    const offset = Math.floor(next() * 4096);
    writeFileSync(path.join(dir, leaves[i % leaves.length], `f${pad(i, 5)}.dat`), pool.subarray(offset, offset + size));
    bytes += size;
  }
  return { files, dirs: leaves.length, bytes };
}

/** Writes every folder under `root`; returns their paths and what they hold. */
export function writeFixtures(root, sizes) {
  const site = path.join(root, 'bench-site');
  mkdirSync(path.join(site, 'req'), { recursive: true });
  mkdirSync(path.join(site, 'list'), { recursive: true });
  mkdirSync(path.join(site, 'big'), { recursive: true });
  writeFileSync(path.join(site, 'blank.html'), '<!doctype html><title>blank</title>\n');
  writePageLoad(path.join(site, 'pl'), sizes.subresources);
  const small = Buffer.alloc(sizes.requestBytes, 'x');
  for (let i = 0; i < sizes.requests; i++) writeFileSync(path.join(site, `req/f${pad(i, 4)}.txt`), small);
  for (let i = 0; i < sizes.listing; i++) writeFileSync(path.join(site, `list/entry-${pad(i, 5)}.txt`), '');
  writeBigFile(path.join(site, 'big/big.bin'), sizes.bigBytes);
  const impFiles = path.join(root, 'imp-files');
  const many = writeManyFiles(impFiles, sizes.importFiles, sizes.importDirs);
  const impBig = path.join(root, 'imp-big');
  mkdirSync(impBig);
  linkSync(path.join(site, 'big/big.bin'), path.join(impBig, 'big.bin'));
  return {
    sizes,
    site,
    impFiles,
    impBig,
    requestPaths: Array.from({ length: sizes.requests }, (_, i) => `req/f${pad(i, 4)}.txt`),
    many,
  };
}

// The five scenarios of issue 5. Each interleaves the systems round by round (rotating who goes
// first), forces a GC before every measured visit (else the renderer drifts 1.5–5× slower), and
// records samples in `bench.results`; `bench.results.checks` keeps what each measurement saw
// (resources loaded, statuses, bytes), so that a fast number from a broken page is caught.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { armAppImport, armFloorImport, fetchLoops, navigationTiming, streamFile } from './probes.mjs';
import { processTreeRss } from './memory.mjs';

const IMPORTERS = ['dropserve', 'floor'];
const FLOOR_DB_SOURCE = readFileSync(path.join(import.meta.dirname, 'floor/floor-db.js'), 'utf8');
const MiB = 2 ** 20;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rotate = (list, round) => list.map((_, i) => list[(i + round) % list.length]);

/**
 * @typedef {import('./cdp.mjs').Page} Page
 * @typedef {{ origin: string, base: string, home: string, sw: boolean }} System
 * @typedef {{ page: Page, browser: any, results: import('./report.mjs').Results, rounds: number,
 *   importRounds: number, systems: Record<string, System>, fixtures: any, log: (...a: unknown[]) => void }} Bench
 */

/** Hands a folder to a file input, as a person picking it would (docs/design.md#browser-tests). */
export async function chooseFolder(page, selector, dir) {
  const { result } = await page.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
  if (!result.objectId) throw new Error(`no ${selector} on the page`);
  await page.send('DOM.setFileInputFiles', { files: [dir], objectId: result.objectId });
}

/** Opens dropserve's app and waits until it is ready and its SW controls it. */
export async function openApp(page, origin) {
  await page.goto(`${origin}/`);
  await page.evaluate(async () => {
    while (document.documentElement.dataset.ready !== 'true' || !navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 20));
  });
}

async function stopServiceWorkers(page) {
  await page.send('ServiceWorker.enable'); // stopAllWorkers does nothing without it
  await page.send('ServiceWorker.stopAllWorkers');
  await page.send('ServiceWorker.disable');
  await sleep(300);
}

/** Imports `dir` into `system` on dropserve's app page; returns { ms, heapMiB } or throws. */
async function timedImport(bench, system, dir) {
  const { page } = bench;
  const site = path.basename(dir);
  if (system === 'dropserve') await page.evaluate(armAppImport, site);
  else {
    await page.evaluate(FLOOR_DB_SOURCE + '; window.floorDb = floorDb;');
    await page.evaluate(armFloorImport, 'bench-import-floor');
  }
  await page.send('HeapProfiler.collectGarbage');
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await page.send('Performance.getMetrics');
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize').value);
      await sleep(100);
    }
  })();
  await chooseFolder(page, system === 'dropserve' ? '[data-testid="folder-input"]' : '#bench-floor-input', dir);
  const outcome = await page.evaluate('window.__importDone');
  sampling = false;
  await sampler;
  if (outcome.error) throw new Error(`${system} import of ${dir} failed: ${outcome.error}`);
  // Leave nothing behind for the next round: the next import would replace, not add.
  if (system === 'dropserve') {
    await page.evaluate((name) => {
      document.querySelector(`[data-site-name="${name}"] [data-testid="delete-site"]`)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, site);
    await page.evaluate(async (name) => {
      while (document.querySelector(`[data-site-name="${name}"]`)) await new Promise((r) => setTimeout(r, 20));
    }, site);
  } else await page.evaluate(() => /** @type {any} */ (window).floorDb.clear('bench-import-floor'));
  return { ms: outcome.ms, heapMiB: peak / MiB };
}

/** 1. Import: dropserve's folder input against the floor's batched puts, on the same page. */
export async function importScenario(bench) {
  const { page, results, fixtures } = bench;
  await openApp(page, bench.systems.dropserve.origin);
  await page.send('Performance.enable');
  for (let round = 0; round < bench.importRounds; round++) {
    for (const system of rotate(IMPORTERS, round)) {
      const files = await timedImport(bench, system, fixtures.impFiles);
      results.add('import.files.rate', system, fixtures.many.files / (files.ms / 1000));
      results.add('import.files.heap', system, files.heapMiB);
      const big = await timedImport(bench, system, fixtures.impBig);
      results.add('import.big.ms', system, big.ms);
      results.add('import.big.rate', system, fixtures.sizes.bigBytes / 1e6 / (big.ms / 1000));
      results.add('import.big.heap', system, big.heapMiB);
      bench.log('import', round, system, `${files.ms.toFixed(0)} ms for the files, ${big.ms.toFixed(0)} ms for the big one, heap ≤ ${files.heapMiB.toFixed(0)}/${big.heapMiB.toFixed(0)} MiB`);
    }
  }
  await page.send('Performance.disable');
}

/** Loads `url` twice and measures the second visit (warm), with a GC before it. */
async function warmVisit(page, url) {
  await page.goto(url);
  await page.send('HeapProfiler.collectGarbage');
  await page.goto(url);
  return page.evaluate(navigationTiming);
}

/** A visit right after every Service Worker was stopped. */
async function coldVisit(page, system, url) {
  await page.goto(system.home);
  await stopServiceWorkers(page);
  await page.send('HeapProfiler.collectGarbage');
  await page.goto(url);
  return page.evaluate(navigationTiming);
}

/** Warm visits for every system, cold ones for the SWs; the HTTP cache off for all alike. */
async function visits(bench, name, pathInSite, record) {
  const { page } = bench;
  await page.send('Network.enable');
  await page.send('Network.setCacheDisabled', { cacheDisabled: true });
  for (let round = 0; round < bench.rounds; round++) {
    for (const name_ of rotate(Object.keys(bench.systems), round)) {
      const system = bench.systems[name_];
      const url = system.base + pathInSite;
      const warm = await warmVisit(page, url);
      record('warm', name_, warm);
      let cold;
      if (system.sw) {
        cold = await coldVisit(page, system, url);
        record('cold', name_, cold);
      }
      bench.results.checks.push({ scenario: name, round, system: name_, warm, cold });
      bench.log(name, round, name_, `warm ${warm.load.toFixed(0)} ms`, cold ? `cold ${cold.load.toFixed(0)} ms` : '', `(${warm.resources} resources, ${warm.failed} failed, status ${warm.status})`);
    }
  }
  await page.send('Network.disable');
}

/** 2. Page load: the page with its subresources, warm and (SWs) cold. */
export async function pageLoadScenario(bench) {
  await visits(bench, 'pageload', 'pl/', (kind, system, t) => {
    if (t.status !== 200 || t.failed > 0 || t.resources < bench.fixtures.sizes.subresources) throw new Error(`${system}: the page did not load completely: ${JSON.stringify(t)}`);
    bench.results.add(`pageload.${kind}`, system, t.load);
  });
}

/** 5. Listing: the directory of many entries, warm and (SWs) cold, and the time for its HTML. */
export async function listingScenario(bench) {
  const systems = Object.fromEntries(Object.entries(bench.systems).filter(([name]) => name !== 'serve'));
  await visits({ ...bench, systems }, 'listing', 'list/', (kind, system, t) => {
    if (t.status !== 200 || t.links < bench.fixtures.sizes.listing) throw new Error(`${system}: the listing is incomplete: ${JSON.stringify(t)}`);
    bench.results.add(`listing.${kind}`, system, t.load);
    if (kind === 'warm') bench.results.add('listing.html', system, t.html);
  });
}

/** Runs `measure` for every system in every round, on a page of that system's origin, after a GC. */
async function fromEachHome(bench, measure) {
  for (let round = 0; round < bench.rounds; round++) {
    for (const name of rotate(Object.keys(bench.systems), round)) {
      const system = bench.systems[name];
      await bench.page.goto(system.home);
      await bench.page.send('HeapProfiler.collectGarbage');
      await measure(name, system, round);
    }
  }
}

/** 3. Requests: the small files one at a time, then 50 in flight, from a page of each origin. */
export async function requestScenario(bench) {
  const { page, results, fixtures } = bench;
  await fromEachHome(bench, async (name, system, round) => {
    const t = await page.evaluate(fetchLoops, { urls: fixtures.requestPaths.map((p) => system.base + p), inFlight: 50 });
    const expected = t.n * fixtures.sizes.requestBytes;
    if (t.bytes !== expected || t.parallelBytes !== expected) throw new Error(`${name}: read ${t.bytes}/${t.parallelBytes} bytes, expected ${expected}`);
    results.add('requests.one', name, t.oneAtATime / t.n);
    results.add('requests.fifty', name, t.parallel / t.n);
    bench.log('requests', round, name, `${(t.oneAtATime / t.n).toFixed(2)} ms/req one at a time, ${(t.parallel / t.n).toFixed(3)} ms/req 50 in flight`);
  });
}

/** The JS heap of the system's running Service Worker, sampled until `until` settles; peak growth in MiB. */
async function swHeapGrowth(bench, system, until) {
  const sw = await bench.browser.attachTo('service_worker', `${system.origin}/sw.js`);
  if (!sw) return { swHeap: undefined, result: await until };
  const used = async () => (await sw.send('Runtime.getHeapUsage')).usedSize;
  const before = await used();
  let peak = before;
  let running = true;
  const settled = until.finally(() => (running = false));
  while (running) {
    peak = Math.max(peak, await used().catch(() => peak));
    await Promise.race([sleep(50), settled.catch(() => undefined)]);
  }
  await bench.browser.detach(sw);
  return { swHeap: (peak - before) / MiB, result: await settled };
}

/** 4. Big file: streamed through each system; first byte, MB/s, the SW's heap and the browser's RSS. */
export async function bigFileScenario(bench) {
  const { page, results, fixtures } = bench;
  await fromEachHome(bench, async (name, system, round) => {
    const rssBefore = processTreeRss(bench.browser.pid);
    let rssPeak = rssBefore;
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, processTreeRss(bench.browser.pid))), 100);
    const streaming = page.evaluate(streamFile, system.base + 'big/big.bin');
    const { swHeap, result: t } = system.sw ? await swHeapGrowth(bench, system, streaming) : { swHeap: undefined, result: await streaming };
    clearInterval(rssTimer);
    if (t.status !== 200 || t.bytes !== fixtures.sizes.bigBytes) throw new Error(`${name}: streamed ${t.bytes} bytes with status ${t.status}`);
    results.add('big.rate', name, t.bytes / 1e6 / (t.ms / 1000));
    results.add('big.firstByte', name, t.firstByte);
    if (swHeap !== undefined) results.add('big.swHeap', name, swHeap);
    const rssGrowth = (rssPeak - rssBefore) / MiB;
    results.checks.push({ scenario: 'big', round, system: name, ...t, swHeapGrowthMiB: swHeap, browserRssGrowthMiB: rssGrowth });
    bench.log('big', round, name, `${(t.bytes / 1e6 / (t.ms / 1000)).toFixed(0)} MB/s, first byte ${t.firstByte.toFixed(1)} ms, SW heap +${swHeap?.toFixed(1) ?? '-'} MiB, browser RSS +${rssGrowth.toFixed(0)} MiB`);
  });
}

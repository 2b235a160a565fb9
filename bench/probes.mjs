// Functions the bench runs inside the page (sent as source text: they must not close over anything).

/** The Navigation Timing of the page just loaded, and checks that it loaded what it should. */
export function navigationTiming() {
  const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
  const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
  return {
    load: nav.loadEventStart,
    html: nav.responseEnd - nav.fetchStart,
    status: nav.responseStatus,
    resources: resources.length,
    viaSW: resources.filter((r) => r.workerStart > 0).length,
    failed: resources.filter((r) => r.responseStatus !== 200).length,
    scripts: /** @type {any} */ (window).__s ?? 0,
    links: document.querySelectorAll('a').length,
  };
}

/** Fetches `urls` one at a time, then `inFlight` at a time; every body is read to its end. */
export async function fetchLoops({ urls, inFlight }) {
  const get = (url) => fetch(url, { cache: 'no-store' }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${url}`))));
  for (const url of urls.slice(0, 20)) await get(url); // warm-up
  let bytes = 0;
  let t0 = performance.now();
  for (const url of urls) bytes += (await get(url)).byteLength;
  const oneAtATime = performance.now() - t0;
  let next = 0;
  let parallelBytes = 0;
  t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < urls.length) {
      const body = await get(urls[next++]);
      parallelBytes += body.byteLength;
    }
  }));
  const parallel = performance.now() - t0;
  return { n: urls.length, oneAtATime, parallel, bytes, parallelBytes };
}

/** Streams `url` and discards the chunks: time to first byte, and to the last. */
export async function streamFile(url) {
  const t0 = performance.now();
  const response = await fetch(url, { cache: 'no-store' });
  const firstByte = performance.now() - t0;
  const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  return { status: response.status, firstByte, ms: performance.now() - t0, bytes };
}

/**
 * On dropserve's app page: arms a timer from the folder input's `change` to the moment the site
 * entry named `site` appears (the import is complete then). `window.__importDone` resolves with it.
 */
export function armAppImport(site) {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="folder-input"]'));
  const w = /** @type {any} */ (window);
  w.__importDone = new Promise((resolve) => {
    let t0 = 0;
    // Capture: before the app's own listener, which starts the import.
    input.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
    const found = () => document.querySelector(`[data-testid="site"][data-site-name="${site}"]`);
    const observer = new MutationObserver(() => {
      if (t0 && found()) {
        observer.disconnect();
        resolve({ ms: performance.now() - t0 });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const failed = document.querySelector('[data-testid="import-error"]');
    if (failed) new MutationObserver(() => !failed.hidden && resolve({ error: failed.textContent })).observe(failed, { attributes: true });
  });
}

/**
 * The same on the same page for the floor: a second folder input whose files go, on `change`,
 * through the floor's batched puts (floor-db.js, injected first) into the database `db`.
 */
export function armFloorImport(db) {
  const w = /** @type {any} */ (window);
  let input = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-floor-input'));
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-input';
    input.webkitdirectory = true;
    input.hidden = true;
    document.body.append(input);
  }
  const chosen = input;
  w.__importDone = new Promise((resolve) => {
    chosen.addEventListener('change', async () => {
      const t0 = performance.now();
      try {
        await w.floorDb.importFiles([...(chosen.files ?? [])], { db });
        resolve({ ms: performance.now() - t0 });
      } catch (error) {
        resolve({ error: String(error) });
      }
      chosen.value = '';
    }, { once: true });
  });
}

#!/usr/bin/env node
// `npm run bench`: dropserve against python's http.server, `serve` and the bare-IndexedDB floor,
// in one headless Chromium with a disk-backed profile. See docs/performance.md.
//
//   node bench/run.mjs [--rounds N] [--import-rounds N] [--only import,pageload,requests,big,listing]
//                      [--baseline DIR] [--smoke] [--out FILE]
//
// --baseline DIR: also build the dropserve source tree in DIR (a copy of this repository with the
// change under test undone) and measure it as the system `before`, interleaved with the others.
//
// --smoke: tiny fixtures and one round (the `npm test` smoke test runs this); its results go to
// --out, never over bench/results/latest.json unless asked.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { launchBrowser } from './cdp.mjs';
import { SIZES, writeFixtures } from './fixtures.mjs';
import { Results, metricsFor, renderTables, toJson } from './report.mjs';
import { bigFileScenario, chooseFolder, importScenario, listingScenario, openApp, pageLoadScenario, requestScenario } from './scenarios.mjs';
import { startPython, startServe, startStaticHost, stopAll } from './servers.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCENARIOS = { import: importScenario, pageload: pageLoadScenario, requests: requestScenario, big: bigFileScenario, listing: listingScenario };
const SITE = 'bench-site';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string' },
    'import-rounds': { type: 'string' },
    baseline: { type: 'string' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const sizes = options.smoke ? SIZES.smoke : SIZES.full;
const rounds = Number(options.rounds ?? (options.smoke ? 1 : 3));
// An import round takes about a minute here (10,000 files and 1 GiB, twice): fewer of them.
const importRounds = Number(options['import-rounds'] ?? Math.min(rounds, 2));
const only = options.only ? options.only.split(',') : Object.keys(SCENARIOS);
const unknown = only.filter((name) => !(name in SCENARIOS));
if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
const out = path.resolve(options.out ?? path.join(ROOT, 'bench/results/latest.json'));

const started = Date.now();
const log = (...parts) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...parts);

/** Playwright's own Chromium where it is installed, else CHROMIUM_PATH or Debian's (docs/design.md#browser-tests). */
function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(chromium.executablePath()) ? chromium.executablePath() : '/usr/bin/chromium';
}

function environment(browserVersion) {
  const cpu = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    browser: browserVersion,
    node: process.version,
    python: execSync('python3 --version').toString().trim(),
    serve: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/serve/package.json'), 'utf8')).version,
    rounds,
    importRounds,
    sizes,
    scenarios: only,
  };
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'dropserve-bench-'));
let browser;
try {
  const build = (tree, outDir) => {
    log(`building the app of ${tree} into ${outDir}`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: tree, stdio: 'inherit' });
  };
  build(ROOT, path.join(temp, 'dist'));
  if (options.baseline) build(path.resolve(options.baseline), path.join(temp, 'dist-before'));
  log('writing fixtures');
  const fixtures = writeFixtures(temp, sizes);
  const dropserveHost = await startStaticHost(path.join(temp, 'dist'));
  const floorHost = await startStaticHost(path.join(ROOT, 'bench/floor'));
  const python = await startPython(fixtures.site);
  const serve = await startServe(fixtures.site, ROOT);
  const swSystem = (origin) => ({ origin, base: `${origin}/site/${SITE}/`, home: `${origin}/site/${SITE}/blank.html`, sw: true });
  const peer = (origin) => ({ origin, base: `${origin}/`, home: `${origin}/blank.html`, sw: false });
  const baselineHost = options.baseline ? await startStaticHost(path.join(temp, 'dist-before')) : undefined;
  const systems = {
    dropserve: swSystem(dropserveHost.origin),
    ...(baselineHost ? { before: swSystem(baselineHost.origin) } : {}),
    floor: swSystem(floorHost.origin),
    python: peer(python),
    serve: peer(serve),
  };
  const apps = [dropserveHost, ...(baselineHost ? [baselineHost] : [])];

  browser = await launchBrowser({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    userDataDir: path.join(temp, 'profile'),
  });
  const { page } = browser;
  const results = new Results();
  results.environment = environment(browser.version);
  log(JSON.stringify(results.environment));

  log('storing the site in dropserve (folder input) and in the floor');
  for (const app of apps) {
    await openApp(page, app.origin);
    await chooseFolder(page, '[data-testid="folder-input"]', fixtures.site);
    await page.evaluate(async (name) => {
      while (!document.querySelector(`[data-testid="site"][data-site-name="${name}"]`)) {
        const error = document.querySelector('[data-testid="import-error"]');
        if (error && !(/** @type {HTMLElement} */ (error).hidden)) throw new Error(error.textContent ?? 'import failed');
        await new Promise((r) => setTimeout(r, 50));
      }
    }, SITE);
  }
  await page.goto(`${floorHost.origin}/`);
  await page.evaluate('window.floorReady.then(() => true)');
  await page.evaluate(() => {
    const input = document.getElementById('folder');
    window.floorStored = new Promise((resolve) => input.addEventListener('change', () => resolve(floorDb.importFiles([...input.files])), { once: true }));
  });
  await chooseFolder(page, '#folder', fixtures.site);
  await page.evaluate('window.floorStored');

  const bench = { page, browser, results, rounds, importRounds, systems, fixtures, log };
  // A scenario that fails is reported and the others still run; the exit status says so.
  const failures = [];
  for (const name of only) {
    log(`— ${name}`);
    await SCENARIOS[name](bench).catch((/** @type {Error} */ error) => {
      failures.push(`${name}: ${error.message}`);
      log(`${name} FAILED: ${error.stack}`);
    });
  }
  results.environment.failures = failures;
  if (failures.length) process.exitCode = 1;
  results.environment.loadAverageAtEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  results.environment.minutes = ((Date.now() - started) / 60_000).toFixed(1);
  results.environment.siteRequestsThatReachedTheHosts = { dropserve: dropserveHost.siteHits.count, floor: floorHost.siteHits.count, before: baselineHost?.siteHits.count };

  const metrics = metricsFor(sizes);
  console.log(`\n${renderTables(results, metrics)}\n`);
  console.log(`${results.environment.machine}; ${results.environment.browser}; load average ${results.environment.loadAverageAtStart} → ${results.environment.loadAverageAtEnd}; ${rounds} rounds, ${results.environment.minutes} min`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, toJson(results, metrics));
  log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser?.close();
  await stopAll();
  rmSync(temp, { recursive: true, force: true });
}

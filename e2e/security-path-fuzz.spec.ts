/**
 * Path fuzzing through the real Service Worker (issue 7, item 1): 500 targets from the unit fuzz
 * test's generator (shared/http/fuzz-paths.ts) against two stored sites. The browser resolves dot
 * segments before the SW sees a request, so the site a request names is the one in the URL the
 * browser built; the answer must come from that site or from none, and every request must get an
 * answer (a network error would mean an exception escaped the SW).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { FUZZ_SITE_NAMES, fuzzSiteFiles, fuzzTarget, siteMark } from '../shared/http/fuzz-paths.ts';
import { dropFolder, openApp, site, tempFolder } from './app.ts';
import { expect, test } from './test.ts';

test.describe.configure({ timeout: 180_000 });
test.use({ trace: 'off' }); // the trace would record every response body (see reliability-load.spec.ts)

const SAMPLE = 500;

test(`${SAMPLE} fuzzed paths through the SW: each answered, none from another site`, async ({ page }) => {
  const seed = Date.now() % 2 ** 31;
  const targets = fc.sample(fc.tuple(fc.constantFrom(...FUZZ_SITE_NAMES), fuzzTarget), { numRuns: SAMPLE, seed });
  const folders = FUZZ_SITE_NAMES.map((name) => {
    const folder = tempFolder(name);
    for (const [file, content] of fuzzSiteFiles(name)) {
      const at = path.join(folder.dir, file);
      if (file.endsWith('/')) mkdirSync(at, { recursive: true });
      else {
        mkdirSync(path.dirname(at), { recursive: true });
        writeFileSync(at, content);
      }
    }
    return folder;
  });
  try {
    await openApp(page);
    for (const [i, folder] of folders.entries()) {
      await dropFolder(page, folder.dir);
      await expect(site(page, FUZZ_SITE_NAMES[i]!)).toBeVisible();
    }
    const marks = Object.fromEntries(FUZZ_SITE_NAMES.map((name) => [name, siteMark(name)]));
    const result = await page.evaluate(
      async ({ targets, marks }) => {
        const failures: string[] = [];
        const statuses: Record<string, number> = {};
        let outsideSites = 0;
        let next = 0;
        const worker = async () => {
          while (next < targets.length) {
            const [name, target] = targets[next++]!;
            const url = new URL(`/site/${name}${target}`, location.origin);
            if (!url.pathname.startsWith('/site/')) {
              outsideSites++; // the URL parser climbed out of /site/: the app's server answers, not the SW
              continue;
            }
            const named = url.pathname.split('/')[2]!;
            try {
              const response = await fetch(url, { redirect: 'manual', cache: 'no-store' });
              const status = response.type === 'opaqueredirect' ? 301 : response.status;
              statuses[status] = (statuses[status] ?? 0) + 1;
              const body = await response.text();
              const foreign = Object.entries(marks).filter(([site, mark]) => site !== named && body.includes(mark));
              if (![200, 301, 404, 414].includes(status)) failures.push(`${url.href.slice(0, 300)}: status ${status}`);
              if (foreign.length > 0) failures.push(`${url.href.slice(0, 300)}: answered from ${foreign.map(([s]) => s)}`);
            } catch (error) {
              failures.push(`${url.href.slice(0, 300)}: ${error}`);
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        return { failures, statuses, outsideSites };
      },
      { targets, marks },
    );
    console.log(`SW path fuzzing (seed ${seed}): ${SAMPLE} paths, ${result.outsideSites} left /site/ in the URL parser, statuses ${JSON.stringify(result.statuses)}, ${result.failures.length} failures`);
    expect(result.failures, `seed ${seed}`).toEqual([]);
    expect(Object.values(result.statuses).reduce((a, b) => a + b, 0) + result.outsideSites).toBe(SAMPLE);
  } finally {
    for (const folder of folders) folder.remove();
  }
});

test('a 1 MB path gets a quick 414 from the SW, and /site/ with no name an answer', async ({ page }) => {
  await openApp(page);
  const answers = await page.evaluate(async () => {
    const timed = async (url: string) => {
      const started = performance.now();
      try {
        const response = await fetch(url, { cache: 'no-store' });
        return { status: response.status, ms: performance.now() - started, text: await response.text() };
      } catch (error) {
        return { status: 0, ms: performance.now() - started, text: String(error) };
      }
    };
    return {
      huge: await timed(`/site/alpha/${'a%2e/'.repeat(200_000)}`),
      noName: await timed('/site/'),
      noNameQuery: await timed('/site/?x=<script>'),
    };
  });
  expect(answers.huge.status).toBe(414);
  expect(answers.huge.text).toContain('URI is too long');
  expect(answers.huge.ms).toBeLessThan(3000);
  expect(answers.noName.status).toBe(404);
  expect(answers.noNameQuery.status).toBe(404);
});

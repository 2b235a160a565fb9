/**
 * The differential conformance suite: one corpus of requests, sent to CPython's
 * `python3 -m http.server` and, through the Service Worker, to dropserve serving the same folders;
 * status, reason, headers, body and log lines must match, or match a documented deviation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './test.ts';
import { dropFolder, importWithPicker, openApp, site, tempFolder } from './app.ts';
import { type Difference, compareExchanges } from './conformance-compare.ts';
import { EXPECTED_DEVIATIONS } from './conformance-deviations.ts';
import { type PageExchange, exchangeWithDropserve, exchangeWithPython } from './conformance-exchange.ts';
import { DROPPED_SITE, PICKED_SITE, buildDroppedFolder, buildPickedFolder } from './conformance-fixture.ts';
import { CORPUS, type CorpusRequest } from './corpus.ts';
import { type PythonServer, startPythonServer } from './python-server.ts';

/** The site name (and folder name) of each fixture folder, with its builder. */
const FIXTURES = [[PICKED_SITE, buildPickedFolder], [DROPPED_SITE, buildDroppedFolder]] as const;
const folders = new Map<string, ReturnType<typeof tempFolder>>();
const pythons = new Map<string, PythonServer>();

test.beforeAll(async () => {
  for (const [name, build] of FIXTURES) {
    const folder = tempFolder(name);
    folders.set(name, folder);
    build(folder.dir);
    pythons.set(name, await startPythonServer(folder.dir));
  }
});

test.afterAll(async () => {
  for (const python of pythons.values()) await python.stop();
  for (const folder of folders.values()) folder.remove();
});

test('the corpus is large, its ids are unique, and every expected deviation is a documented one', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(150);
  const ids = new Set<string>();
  const repeated = CORPUS.filter(({ id }) => ids.has(id) || !ids.add(id)).map(({ id }) => id);
  expect(repeated, 'requests in the corpus twice').toEqual([]);
  const rows = documentedRows();
  for (const [id, { row }] of EXPECTED_DEVIATIONS) {
    expect(ids.has(id), `${id} is in the corpus`).toBe(true);
    expect(rows.has(row), `row ${row} of docs/deviations.md exists`).toBe(true);
  }
});

test('dropserve answers every corpus request as python3 -m http.server does', async ({ page }) => {
  await openApp(page);
  await importWithPicker(page, folders.get(PICKED_SITE)!.dir, PICKED_SITE);
  await dropFolder(page, folders.get(DROPPED_SITE)!.dir);
  await expect(site(page, DROPPED_SITE)).toBeVisible();

  const ours = await exchangeWithDropserve(
    page,
    CORPUS.map(({ site, url, method, headers, body }) => ({ url: `/site/${site}${url}`, method, headers, ...(body === undefined ? {} : { body }) })),
  );
  // What "the same request" means: a page's fetch upper-cases `get` … `options`, but not `patch`.
  const sentMethods = new Map(CORPUS.map(({ method }, index) => [method, ours[index]!.sentMethod]));
  expect([sentMethods.get('get'), sentMethods.get('delete'), sentMethods.get('patch'), sentMethods.get('Patch')]).toEqual(['GET', 'DELETE', 'patch', 'Patch']);

  const outcomes = [];
  for (const [index, request] of CORPUS.entries()) {
    const sent = ours[index]!;
    // Python gets exactly what the browser sent: its method, and its URL without the fragment.
    const theirs = await exchangeWithPython(pythons.get(request.site)!, sent.sentMethod, targetOf(request, sent), request.headers, request.body);
    outcomes.push(judge(request, compareExchanges(request.site, sent, theirs)));
  }

  const matched = outcomes.filter((outcome) => outcome.kind === 'matched').length;
  const deviations = outcomes.filter((outcome) => outcome.kind === 'deviation').length;
  const failures = outcomes.filter((outcome) => outcome.kind === 'failure');
  console.log(
    `matched ${matched} of ${CORPUS.length}` +
      ` (${deviations} more match their documented deviation; ${failures.length} unexplained differences)`,
  );
  expect(failures.map(({ report }) => report).join('\n\n'), 'unexplained differences from Python').toBe('');
});

/** The request-target the browser sent, as the site's root sees it: the path after `/site/<name>`. */
function targetOf(request: CorpusRequest, sent: PageExchange): string {
  const url = sent.sentUrl.split('#', 1)[0]!;
  const prefix = `/site/${request.site}`;
  const target = url.slice(new URL(url).origin.length);
  if (!target.startsWith(prefix)) throw new Error(`${request.id}: the browser sent ${url}, outside the site`);
  return target.slice(prefix.length);
}

type Outcome = { kind: 'matched' } | { kind: 'deviation' } | { kind: 'failure'; report: string };

/** A request matches, or shows exactly its documented deviation; anything else is a failure. */
function judge(request: CorpusRequest, differences: readonly Difference[]): Outcome {
  const expected = EXPECTED_DEVIATIONS.get(request.id);
  const compared = (list: readonly Difference[]) => JSON.stringify(list.map(({ field, dropserve, python }) => [field, dropserve, python]));
  const same = compared(differences) === compared(expected?.differences ?? []);
  if (same) return { kind: expected ? 'deviation' : 'matched' };
  const show = (list: readonly Difference[]) =>
    list
      .map(({ field, dropserve, python, detail }) => `  ${field}:\n    dropserve: ${dropserve}\n    python:    ${python}${detail ? `\n${detail}` : ''}`)
      .join('\n') || '  (none)';
  const heading = expected ? `${request.id} (deviation ${expected.row} expected)` : request.id;
  return { kind: 'failure', report: `${heading}\n${show(differences)}${expected ? `\n expected:\n${show(expected.differences)}` : ''}` };
}

/** The row numbers of the table in docs/deviations.md. */
function documentedRows(): Set<number> {
  const text = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'deviations.md'), 'utf8');
  return new Set([...text.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1])));
}

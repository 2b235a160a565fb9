/**
 * A property test of the storage model with shared bytes (a re-sync points at bytes an earlier
 * import stored): over random runs of imports, re-syncs, failed imports, deletions, renames and
 * garbage collections, from two connections, with another operation run in the middle of an
 * import's batches (a second tab), every stored site reads back exactly the files it was given,
 * and nothing is left over: no blob that no entry points at, no entry of an import that is no
 * site and no import in progress.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { IdbVfs } from './idb-vfs.ts';
import type { FileSource, ImportItem } from './import-plan.ts';
import { importSite } from './import-site.ts';
import { closeVfs } from './testing.ts'; // and the IndexedDB globals

const NAMES = ['s', 't'] as const;
/** `x` is a file in some folders and a folder in others. */
const PATHS = ['a.txt', 'b.txt', 'd/c.txt', 'd/e.txt', 'x', 'x/y.txt', 'f/g/h.txt'] as const;
const MTIME = 1_700_000_000_000;

type Operation =
  | { kind: 'import'; tab: 0 | 1; name: string; files: { path: string; version: number }[]; batchFiles: number; failAt: number | undefined; nested: Operation | undefined }
  | { kind: 'delete'; tab: 0 | 1; name: string }
  | { kind: 'rename'; tab: 0 | 1; name: string }
  /** Garbage collection; `stale`: every import in progress counts as abandoned (a tab closed long ago). */
  | { kind: 'gc'; tab: 0 | 1; stale: boolean };

const tab = fc.constantFrom<0 | 1>(0, 1);
const name = fc.constantFrom(...NAMES);
const folder = fc
  .tuple(fc.boolean(), fc.subarray([...PATHS]), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: PATHS.length, maxLength: PATHS.length }))
  .map(([xIsFile, paths, versions]) =>
    paths.filter((path) => (xIsFile ? path !== 'x/y.txt' : path !== 'x')).map((path) => ({ path, version: versions[PATHS.indexOf(path as (typeof PATHS)[number])]! })),
  );
const simple = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), tab, name }),
  fc.record({ kind: fc.constant('rename' as const), tab, name }),
  fc.record({ kind: fc.constant('gc' as const), tab, stale: fc.boolean() }),
);
const importOf = (nested: fc.Arbitrary<Operation | undefined>) =>
  fc.record({
    kind: fc.constant('import' as const),
    tab,
    name,
    files: folder,
    batchFiles: fc.integer({ min: 1, max: 3 }),
    failAt: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    nested,
  });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: importOf(fc.option(fc.oneof(importOf(fc.constant(undefined)), simple), { nil: undefined })) },
  { weight: 2, arbitrary: simple },
);

/** What each import stored, by `storageId/path`: the text its site must read back. */
type Written = Map<string, string>;

async function run(op: Operation, tabs: readonly IdbVfs[], written: Written): Promise<void> {
  const vfs = tabs[op.tab]!;
  if (op.kind === 'delete') await vfs.deleteSite(op.name);
  else if (op.kind === 'rename') await vfs.renameSite(op.name, NAMES.find((other) => other !== op.name)!).catch(() => undefined);
  else if (op.kind === 'gc') await vfs.collectGarbage({ staleAfterMs: op.stale ? -1 : 60_000 });
  else await runImport(op, tabs, written);
}

async function runImport(op: Extract<Operation, { kind: 'import' }>, tabs: readonly IdbVfs[], written: Written): Promise<void> {
  let made = 0;
  const source = (text: string, lastModified: number): FileSource => ({
    size: new Blob([text]).size,
    lastModified,
    async blob() {
      const index = made++;
      if (index === 1 && op.nested) await run(op.nested, tabs, written); // another tab, between this import's batches
      if (index === op.failAt) throw new DOMException('gone', 'NotReadableError');
      return new Blob([text]);
    },
  });
  const texts = op.files.map(({ path, version }) => [path, `${path}@${version}`] as const);
  const items: ImportItem[] = op.files.map(({ path, version }, i) => ({ path, kind: 'file', file: source(texts[i]![1], MTIME + version * 1000) }));
  const result = await importSite(tabs[op.tab]!, op.name, items, { batchFiles: op.batchFiles }).catch(() => undefined);
  if (result) for (const [path, text] of texts) written.set(`${result.site.storageId}/${path}`, text);
}

/** Every site reads back what its import was given; no byte, entry or import is left over. */
async function expectConsistent(vfs: IdbVfs, written: Written): Promise<void> {
  const db = await vfs.database();
  const [sites, entries, blobKeys, staging] = await Promise.all([db.getAll('sites'), db.getAll('entries'), db.getAllKeys('blobs'), db.getAllKeys('staging')]);
  const owners = new Set([...sites.map((site) => site.storageId), ...staging]);
  const pointedAt = new Set(entries.filter((entry) => entry.kind === 'file').map((entry) => (entry.blob ?? [entry.storageId, entry.path]).join('/')));
  expect(entries.filter((entry) => !owners.has(entry.storageId)).map((entry) => entry.storageId)).toEqual([]);
  expect(blobKeys.map((key) => key.join('/')).filter((key) => !pointedAt.has(key))).toEqual([]);
  for (const site of sites) {
    const files = (await vfs.siteFiles(site.name))!;
    for (const entry of entries.filter((e) => e.storageId === site.storageId && e.kind === 'file')) {
      expect(await (await files.read(entry.path))?.text(), `${site.name}/${entry.path}`).toBe(written.get(`${site.storageId}/${entry.path}`));
    }
  }
}

describe('shared bytes', () => {
  it('every site reads back its files, and nothing is left over, whatever runs and fails meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const factory = new IDBFactory();
        const tabs = [await IdbVfs.open(factory), await IdbVfs.open(factory)];
        const written: Written = new Map();
        try {
          for (const op of operations) {
            await run(op, tabs, written);
            await expectConsistent(tabs[0]!, written);
          }
        } finally {
          for (const vfs of tabs) closeVfs(vfs);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

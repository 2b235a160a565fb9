import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STALE_AFTER_MS } from './garbage.ts';
import type { IdbVfs } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import type { StagingRecord } from './schema.ts';
import { closeVfs, folder, memoryVfs, siteRecord, siteSnapshot, storageIdsInUse } from './testing.ts';

let vfs: IdbVfs;
beforeEach(async () => {
  vfs = await memoryVfs();
});
afterEach(() => {
  vi.restoreAllMocks();
  closeVfs(vfs);
});

const MINUTE = 60_000;

/** Writes what an import leaves behind when its tab dies: some entries and blobs, and maybe its staging record. */
async function leftovers(storageId: string, { staging, entries = true, blobs = true }: { staging?: Partial<StagingRecord>; entries?: boolean; blobs?: boolean }) {
  const db = await vfs.database();
  const tx = db.transaction(['staging', 'entries', 'blobs'], 'readwrite');
  const now = Date.now();
  if (staging) tx.objectStore('staging').put({ storageId, name: 'x', startedAt: now, heartbeat: now, ...staging });
  for (const path of ['', 'a.txt', 'b/c.txt']) {
    const kind = path.endsWith('.txt') ? 'file' : 'directory';
    if (entries) tx.objectStore('entries').put({ storageId, path, parent: path === '' ? null : '', name: path, kind, size: 1, mtime: 0 });
    if (blobs && kind === 'file') tx.objectStore('blobs').put(new Blob(['x']), [storageId, path]);
  }
  await tx.done;
}

describe('collectGarbage', () => {
  it('removes stale imports and orphaned data, and keeps sites and live imports', async () => {
    await importSite(vfs, 'site', folder({ 'index.html': 'home', 'sub/a.txt': 'a' }));
    const site = await siteSnapshot(vfs, 'site');
    await leftovers('stale', { staging: { heartbeat: Date.now() - 11 * MINUTE } });
    await leftovers('live', { staging: { heartbeat: Date.now() - 1 * MINUTE } });
    await leftovers('orphan-both', {});
    await leftovers('orphan-entries', { blobs: false });
    await leftovers('orphan-blobs', { entries: false });

    const report = await vfs.collectGarbage({ staleAfterMs: 10 * MINUTE });

    expect(report).toEqual({ stagingRemoved: 1, storageIdsRemoved: 4 });
    expect(await storageIdsInUse(vfs)).toEqual(['live', site!.site.storageId].sort());
    expect(await siteSnapshot(vfs, 'site')).toEqual(site);
    expect(await vfs.collectGarbage({ staleAfterMs: 10 * MINUTE })).toEqual({ stagingRemoved: 0, storageIdsRemoved: 0 });
  });

  it('takes ten quiet minutes for abandonment by default', async () => {
    expect(DEFAULT_STALE_AFTER_MS).toBe(10 * MINUTE);
    await leftovers('recent', { staging: { heartbeat: Date.now() - 9 * MINUTE } });
    await leftovers('old', { staging: { heartbeat: Date.now() - 11 * MINUTE } });
    expect(await vfs.collectGarbage()).toEqual({ stagingRemoved: 1, storageIdsRemoved: 1 });
    expect(await storageIdsInUse(vfs)).toEqual(['recent']);
  });

  it('removes a stale staging record that has no data yet', async () => {
    await leftovers('empty', { staging: { heartbeat: 0 }, entries: false, blobs: false });
    expect(await vfs.collectGarbage()).toEqual({ stagingRemoved: 1, storageIdsRemoved: 0 });
    expect(await storageIdsInUse(vfs)).toEqual([]);
  });

  it('visits each storage id once per store instead of scanning its keys', async () => {
    const many = folder(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.txt`, 'x'])));
    await importSite(vfs, 'one', many);
    await importSite(vfs, 'two', many);
    // fake-indexeddb's step behind open/continue: a spy on `continue` itself would break idb,
    // which recognises the cursor methods by identity.
    const cursor = IDBCursor.prototype as unknown as { _iterate(key?: unknown): unknown };
    const steps = vi.spyOn(cursor, '_iterate');

    await vfs.collectGarbage();

    // Per store: the first key, then one jump past each of the two storage ids — of 2 × 51 keys.
    expect(steps).toHaveBeenCalledTimes(6);
    const ids = [(await siteRecord(vfs, 'one'))!.storageId, (await siteRecord(vfs, 'two'))!.storageId].sort();
    const jumps = steps.mock.calls.map(([key]) => key).filter((key) => key !== undefined);
    expect(jumps).toEqual([...ids, ...ids].map((id) => [id, []]));
  });
});

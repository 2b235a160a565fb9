import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage } from './garbage.ts';
import type { IdbVfs } from './idb-vfs.ts';
import { ImportError, type ImportItem, type ImportProgress, importSite } from './import-site.ts';
import { closeVfs, fileItem, folder, memoryVfs, readText, siteRecord, siteSnapshot, storageIdsInUse } from './testing.ts';

let vfs: IdbVfs;
beforeEach(async () => {
  vfs = await memoryVfs();
});
afterEach(() => {
  vi.restoreAllMocks();
  closeVfs(vfs);
});

/** `count` files of `size` bytes each, `f00.txt`… */
const files = (count: number, size = 10, dir = 'files') =>
  Array.from({ length: count }, (_, i) => fileItem(`${dir}/f${String(i).padStart(2, '0')}.txt`, String(i % 10).repeat(size)));

/** The stored sites, whole, and proof that nothing else is stored: no staging record, no orphan. */
async function everything() {
  const sites = await vfs.listSites();
  const snapshots = await Promise.all(sites.map((site) => siteSnapshot(vfs, site.name)));
  expect(await storageIdsInUse(vfs)).toEqual(sites.map((site) => site.storageId).sort());
  return snapshots;
}

async function failure(run: Promise<unknown>): Promise<ImportError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/**
 * Makes fake-indexeddb fail a write the way a browser does: the request's operation throws, the
 * request fires `error`, the transaction aborts with that error. (Reached through fake-indexeddb's
 * internal record store: there is no public hook, and a throwing `put()` would be another path.)
 */
async function failWrites(decide: (write: { store: string; key: unknown; value: unknown; add: boolean }) => DOMException | undefined): Promise<void> {
  const db = await vfs.database();
  const tx = db.transaction('blobs');
  const raw = (tx.store as unknown as { _rawObjectStore: object })._rawObjectStore;
  type Record = { key: unknown; value: unknown };
  type StoreRecord = (this: { name: string }, record: Record, noOverwrite: boolean, ...rest: unknown[]) => unknown;
  const prototype = Object.getPrototypeOf(raw) as { storeRecord: StoreRecord };
  const original = prototype.storeRecord;
  await tx.done;
  vi.spyOn(prototype, 'storeRecord').mockImplementation(function (this: { name: string }, record, noOverwrite, ...rest) {
    const error = decide({ store: this.name, key: record.key, value: record.value, add: noOverwrite });
    if (error) throw error;
    return original.call(this, record, noOverwrite, ...rest);
  });
}

const isPath = (key: unknown, path: string) => Array.isArray(key) && key[1] === path;

describe('a successful import', () => {
  it('stores every file and directory and makes the site', async () => {
    const { site, replaced } = await importSite(vfs, 'blog', folder({ 'index.html': 'home', 'posts/1.html': 'one', 'empty/': '' }), { folderName: 'My Blog' });
    expect(replaced).toBeUndefined();
    expect(site).toMatchObject({ name: 'blog', fileCount: 2, dirCount: 2, totalBytes: 7, folderName: 'My Blog' });
    expect(await siteRecord(vfs, 'blog')).toEqual(site);
    const served = (await vfs.siteFiles('blog'))!;
    expect(await readText(served, 'posts/1.html')).toBe('one');
    expect(await served.list('empty')).toEqual([]);
    await everything();
  });

  it('reports progress at the start and after each batch', async () => {
    const reports: ImportProgress[] = [];
    await importSite(vfs, 'p', files(5, 10), { batchFiles: 3, onProgress: (p) => reports.push(p) });
    // Batch 1 holds the two directories ('' and 'files') and one file; then 3; then 1.
    expect(reports).toEqual([
      { filesDone: 0, filesTotal: 5, bytesDone: 0, bytesTotal: 50 },
      { filesDone: 1, filesTotal: 5, bytesDone: 10, bytesTotal: 50 },
      { filesDone: 4, filesTotal: 5, bytesDone: 40, bytesTotal: 50 },
      { filesDone: 5, filesTotal: 5, bytesDone: 50, bytesTotal: 50 },
    ]);
  });

  it('writes in batched transactions, never one per file', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await importSite(vfs, 'big', files(1200, 1), { batchFiles: 500 });
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    // staging record + 3 batches (1,202 entries) + the swap
    expect(writes).toHaveLength(5);
  });

  it('cuts batches by bytes too', async () => {
    const reports: ImportProgress[] = [];
    await importSite(vfs, 'b', files(4, 100), { batchBytes: 150, onProgress: (p) => reports.push(p) });
    expect(reports.map((p) => p.bytesDone)).toEqual([0, 100, 200, 300, 400]);
  });

  it('imports an empty folder as an empty site', async () => {
    const { site } = await importSite(vfs, 'empty', []);
    expect(site).toMatchObject({ fileCount: 0, dirCount: 0, totalBytes: 0 });
    expect(await (await vfs.siteFiles('empty'))!.list('')).toEqual([]);
  });

  it('replaces the site of the same name, and deletes the old files', async () => {
    const { site: old } = await importSite(vfs, 'blog', folder({ 'index.html': 'v1', 'only-in-v1.txt': 'x' }));
    const { site, replaced } = await importSite(vfs, 'blog', [fileItem('index.html', 'v2', 1_700_000_001_000)]);
    expect(replaced).toEqual(old);
    expect(site.storageId).not.toBe(old.storageId);
    const served = (await vfs.siteFiles('blog'))!;
    expect(await readText(served, 'index.html')).toBe('v2');
    expect(await served.stat('only-in-v1.txt')).toBeUndefined();
    expect(await storageIdsInUse(vfs)).toEqual([site.storageId]);
  });
});

describe('a failed import changes nothing', () => {
  let before: Awaited<ReturnType<typeof everything>>;
  beforeEach(async () => {
    await importSite(vfs, 'blog', folder({ 'index.html': 'v1', 'img/a.png': '\x89PNG', 'empty/': '' }));
    await importSite(vfs, 'other', folder({ 'x.txt': 'x' }));
    before = await everything();
  });

  it('refuses an invalid site name or path before writing anything', async () => {
    expect(await failure(importSite(vfs, 'no spaces', []))).toMatchObject({ reason: 'invalid', message: '“no spaces” cannot be a site name — nothing was changed.' });
    expect(await failure(importSite(vfs, 'blog', [fileItem('a/../b')]))).toMatchObject({ reason: 'invalid', path: 'a/../b' });
    expect(await everything()).toEqual(before);
  });

  it('is cancelled before it starts', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await failure(importSite(vfs, 'blog', files(3), { signal: abort.signal }))).toMatchObject({
      reason: 'cancelled',
      message: 'Import cancelled — nothing was changed.',
    });
    expect(await everything()).toEqual(before);
  });

  it('is cancelled after the first batch', async () => {
    const abort = new AbortController();
    const onProgress = (p: ImportProgress) => p.filesDone > 0 && abort.abort();
    const error = await failure(importSite(vfs, 'blog', files(10), { batchFiles: 3, signal: abort.signal, onProgress }));
    expect(error.reason).toBe('cancelled');
    expect(await everything()).toEqual(before);
  });

  it('is cancelled while a batch is being written: that transaction is aborted', async () => {
    const abort = new AbortController();
    const txAbort = vi.spyOn(IDBTransaction.prototype, 'abort');
    // Fires once the next batch's transaction has queued a put, and waits for its result.
    let armed = false;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (armed) queueMicrotask(() => abort.abort());
      return put.apply(this, args);
    });
    const onProgress = (p: ImportProgress) => (armed = p.filesDone > 0);
    const error = await failure(importSite(vfs, 'blog', files(10), { batchFiles: 3, signal: abort.signal, onProgress }));
    expect(error.reason).toBe('cancelled');
    expect(txAbort).toHaveBeenCalled();
    expect(await everything()).toEqual(before);
  });

  it('runs out of storage space (QuotaExceededError)', async () => {
    let stored = 0;
    await failWrites(({ store, value }) => {
      if (store !== 'blobs') return undefined;
      stored += (value as Blob).size;
      return stored > 45 ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : undefined;
    });
    const reports: ImportProgress[] = [];
    const error = await failure(importSite(vfs, 'blog', files(10, 10), { batchFiles: 3, onProgress: (p) => reports.push(p) }));
    expect(error).toMatchObject({ reason: 'quota', message: 'Not enough storage space for this folder — nothing was changed.' });
    expect(reports.at(-1)?.filesDone).toBeGreaterThan(0); // batches had been stored before the failure
    expect(await everything()).toEqual(before);
  });

  it('meets a file the browser cannot read (NotReadableError on its request)', async () => {
    await failWrites(({ store, key }) =>
      store === 'blobs' && isPath(key, 'files/f04.txt') ? new DOMException('The file could not be read.', 'NotReadableError') : undefined,
    );
    const error = await failure(importSite(vfs, 'blog', files(10), { batchFiles: 3 }));
    expect(error).toMatchObject({ reason: 'unreadable', path: 'files/f04.txt', message: 'Could not read “files/f04.txt” — nothing was changed.' });
    expect(await everything()).toEqual(before);
  });

  describe('when the browser only says the transaction failed', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'dropserve-'));
      // As Chromium does when a blob cannot be written at commit ("Failed to write blobs."): the
      // error is the transaction's, tied to no file — here the batch's last request, the heartbeat
      // refresh (a put; the staging record's first write is an add), fails.
      return failWrites(({ store, add }) => (store === 'staging' && !add ? new DOMException('Failed to write blobs.', 'UnknownError') : undefined));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('finds the file that cannot be read (deleted since it was picked) by trying to read it', async () => {
      const path = join(dir, 'gone.txt');
      writeFileSync(path, 'soon gone');
      // A disk-backed File, like a picked one: reading it fails once the file is deleted.
      const gone: ImportItem = { path: 'files/gone.txt', kind: 'file', file: new File([await openAsBlob(path)], 'gone.txt') };
      rmSync(path);
      const error = await failure(importSite(vfs, 'blog', [...files(2), gone, ...files(2, 10, 'more')]));
      expect(error).toMatchObject({ reason: 'unreadable', path: 'files/gone.txt', message: 'Could not read “files/gone.txt” — nothing was changed.' });
      expect(await everything()).toEqual(before);
    });

    it('says the import failed, with the browser’s words, when every file reads fine', async () => {
      const error = await failure(importSite(vfs, 'blog', files(3)));
      expect(error).toMatchObject({ reason: 'failed', message: 'The import failed (Failed to write blobs.) — nothing was changed.' });
      expect(await everything()).toEqual(before);
    });
  });

  it('meets a value IndexedDB cannot store (put throws at once)', async () => {
    // Has a function, so it cannot be cloned; its `slice` lets the unreadable-file probe read it.
    const uncloneable = { size: 1, lastModified: 0, blob: async () => ({ slice: () => new Blob(['x']) }) as unknown as Blob };
    const error = await failure(importSite(vfs, 'blog', [...files(2), { path: 'bad.bin', kind: 'file', file: uncloneable }]));
    expect(error).toMatchObject({ reason: 'failed', path: 'bad.bin' });
    expect(error.message).toMatch(/^The import failed \(.+\) — nothing was changed\.$/);
    expect(await everything()).toEqual(before);
  });

  it('fails when garbage collection took a stalled import for abandoned', async () => {
    // Once, after the first batch: the next batch must notice, not put the staging record back.
    const onProgress = (p: ImportProgress) => p.filesDone === 1 && void vfs.collectGarbage({ staleAfterMs: -1 });
    const error = await failure(importSite(vfs, 'blog', files(12), { batchFiles: 3, onProgress }));
    expect(error).toMatchObject({ reason: 'failed', message: expect.stringContaining('taken for abandoned') });
    expect(await everything()).toEqual(before);
  });
  it('fails when garbage collection struck between the last batch and the swap', async () => {
    const db = await vfs.database();
    // Called directly, so its transaction is queued at once — before the swap's.
    const onProgress = (p: ImportProgress) => p.filesDone === p.filesTotal && void collectGarbage(db, -1);
    const error = await failure(importSite(vfs, 'blog', files(4), { onProgress }));
    expect(error).toMatchObject({ reason: 'failed', message: expect.stringContaining('taken for abandoned') });
    expect(await everything()).toEqual(before);
  });
});

describe('two imports into one name at once', () => {
  it('both finish atomically, the last swap wins, and no data is left over', async () => {
    const { site: original } = await importSite(vfs, 'site', folder({ 'v.txt': 'original' }));
    const a = importSite(vfs, 'site', [fileItem('v.txt', 'a'), ...files(9, 5, 'a')], { batchFiles: 2 });
    const b = importSite(vfs, 'site', [fileItem('v.txt', 'b'), ...files(5, 5, 'b')], { batchFiles: 3 });
    const [ra, rb] = await Promise.all([a, b]);

    const [first, last] = rb.replaced?.storageId === ra.site.storageId ? [ra, rb] : [rb, ra];
    expect(first.replaced).toEqual(original);
    expect(last.replaced).toEqual(first.site);
    expect(await siteRecord(vfs, 'site')).toEqual(last.site);
    expect(await storageIdsInUse(vfs)).toEqual([last.site.storageId]);
    const served = (await vfs.siteFiles('site'))!;
    const winner = last === ra ? 'a' : 'b';
    expect(await readText(served, 'v.txt')).toBe(winner);
    expect((await served.list('')).map((stat) => stat.name).sort()).toEqual([winner, 'v.txt']);
  });
});

describe('importing a folder again (re-sync)', () => {
  const LATER = 1_700_000_009_000;
  const first = () =>
    importSite(vfs, 'site', [fileItem('same.txt', 'same'), fileItem('edit.txt', 'v1'), fileItem('gone.txt', 'gone'), fileItem('d/keep.txt', 'keep'), { path: 'old-dir', kind: 'directory' }]);
  const second = (options = {}) =>
    importSite(vfs, 'site', [fileItem('same.txt', 'same'), fileItem('edit.txt', 'v2', LATER), fileItem('d/keep.txt', 'keep'), fileItem('new/n.txt', 'new')], options);

  /** The blob keys stored for each storage id. */
  async function blobPaths() {
    const keys = await (await vfs.database()).getAllKeys('blobs');
    const byImport = new Map<string, string[]>();
    for (const [id, path] of keys) byImport.set(id, [...(byImport.get(id) ?? []), path]);
    return byImport;
  }

  it('writes only the changed and added files, and says what changed', async () => {
    const { site: old } = await first();
    const { site, replaced, changes } = await second();
    expect(replaced).toEqual(old);
    expect(changes).toEqual({ added: ['new/', 'new/n.txt'], changed: ['edit.txt'], removed: ['gone.txt', 'old-dir/'], unchanged: 2 });
    expect(site).toMatchObject({ fileCount: 4, reusedFiles: 2 });
    const stored = await blobPaths();
    expect(stored.get(site.storageId)?.sort()).toEqual(['edit.txt', 'new/n.txt']);
    // The replaced import keeps only the bytes the new one points at.
    expect(stored.get(old.storageId)?.sort()).toEqual(['d/keep.txt', 'same.txt']);
    const served = (await vfs.siteFiles('site'))!;
    for (const [path, text] of [['same.txt', 'same'], ['edit.txt', 'v2'], ['d/keep.txt', 'keep'], ['new/n.txt', 'new']]) {
      expect(await readText(served, path!), path).toBe(text);
    }
    expect(await served.stat('gone.txt')).toBeUndefined();
    expect(await served.stat('old-dir')).toBeUndefined();
  });

  it('keeps the unchanged files’ import in their ETag source, and gives the changed ones the new one', async () => {
    const { site: old } = await first();
    const { site } = await second();
    const served = (await vfs.siteFiles('site'))!;
    expect((await served.stat('same.txt'))?.storedBy).toBe(old.storageId);
    expect((await served.stat('edit.txt'))?.storedBy).toBe(site.storageId);
  });

  it('writes nothing when nothing changed', async () => {
    const { site: old } = await first();
    const before = await blobPaths();
    const { site, replaced, changes } = await first();
    expect(site).toEqual(old);
    expect(replaced).toBeUndefined();
    expect(changes).toEqual({ added: [], changed: [], removed: [], unchanged: 4 });
    expect(await blobPaths()).toEqual(before);
    expect(await storageIdsInUse(vfs)).toEqual([old.storageId]);
  });

  it('points at the import that wrote the bytes, however many syncs later, and frees them with the site', async () => {
    const { site: v1 } = await first();
    await second();
    const { site: v3, changes } = await importSite(vfs, 'site', [fileItem('same.txt', 'same'), fileItem('d/keep.txt', 'keep')]);
    expect(changes).toMatchObject({ unchanged: 2, removed: ['edit.txt', 'new/', 'new/n.txt'] });
    expect([...(await blobPaths()).keys()]).toEqual([v1.storageId]); // only the first import's bytes are left
    expect(await readText((await vfs.siteFiles('site'))!, 'd/keep.txt')).toBe('keep');
    expect(v3.reusedFiles).toBe(2);
    await vfs.deleteSite('site');
    expect(await storageIdsInUse(vfs)).toEqual([]);
  });

  it('writes a file again whose stored bytes are gone', async () => {
    const { site: old } = await first();
    await (await vfs.database()).delete('blobs', [old.storageId, 'same.txt']);
    const { changes } = await second();
    expect(changes?.changed).toEqual(['edit.txt', 'same.txt']);
    expect(await readText((await vfs.siteFiles('site'))!, 'same.txt')).toBe('same');
  });

  it('is refused when the site was deleted meanwhile: its bytes may be gone', async () => {
    await first();
    const db = await vfs.database();
    // The record alone, in a transaction queued at once, so that it runs before the swap's.
    const onProgress = (p: ImportProgress) => p.filesDone === p.filesTotal && void db.delete('sites', 'site');
    const error = await failure(second({ onProgress }));
    expect(error).toMatchObject({ reason: 'failed', message: expect.stringContaining('changed by another import') });
    expect(await vfs.listSites()).toEqual([]);
    await collectGarbage(db, -1);
    expect(await storageIdsInUse(vfs)).toEqual([]);
  });

  it('leaves the site whole when cancelled: the bytes it points at are kept', async () => {
    await first();
    const before = await everything();
    const abort = new AbortController();
    const onProgress = (p: ImportProgress) => p.filesDone > 0 && abort.abort();
    const error = await failure(second({ batchFiles: 2, signal: abort.signal, onProgress }));
    expect(error.reason).toBe('cancelled');
    expect(await everything()).toEqual(before);
  });

  it('garbage collection keeps the bytes a site points at, and reports no removal for them', async () => {
    await first();
    const { site } = await second();
    const report = await collectGarbage(await vfs.database(), -1);
    expect(report).toEqual({ stagingRemoved: 0, storageIdsRemoved: 0 });
    const served = (await vfs.siteFiles('site'))!;
    expect(await readText(served, 'same.txt')).toBe('same');
    expect(site.reusedFiles).toBe(2);
  });
});

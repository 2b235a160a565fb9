import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdbVfs } from './idb-vfs.ts';
import { acquireImportLock, type ImportLocks, importLockName, isImportAbandoned } from './import-lock.ts';
import { ImportError, importSite } from './import-site.ts';
import { closeVfs, folder, memoryVfs, siteSnapshot, storageIdsInUse } from './testing.ts';

/**
 * Web Locks within one process, exclusive mode only (Node 20 has no `navigator.locks`): each name
 * grants its holders one at a time, in request order; `ifAvailable` gets null when it is taken.
 */
class ProcessLocks {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #taken = new Map<string, number>();

  readonly request = ((name: string, ...args: [LockGrantedCallback<unknown>] | [LockOptions, LockGrantedCallback<unknown>]) => {
    const [options, callback] = args.length === 1 ? [{}, args[0]] : args;
    if (options.ifAvailable && (this.#taken.get(name) ?? 0) > 0) return Promise.resolve().then(() => callback(null));
    this.#taken.set(name, (this.#taken.get(name) ?? 0) + 1);
    const previous = this.#tails.get(name) ?? Promise.resolve();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    this.#tails.set(name, previous.then(() => finished));
    return previous.then(async () => {
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        this.#taken.set(name, this.#taken.get(name)! - 1);
        done();
      }
    });
  }) as ImportLocks['request'];
}

let vfs: IdbVfs;
let locks: ImportLocks;
beforeEach(async () => {
  vfs = await memoryVfs();
  locks = new ProcessLocks();
});
afterEach(() => closeVfs(vfs));

/** What an import's tab leaves when it dies mid-import: a staging record with a fresh heartbeat, and data. */
async function deadImport(storageId: string): Promise<void> {
  const db = await vfs.database();
  const now = Date.now();
  await db.put('staging', { storageId, name: 'x', startedAt: now, heartbeat: now });
  await db.put('entries', { storageId, path: '', parent: null, name: '', kind: 'directory', size: 0, mtime: now });
  await db.put('blobs', new Blob(['x']), [storageId, 'a.txt']);
}

describe('import locks', () => {
  it('name each import', () => {
    expect(importLockName('1234')).toBe('dropserve-import:1234');
  });

  it('tell a held import from an abandoned one', async () => {
    const release = await acquireImportLock(locks, 'running');
    expect(await isImportAbandoned(locks, 'running')).toBe(false);
    expect(await isImportAbandoned(locks, 'other')).toBe(true);
    release(); // the lock manager lets go in a later task, as browsers do
    await expect.poll(() => isImportAbandoned(locks, 'running')).toBe(true);
  });

  it('let garbage collection remove a dead import at once, heartbeat fresh or not', async () => {
    await deadImport('dead');
    await deadImport('alive');
    const release = await acquireImportLock(locks, 'alive');
    // Without locks, both look alive for ten minutes.
    expect(await vfs.collectGarbage()).toEqual({ stagingRemoved: 0, storageIdsRemoved: 0 });
    expect(await vfs.collectGarbage({ locks })).toEqual({ stagingRemoved: 1, storageIdsRemoved: 1 });
    expect(await storageIdsInUse(vfs)).toEqual(['alive']);
    release();
  });

  it('are held by a running import, which garbage collection then leaves alone', async () => {
    await importSite(vfs, 'kept', folder({ 'index.html': 'kept' }));
    const kept = await siteSnapshot(vfs, 'kept');
    const tree = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, `file ${i}`]));
    const collected: Promise<unknown>[] = [];
    let staged: string[] = [];
    const result = await importSite(vfs, 'new', folder(tree), {
      locks,
      batchFiles: 5,
      onProgress: ({ filesDone }) => {
        if (filesDone < 10 || collected.length > 0) return;
        collected.push(
          (async () => {
            staged = await (await vfs.database()).getAllKeys('staging');
            return vfs.collectGarbage({ locks });
          })(),
        );
      },
    });
    expect(await Promise.all(collected)).toEqual([{ stagingRemoved: 0, storageIdsRemoved: 0 }]);
    expect(staged).toEqual([result.site.storageId]);
    expect((await siteSnapshot(vfs, 'new'))?.site.fileCount).toBe(30);
    expect(await siteSnapshot(vfs, 'kept')).toEqual(kept);
    await expect.poll(() => isImportAbandoned(locks, result.site.storageId)).toBe(true);
  });

  it('are released by an import that fails', async () => {
    const abort = new AbortController();
    let storageId = '';
    const failed = importSite(vfs, 'cancelled', folder({ 'a.txt': 'a', 'b.txt': 'b' }), {
      locks,
      batchFiles: 1,
      signal: abort.signal,
      onProgress: async () => {
        [storageId = ''] = await (await vfs.database()).getAllKeys('staging');
        abort.abort();
      },
    });
    await expect(failed).rejects.toBeInstanceOf(ImportError);
    expect(storageId).not.toBe('');
    await expect.poll(() => isImportAbandoned(locks, storageId)).toBe(true);
    expect(await storageIdsInUse(vfs)).toEqual([]);
  });
});

/**
 * What interrupted work leaves behind: a tab closed mid-import leaves a staging record and part of
 * a folder; a tab closed between an import's swap and its cleanup leaves the replaced site's data.
 */
import { type ImportLocks, isImportAbandoned } from './import-lock.ts';
import type { IDBPTransaction } from 'idb';
import type { DropserveDB, DropserveSchema } from './schema.ts';
import { deleteStorage, pastStorage, storageKeys } from './storage.ts';

/**
 * An import refreshes its heartbeat with every batch, and a batch (≤ 500 files or 64 MiB, or one
 * bigger file) takes seconds: ten quiet minutes mean the importing tab is gone.
 */
export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

export interface GarbageReport {
  /** Staging records whose heartbeat was stale. */
  readonly stagingRemoved: number;
  /** Storage ids whose entries and blobs were removed (those of stale imports included). */
  readonly storageIdsRemoved: number;
}

/**
 * One readwrite transaction over all the stores, so that no import can start, advance or swap
 * between deciding what is garbage and deleting it (IndexedDB runs overlapping readwrite
 * transactions one after another). With `locks`, an import whose lock is free is dead at once,
 * whatever its heartbeat says (import-lock.ts).
 */
export async function collectGarbage(db: DropserveDB, staleAfterMs: number, locks?: ImportLocks): Promise<GarbageReport> {
  const abandoned = locks ? await abandonedImports(db, locks) : new Set<string>();
  const tx = db.transaction(['sites', 'staging', 'entries', 'blobs', 'folderHandles'], 'readwrite');
  const [sites, imports] = await Promise.all([tx.objectStore('sites').getAll(), tx.objectStore('staging').getAll()]);
  const now = Date.now(); // once the transaction runs: it may have waited for an import's batch
  const live = new Set(sites.map((site) => site.storageId));
  const deletions: Promise<unknown>[] = [];
  let stagingRemoved = 0;
  for (const staging of imports) {
    if (abandoned.has(staging.storageId) || now - staging.heartbeat > staleAfterMs) {
      deletions.push(tx.objectStore('staging').delete(staging.storageId));
      stagingRemoved++;
    } else {
      live.add(staging.storageId);
    }
  }
  // Visit each storage id once: the key cursor jumps from an id's first key past its last one.
  const removed = new Set<string>();
  for (const store of ['entries', 'blobs'] as const) {
    let cursor = await tx.objectStore(store).openKeyCursor();
    while (cursor) {
      const [storageId] = cursor.key;
      // Blobs without entries that other imports point at are what a finished removal kept: not garbage.
      if (!live.has(storageId) && !removed.has(storageId) && (store === 'entries' || !(await isPointedAt(tx, storageId)))) {
        removed.add(storageId);
        deletions.push(deleteStorage(tx, storageId));
      }
      cursor = await cursor.continue(pastStorage(storageId));
    }
  }
  deletions.push(removeOrphanHandles(tx, sites.map((site) => site.name)));
  await Promise.all([...deletions, tx.done]);
  return { stagingRemoved, storageIdsRemoved: removed.size };
}

type GarbageTransaction = IDBPTransaction<DropserveSchema, ('sites' | 'staging' | 'entries' | 'blobs' | 'folderHandles')[], 'readwrite'>;

function isPointedAt(tx: GarbageTransaction, storageId: string): Promise<boolean> {
  return tx.objectStore('entries').index('byBlob').count(storageKeys(storageId)).then((count) => count > 0);
}

/** The folder handles of sites that are gone (another tab deleted the site as its import stored the handle). */
async function removeOrphanHandles(tx: GarbageTransaction, siteNames: readonly string[]): Promise<void> {
  const names = new Set(siteNames);
  const handles = tx.objectStore('folderHandles');
  const orphans = (await handles.getAllKeys()).filter((name) => !names.has(name));
  await Promise.all(orphans.map((name) => handles.delete(name)));
}

/**
 * The staging records whose import lock is free. Checked before the transaction (a lock request
 * would let it commit); a record added meanwhile is not among them, and its lock was taken before
 * it was written, so a free lock can only mean an import that has ended.
 */
async function abandonedImports(db: DropserveDB, locks: ImportLocks): Promise<Set<string>> {
  const staged = await db.getAllKeys('staging');
  const checked = await Promise.all(staged.map(async (storageId) => [storageId, await isImportAbandoned(locks, storageId)] as const));
  return new Set(checked.filter(([, abandoned]) => abandoned).map(([storageId]) => storageId));
}

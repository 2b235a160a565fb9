/**
 * Storage ids: every import's entries and blobs are keyed `[storageId, path]`, so one import is
 * one contiguous key range, deleted or skipped in a single step — never found by a scan.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { DropserveDB, DropserveSchema, StorageKey } from './schema.ts';

/** Random, so that two imports (two tabs, one name) never share one. */
export function newStorageId(): string {
  return crypto.randomUUID();
}

/** Every key of one storage id: paths are strings, and every array sorts after every string. */
export function storageKeys(storageId: string): IDBKeyRange {
  return IDBKeyRange.bound([storageId, ''], [storageId, []]);
}

/** The smallest key after all of `storageId`'s (see `storageKeys`), for a cursor to jump to. */
export function pastStorage(storageId: string): StorageKey {
  // The `[]` is the one thing that sorts after every path; the tuple type only knows paths.
  return [storageId, [] as unknown as string];
}

type StorageTransaction = IDBPTransaction<DropserveSchema, ArrayLike<StoreNames<DropserveSchema>>, 'readwrite'>;

/**
 * Removes, inside `tx`, every entry of `storageId` and the bytes that nothing points at any more:
 * its own blobs but those another import's entries point at (a re-sync keeps unchanged files'
 * bytes where they are), and the earlier imports' blobs that only its entries pointed at.
 */
export async function deleteStorage(tx: StorageTransaction, storageId: string): Promise<void> {
  const keys = storageKeys(storageId);
  const entries = tx.objectStore('entries');
  const pointedOut = new Set((await entries.getAll(keys)).flatMap((entry) => (entry.blob ? [entry.blob[0]] : [])));
  // Requests in one transaction run in order: the reads below see the entries gone.
  await entries.delete(keys);
  await Promise.all([storageId, ...pointedOut].map((id) => deleteUnpointedBlobs(tx, id)));
}

/** Deletes `storageId`'s blobs that no entry points at, once its own entries are gone. */
async function deleteUnpointedBlobs(tx: StorageTransaction, storageId: string): Promise<void> {
  const keys = storageKeys(storageId);
  const entries = tx.objectStore('entries');
  const blobs = tx.objectStore('blobs');
  const [owners, pointers] = await Promise.all([entries.count(keys), entries.index('byBlob').getAll(keys)]);
  if (owners > 0) return; // an import still there (the site a failed re-sync pointed into) keeps all its bytes
  if (pointers.length === 0) return blobs.delete(keys); // the usual case: one range delete
  const kept = new Set(pointers.flatMap((entry) => (entry.blob ? [entry.blob[1]] : [])));
  const unpointed = (await blobs.getAllKeys(keys)).filter(([, path]) => !kept.has(path));
  await Promise.all(unpointed.map((key) => blobs.delete(key)));
}

/** Removes one storage id's data and its staging record, if any, in one transaction. */
export async function discardStorage(db: DropserveDB, storageId: string): Promise<void> {
  const tx = db.transaction(['staging', 'entries', 'blobs'], 'readwrite');
  await Promise.all([tx.objectStore('staging').delete(storageId), deleteStorage(tx, storageId), tx.done]);
}

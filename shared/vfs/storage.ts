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

/** Queues, inside `tx`, the removal of every entry and blob of `storageId`. */
export function deleteStorage(tx: StorageTransaction, storageId: string): Promise<unknown> {
  const keys = storageKeys(storageId);
  return Promise.all([tx.objectStore('entries').delete(keys), tx.objectStore('blobs').delete(keys)]);
}

/** Removes one storage id's data and its staging record, if any, in one transaction. */
export async function discardStorage(db: DropserveDB, storageId: string): Promise<void> {
  const tx = db.transaction(['staging', 'entries', 'blobs'], 'readwrite');
  await Promise.all([tx.objectStore('staging').delete(storageId), deleteStorage(tx, storageId), tx.done]);
}

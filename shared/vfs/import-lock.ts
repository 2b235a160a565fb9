/**
 * How the next start knows at once that an import is dead. An import holds a Web Lock named for its
 * storage id from before its staging record exists until its data is published or discarded; the
 * browser releases a lock when the tab that holds it closes or crashes. So a staging record whose
 * lock is free belongs to an import that has ended — without waiting for its heartbeat to go stale.
 *
 * The lock manager (`navigator.locks`) is passed in, so that shared/ touches no globals; without
 * one, garbage collection falls back on the heartbeat alone.
 */

/** The part of the Web Locks API used here. */
export type ImportLocks = Pick<LockManager, 'request'>;

export function importLockName(storageId: string): string {
  return `dropserve-import:${storageId}`;
}

/**
 * Takes the import's lock and resolves, once it is held, with the function that releases it. A
 * lock manager that refuses (a context without Web Locks) gives a release that does nothing.
 */
export function acquireImportLock(locks: ImportLocks, storageId: string): Promise<() => void> {
  return new Promise((acquired) => {
    const held = locks.request(importLockName(storageId), () => new Promise<void>((release) => acquired(release)));
    held.catch(() => acquired(() => undefined));
  });
}

/** Whether nobody holds the import's lock: its importer has ended, finished or failed or gone. */
export function isImportAbandoned(locks: ImportLocks, storageId: string): Promise<boolean> {
  return locks.request(importLockName(storageId), { ifAvailable: true }, async (lock) => lock !== null);
}

/**
 * The IndexedDB layout of the virtual filesystem (docs/design.md#storage), and the code that opens it.
 *
 * Every import writes under a fresh `storageId`; a site is a `sites` record that points at one.
 * File metadata and file bytes live in separate stores, so that a listing never touches a Blob
 * and re-putting metadata never rewrites one.
 */
import { type DBSchema, type IDBPDatabase, wrap } from 'idb';
import type { SiteOptions } from './site-options.ts';
import type { EntryKind } from './types.ts';
import { VfsError } from './vfs-error.ts';

export const DB_NAME = 'dropserve';

/** `[storageId, path]`: the key of `entries` and `blobs`, so one key range holds one import. */
export type StorageKey = [storageId: string, path: string];

/** A complete site. Only a finished import ever writes one. */
export interface SiteRecord {
  /** URL-safe (see site-name.ts); the site is served at `<app>/site/<name>/`. */
  readonly name: string;
  /** Where its entries and blobs are stored. */
  readonly storageId: string;
  readonly fileCount: number;
  /** Directories below the root. */
  readonly dirCount: number;
  readonly totalBytes: number;
  /** When the import finished, ms since the epoch. */
  readonly importedAt: number;
  /** The name of the folder the files came from (the site name is derived from it, or renamed). */
  readonly folderName: string;
  /** Serving options (CGI); absent means all defaults, see site-options.ts. Kept by a re-import. */
  readonly options?: SiteOptions;
  /** Files whose bytes an earlier import stored (a re-sync left them unchanged); absent means 0. */
  readonly reusedFiles?: number;
}

/** The metadata of one file or directory; its bytes, if a file, are in `blobs` under the same key. */
export interface EntryRecord {
  readonly storageId: string;
  /** Relative to the site root, `/`-separated, no leading or trailing slash; the root is `''`. */
  readonly path: string;
  /**
   * The directory that holds this entry. `null` for the root: not a valid key, so the root is left
   * out of the `byParent` index and no listing shows it inside itself.
   */
  readonly parent: string | null;
  readonly name: string;
  readonly kind: EntryKind;
  readonly size: number;
  readonly mtime: number;
  /**
   * Where the file's bytes are when an earlier import stored them (a re-sync found the file
   * unchanged); absent means under this entry's own key. Always the import that wrote the bytes,
   * never a chain. Indexed, so that deleting that import keeps the bytes still pointed at.
   */
  readonly blob?: StorageKey;
}

/** An import in progress. Its data is not garbage while the heartbeat is recent. */
export interface StagingRecord {
  readonly storageId: string;
  /** The site it will become. */
  readonly name: string;
  readonly startedAt: number;
  /** Refreshed by every batch. */
  readonly heartbeat: number;
}

export interface DropserveSchema extends DBSchema {
  sites: { key: string; value: SiteRecord };
  entries: { key: StorageKey; value: EntryRecord; indexes: { byParent: StorageKey; byBlob: StorageKey } };
  blobs: { key: StorageKey; value: Blob };
  staging: { key: string; value: StagingRecord };
  /**
   * Site name → the folder's File System Access handle (`FileSystemDirectoryHandle`), where the
   * browser gave one, so that the site can be synced again without picking the folder. Typed
   * `unknown` here: shared code never touches DOM types.
   */
  folderHandles: { key: string; value: unknown };
}

export type DropserveDB = IDBPDatabase<DropserveSchema>;

/**
 * What the code that works on the stores directly (the import, the storage check) needs of the
 * stored sites: their connection, opened again after the browser or a newer app version closed
 * it. `IdbVfs` is one.
 */
export interface DatabaseConnection {
  database(): Promise<DropserveDB>;
}

/**
 * `UPGRADES[v]` takes a database from version `v` to `v + 1`. A later version appends steps and
 * never edits shipped ones, so every stored database, however old, reaches the current layout
 * with its sites intact. Steps get the raw upgrade transaction for migrating records.
 */
type UpgradeStep = (db: IDBDatabase, tx: IDBTransaction) => void;
const UPGRADES: readonly UpgradeStep[] = [
  // 0 → 1: the first layout.
  (db) => {
    db.createObjectStore('sites', { keyPath: 'name' });
    db.createObjectStore('entries', { keyPath: ['storageId', 'path'] }).createIndex('byParent', ['storageId', 'parent']);
    db.createObjectStore('blobs');
    db.createObjectStore('staging', { keyPath: 'storageId' });
  },
  // 1 → 2: re-sync. Entries may point at bytes another import stored; sites may keep a folder handle.
  (db, tx) => {
    tx.objectStore('entries').createIndex('byBlob', 'blob');
    db.createObjectStore('folderHandles');
  },
];

/** Derived from the steps, so a new step cannot be shipped without raising the version. */
export const SCHEMA_VERSION = UPGRADES.length;

/**
 * Opens (creating or upgrading) the database. The connection closes itself when a newer version
 * wants to upgrade — otherwise an old tab or Service Worker would block the new app forever — and
 * `onClosed` runs then and when the browser closes it (storage cleared), so the owner reopens.
 */
export async function openDatabase(factory: IDBFactory, name: string, onClosed: () => void): Promise<DropserveDB> {
  const request = factory.open(name, SCHEMA_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    // Non-null while `upgradeneeded` is dispatched.
    const tx = request.transaction as IDBTransaction;
    for (let version = event.oldVersion; version < SCHEMA_VERSION; version++) UPGRADES[version](request.result, tx);
  });
  let db: DropserveDB;
  try {
    db = (await wrap(request)) as DropserveDB;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new VfsError('newer-schema', 'The stored sites were written by a newer version of dropserve. Reload the page to update it.', { cause: error });
    }
    throw error;
  }
  db.addEventListener('versionchange', () => {
    db.close();
    onClosed();
  });
  db.addEventListener('close', onClosed);
  return db;
}

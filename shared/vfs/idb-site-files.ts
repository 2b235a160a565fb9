/**
 * One stored site as the handlers see it (`SiteFiles`). Each call is one read transaction, which
 * also reads the site's record to check which import (storage id) the site points at: the storage
 * id comes from a shared memo of the last one seen, a guess that costs nothing when right — the
 * record and the entry are read in parallel — and is corrected in the same transaction when the
 * site was replaced meanwhile. So no request pays a separate lookup, and none is served from an
 * import that is no longer the site's (docs/performance.md).
 */
import type { IDBPTransaction } from 'idb';
import type { DropserveDB, DropserveSchema, EntryRecord, SiteRecord } from './schema.ts';
import type { FileStat, PathRead, SiteFiles } from './types.ts';

type ReadTransaction = IDBPTransaction<DropserveSchema, ['sites', 'entries', 'blobs'], 'readonly'>;
const STORES = ['sites', 'entries', 'blobs'] as const;

export class IdbSiteFiles implements SiteFiles {
  readonly #db: DropserveDB;
  readonly #name: string;
  /** Site name → the storage id it pointed at when last read; shared by every IdbSiteFiles of one IdbVfs. */
  readonly #storageIds: Map<string, string>;
  /**
   * The import this object reads: the one the site pointed at when the object was made, or when
   * it first read (made from the memo). One request never mixes two imports.
   */
  #storageId: string | undefined;
  /** Path → the Blob that the last `stat` of it read along with the entry, for the `read` that follows. */
  readonly #statBlobs = new Map<string, Blob | undefined>();

  /** `storageId`: the one the site points at, when just looked up; else the memo's guess is checked by the first read. */
  constructor(db: DropserveDB, name: string, storageIds: Map<string, string>, storageId?: string) {
    this.#db = db;
    this.#name = name;
    this.#storageIds = storageIds;
    this.#storageId = storageId;
  }

  /**
   * The site's record, and what is at `path` read in the same transaction, so that a request's
   * options and its file take one transaction; undefined when there is no such site.
   */
  async open(path: string): Promise<{ site: SiteRecord; readAhead: PathRead | undefined } | undefined> {
    try {
      const read = await this.#inSite((tx, id) => readPath(tx, id, path));
      return read && { site: read.site, readAhead: read.value };
    } catch {
      // The handler meets a storage error at that path itself (Python's "nothing there"): only the record is read again.
      const read = await this.#inSite(async () => true);
      return read && { site: read.site, readAhead: undefined };
    }
  }

  /** The entry, and in the same transaction the Blob, if a file: serving a file takes one transaction. */
  async stat(path: string): Promise<FileStat | undefined> {
    const found = (await this.#inSite((tx, id) => readPath(tx, id, path)))?.value;
    this.#statBlobs.set(path, found?.blob);
    return found?.stat;
  }

  /** A range query on the (storageId, parent) index: touches only the listed entries, never a Blob. */
  async list(path: string): Promise<FileStat[]> {
    const entries = (await this.#inSite((tx, id) => tx.objectStore('entries').index('byParent').getAll([id, path])))?.value;
    return (entries ?? []).map(toStat);
  }

  /** The stored Blob itself: the browser streams it into a Response without copying it into JS. */
  async read(path: string): Promise<Blob | undefined> {
    if (this.#statBlobs.has(path)) return this.#statBlobs.get(path);
    return (await this.#inSite((tx, id) => readPath(tx, id, path)))?.value.blob;
  }

  /**
   * Runs `read` against the site's import inside one read transaction, which also reads the site's
   * record; undefined when there is no such site, or when it no longer points at the import this
   * object already read from.
   */
  async #inSite<T>(read: (tx: ReadTransaction, storageId: string) => Promise<T>): Promise<{ site: SiteRecord; value: T } | undefined> {
    const tx = this.#db.transaction(STORES, 'readonly');
    const guess = this.#storageId ?? this.#storageIds.get(this.#name);
    const [site, guessed] = await Promise.all([tx.objectStore('sites').get(this.#name), guess === undefined ? undefined : read(tx, guess)]);
    if (site !== undefined && site.storageId === guess) {
      this.#storageId = guess;
      return { site, value: guessed as T }; // read under `guess`, so not the ternary's undefined
    }
    if (site === undefined) this.#storageIds.delete(this.#name);
    else this.#storageIds.set(this.#name, site.storageId);
    if (site === undefined || this.#storageId !== undefined) return undefined;
    this.#storageId = site.storageId;
    return { site, value: await read(tx, site.storageId) };
  }
}

/**
 * The entry and its Blob. The Blob is asked for under the entry's own key at once, in parallel;
 * only a file that a re-sync kept (its bytes stored by an earlier import) takes a second request.
 */
async function readPath(tx: ReadTransaction, storageId: string, path: string): Promise<PathRead> {
  const blobs = tx.objectStore('blobs');
  const [entry, own] = await Promise.all([tx.objectStore('entries').get([storageId, path]), blobs.get([storageId, path])]);
  return { path, stat: entry && toStat(entry), blob: entry?.blob ? await blobs.get(entry.blob) : own };
}

function toStat({ name, kind, size, mtime, storageId, blob }: EntryRecord): FileStat {
  return { name, kind, size, mtime, storedBy: blob?.[0] ?? storageId };
}

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
import type { FileStat, SiteFiles } from './types.ts';

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
  /** What `open` read for the `stat` that usually follows: the request's own path. */
  #statAhead: { path: string; found: FileRead } | undefined;
  /** The Blob that the last `stat` read along with the entry, for the `read` that usually follows. */
  #readAhead: { path: string; blob: Blob | undefined } | undefined;
  /** The site's record as the last transaction read it. */
  #site: SiteRecord | undefined;

  /** `storageId`: the one the site points at, when just looked up; else the memo's guess is checked by the first read. */
  constructor(db: DropserveDB, name: string, storageIds: Map<string, string>, storageId?: string) {
    this.#db = db;
    this.#name = name;
    this.#storageIds = storageIds;
    this.#storageId = storageId;
  }

  get storageId(): string | undefined {
    return this.#storageId;
  }

  /**
   * The site's record, undefined when there is no such site; the entry and Blob at `path` are read
   * in the same transaction for the next `stat(path)`, so that a request's options and its file
   * take one transaction.
   */
  async open(path: string): Promise<SiteRecord | undefined> {
    let failed = false;
    const found = await this.#inSite((tx, id) => readFile(tx, id, path)).catch(() => {
      failed = true;
      return undefined;
    });
    if (!failed) {
      this.#statAhead = found && { path, found };
      return found && this.#site;
    }
    // The handler meets a storage error at that path itself (Python's "nothing there"): only the record is read again.
    return (await this.#inSite(async () => true)) ? this.#site : undefined;
  }

  /** The entry, and in the same transaction the Blob, if a file: serving a file takes one transaction. */
  async stat(path: string): Promise<FileStat | undefined> {
    const ahead = this.#statAhead;
    this.#statAhead = undefined;
    const found = ahead?.path === path ? ahead.found : await this.#inSite((tx, id) => readFile(tx, id, path));
    const [entry, blob] = found ?? [];
    this.#readAhead = { path, blob };
    return entry && toStat(entry);
  }

  /** A range query on the (storageId, parent) index: touches only the listed entries, never a Blob. */
  async list(path: string): Promise<FileStat[]> {
    const entries = await this.#inSite((tx, id) => tx.objectStore('entries').index('byParent').getAll([id, path]));
    return (entries ?? []).map(toStat);
  }

  /** The stored Blob itself: the browser streams it into a Response without copying it into JS. */
  async read(path: string): Promise<Blob | undefined> {
    const ahead = this.#readAhead;
    this.#readAhead = undefined;
    if (ahead?.path === path) return ahead.blob;
    return (await this.#inSite((tx, id) => readFile(tx, id, path)))?.[1];
  }

  /**
   * Runs `read` against the site's import inside one read transaction; undefined when there is no
   * such site, or when it no longer points at the import this object already read from.
   */
  async #inSite<T>(read: (tx: ReadTransaction, storageId: string) => Promise<T>): Promise<T | undefined> {
    const tx = this.#db.transaction(STORES, 'readonly');
    const guess = this.#storageId ?? this.#storageIds.get(this.#name);
    const [site, guessed] = await Promise.all([tx.objectStore('sites').get(this.#name), guess === undefined ? undefined : read(tx, guess)]);
    this.#site = site;
    if (site !== undefined && site.storageId === guess) {
      this.#storageId = guess;
      return guessed;
    }
    if (site === undefined) this.#storageIds.delete(this.#name);
    else this.#storageIds.set(this.#name, site.storageId);
    if (site === undefined || this.#storageId !== undefined) return undefined;
    this.#storageId = site.storageId;
    return read(tx, site.storageId);
  }
}

/**
 * The entry and its Blob. The Blob is asked for under the entry's own key at once, in parallel;
 * only a file that a re-sync kept (its bytes stored by an earlier import) takes a second request.
 */
type FileRead = [entry: EntryRecord | undefined, blob: Blob | undefined];

async function readFile(tx: ReadTransaction, storageId: string, path: string): Promise<FileRead> {
  const blobs = tx.objectStore('blobs');
  const [entry, own] = await Promise.all([tx.objectStore('entries').get([storageId, path]), blobs.get([storageId, path])]);
  return [entry, entry?.blob ? await blobs.get(entry.blob) : own];
}

function toStat({ name, kind, size, mtime, storageId, blob }: EntryRecord): FileStat {
  return { name, kind, size, mtime, storedBy: blob?.[0] ?? storageId };
}

/**
 * One stored site as the handlers see it (`SiteFiles`): each call is one small read transaction
 * against the storage id the site pointed at when this object was made.
 */
import type { DropserveDB, EntryRecord } from './schema.ts';
import type { FileStat, SiteFiles } from './types.ts';

export class IdbSiteFiles implements SiteFiles {
  readonly #db: DropserveDB;
  readonly #storageId: string;

  constructor(db: DropserveDB, storageId: string) {
    this.#db = db;
    this.#storageId = storageId;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const entry = await this.#db.get('entries', [this.#storageId, path]);
    return entry && toStat(entry);
  }

  /** A range query on the (storageId, parent) index: touches only the listed entries, never a Blob. */
  async list(path: string): Promise<FileStat[]> {
    const entries = await this.#db.getAllFromIndex('entries', 'byParent', [this.#storageId, path]);
    return entries.map(toStat);
  }

  /** The stored Blob itself: the browser streams it into a Response without copying it into JS. */
  read(path: string): Promise<Blob | undefined> {
    return this.#db.get('blobs', [this.#storageId, path]);
  }
}

function toStat({ name, kind, size, mtime }: EntryRecord): FileStat {
  return { name, kind, size, mtime };
}

/**
 * The stored sites: the IndexedDB virtual filesystem that the app page fills and the Service
 * Worker serves from. Runtime-agnostic: the caller passes the `IDBFactory` (`indexedDB` in pages
 * and workers, fake-indexeddb's in Node tests).
 */
import { collectGarbage, DEFAULT_STALE_AFTER_MS, type GarbageReport } from './garbage.ts';
import { IdbSiteFiles } from './idb-site-files.ts';
import type { ImportLocks } from './import-lock.ts';
import { type DatabaseConnection, DB_NAME, type DropserveDB, openDatabase, type SiteRecord } from './schema.ts';
import { siteNameProblem } from './site-name.ts';
import { type SiteOptions, siteOptionsOf } from './site-options.ts';
import { deleteStorage } from './storage.ts';
import type { OpenedSite, SiteFiles } from './types.ts';
import { VfsError } from './vfs-error.ts';

export type { SiteRecord } from './schema.ts';
export type { GarbageReport } from './garbage.ts';
export { VfsError } from './vfs-error.ts';

export class IdbVfs implements DatabaseConnection {
  readonly #factory: IDBFactory;
  readonly #name: string;
  #db: Promise<DropserveDB> | undefined;
  /** Site name → storage id last seen: a guess every read checks (idb-site-files.ts), never trusted. */
  readonly #storageIds = new Map<string, string>();

  private constructor(factory: IDBFactory, name: string) {
    this.#factory = factory;
    this.#name = name;
  }

  /** Opens, creating or upgrading it, the database `dbName`; rejects when that fails. */
  static async open(factory: IDBFactory, dbName = DB_NAME): Promise<IdbVfs> {
    const vfs = new IdbVfs(factory, dbName);
    await vfs.database();
    return vfs;
  }

  /**
   * The connection — opened again after the browser or a newer app version closed it, since a
   * Service Worker keeps one IdbVfs for its whole life. The `DatabaseConnection` of the import and
   * the storage check (import-site.ts, site-check.ts); everything else goes through the methods below.
   */
  database(): Promise<DropserveDB> {
    if (!this.#db) {
      const opening: Promise<DropserveDB> = openDatabase(this.#factory, this.#name, () => this.#forget(opening));
      opening.catch(() => this.#forget(opening)); // a failed open is tried again by the next call
      this.#db = opening;
    }
    return this.#db;
  }

  /** The complete sites, in name order (the `sites` key order). */
  async listSites(): Promise<SiteRecord[]> {
    return (await this.database()).getAll('sites');
  }

  /**
   * The files of the site as it is now; undefined when there is no such site. A site seen before
   * is not looked up again here — the files' first read checks it, in its own transaction — so
   * when another connection deleted the site meanwhile, they find nothing. The object keeps reading
   * the same import: after the site is replaced or deleted it finds nothing, so take a fresh one per request.
   */
  async siteFiles(name: string): Promise<SiteFiles | undefined> {
    const db = await this.database();
    if (this.#storageIds.has(name)) return new IdbSiteFiles(db, name, this.#storageIds);
    const site = await db.get('sites', name);
    if (!site) return undefined;
    this.#storageIds.set(name, site.storageId);
    return new IdbSiteFiles(db, name, this.#storageIds, site.storageId);
  }

  /**
   * The site's files and options for one request, in one transaction with the entry and Blob at
   * `readAhead` (the request's path), returned as the opened site's `readAhead`. No separate
   * lookup: the files take whatever import the record points at when they read it. Undefined when
   * there is no such site.
   */
  async openSite(name: string, readAhead: string): Promise<OpenedSite | undefined> {
    const files = new IdbSiteFiles(await this.database(), name, this.#storageIds);
    const opened = await files.open(readAhead);
    return opened && { files, options: siteOptionsOf(opened.site), readAhead: opened.readAhead };
  }

  /**
   * Changes some of the site's serving options on its record, in one transaction (so controls that
   * each change one option never undo each other's changes); its files are untouched.
   */
  async setSiteOptions(name: string, change: Partial<SiteOptions>): Promise<SiteRecord> {
    const tx = (await this.database()).transaction('sites', 'readwrite');
    const site = await tx.store.get(name);
    if (!site) throw new VfsError('no-site', `There is no site named “${name}”.`);
    const updated: SiteRecord = { ...site, options: { ...siteOptionsOf(site), ...change } };
    await Promise.all([tx.store.put(updated), tx.done]);
    return updated;
  }

  /**
   * Keeps the File System Access handle of the folder the site was imported from (opaque here), so
   * that the app can sync the site from it; false, storing nothing, when there is no such site.
   */
  async setFolderHandle(name: string, handle: unknown): Promise<boolean> {
    const tx = (await this.database()).transaction(['sites', 'folderHandles'], 'readwrite');
    if ((await tx.objectStore('sites').getKey(name)) === undefined) return false; // nothing written: commits empty
    await Promise.all([tx.objectStore('folderHandles').put(handle, name), tx.done]);
    return true;
  }

  /** The handle `setFolderHandle` kept for the site; undefined when there is none. */
  async folderHandle(name: string): Promise<unknown> {
    return (await this.database()).get('folderHandles', name);
  }

  /** Removes the site and all its files in one transaction; false when there was no such site. */
  async deleteSite(name: string): Promise<boolean> {
    const tx = (await this.database()).transaction(['sites', 'entries', 'blobs', 'folderHandles'], 'readwrite');
    const site = await tx.objectStore('sites').get(name);
    this.#storageIds.delete(name);
    if (!site) return false; // nothing written: the transaction commits empty
    await Promise.all([tx.objectStore('sites').delete(name), tx.objectStore('folderHandles').delete(name), deleteStorage(tx, site.storageId), tx.done]);
    return true;
  }

  /** Gives a site another name (its files stay where they are); refuses a name that is taken. */
  async renameSite(from: string, to: string): Promise<SiteRecord> {
    const problem = siteNameProblem(to);
    if (problem !== undefined) throw new VfsError('invalid-name', problem);
    const tx = (await this.database()).transaction(['sites', 'folderHandles'], 'readwrite');
    const sites = tx.objectStore('sites');
    const handles = tx.objectStore('folderHandles');
    const [site, taken, handle] = await Promise.all([sites.get(from), sites.get(to), handles.get(from)]);
    if (!site) throw new VfsError('no-site', `There is no site named “${from}”.`);
    if (from === to) return site;
    if (taken) throw new VfsError('site-exists', `A site named “${to}” already exists. Choose another name, or delete that site first.`);
    this.#storageIds.delete(from);
    const renamed: SiteRecord = { ...site, name: to };
    const moveHandle = handle === undefined ? [] : [handles.delete(from), handles.put(handle, to)];
    await Promise.all([sites.delete(from), sites.put(renamed), ...moveHandle, tx.done]);
    return renamed;
  }

  /**
   * Removes what interrupted imports left behind (see garbage.ts); safe while imports run. With
   * `locks` (`navigator.locks`), an import whose tab is gone is known at once (import-lock.ts).
   */
  async collectGarbage({ staleAfterMs = DEFAULT_STALE_AFTER_MS, locks }: { staleAfterMs?: number; locks?: ImportLocks } = {}): Promise<GarbageReport> {
    return collectGarbage(await this.database(), staleAfterMs, locks);
  }

  #forget(db: Promise<DropserveDB>): void {
    if (this.#db === db) this.#db = undefined;
  }
}

/**
 * The atomic import (docs/design.md#storage). A folder is written under a fresh storage id in batched
 * transactions, each `File` handed to IndexedDB as it is (the browser reads it; JS never holds the
 * bytes), and becomes a site — replacing the site of that name, if any — in one last transaction,
 * only once every file is stored. Whatever fails before that, the staging data is deleted and the
 * stored sites are exactly as they were.
 *
 * Importing a folder again is a re-sync: the files that the site already has unchanged (by size
 * and modification time, import-diff.ts) get an entry that points at their stored bytes, so only
 * changed and added files are written; a folder that changed nothing writes nothing at all.
 */
import { cancelled, explainFailure, ImportError, quote, stoppedByCleanup } from './import-error.ts';
import { acquireImportLock, type ImportLocks } from './import-lock.ts';
import { changesNothing, diffImport, type SiteChanges } from './import-diff.ts';
import { batches, type ImportFile, type ImportItem, nameOf, parentOf, planImport } from './import-plan.ts';
import type { DatabaseConnection, DropserveDB, EntryRecord, SiteRecord, StorageKey } from './schema.ts';
import { isValidSiteName } from './site-name.ts';
import { discardStorage, newStorageId, storageKeys } from './storage.ts';

export type { ImportItem } from './import-plan.ts';
export type { SiteChanges } from './import-diff.ts';
export { ImportError, type ImportFailure } from './import-error.ts';

export interface ImportProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface ImportOptions {
  /** Cancels the import: checked between batches, and aborts the batch being written. */
  readonly signal?: AbortSignal;
  /** Called at the start and after each stored batch. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Entries per transaction: ~500 puts is where IndexedDB import speed levels off (docs/design.md#performance). */
  readonly batchFiles?: number;
  /** File bytes per transaction, so that a folder of big files still reports progress. */
  readonly batchBytes?: number;
  /** The folder's own name, kept on the site record; defaults to the site name. */
  readonly folderName?: string;
  /** `navigator.locks`: held while the import runs, so that the next start knows when its tab died. */
  readonly locks?: ImportLocks;
}

export interface ImportResult {
  /** The site as stored now: the old record itself when the folder changed nothing. */
  readonly site: SiteRecord;
  /** The site of that name that the import replaced; its files are deleted, but for those kept. */
  readonly replaced?: SiteRecord;
  /** What changed, when a site of that name was there before (a re-sync); nothing was written if nothing changed. */
  readonly changes?: SiteChanges;
}

/**
 * Imports `items` as the site `name`. Rejects with an `ImportError` (the stored sites unchanged)
 * when the name or a path is invalid, when cancelled, when storage is full, when a file cannot be
 * read, or when anything else fails. An empty folder is an empty site, as Python lists it.
 */
export async function importSite(connection: DatabaseConnection, name: string, items: readonly ImportItem[], options: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress, batchFiles = 500, batchBytes = 64 * 2 ** 20, folderName = name } = options;
  if (!isValidSiteName(name)) throw new ImportError('invalid', `${quote(name)} cannot be a site name`);
  const plan = planImport(items);
  if (signal?.aborted) throw cancelled();
  const db = await connection.database().catch(async (error: unknown) => {
    throw await explainFailure(error, { signal });
  });
  const base = await readStoredSite(db, name).catch(async (error: unknown) => {
    throw await explainFailure(error, { signal });
  });
  const diff = base && diffImport(plan, base.entries, (key) => base.bytesAt.has(blobId(key)));
  if (base && diff && changesNothing(diff.changes)) return { site: base.site, changes: diff.changes };
  const reuse = diff?.reuse ?? new Map<string, StorageKey>();
  const storageId = newStorageId();
  const releaseLock = options.locks ? await acquireImportLock(options.locks, storageId) : undefined;
  const startedAt = Date.now();
  try {
    // Before any data, so that garbage collection never takes this import's data for an orphan.
    await db.add('staging', { storageId, name, startedAt, heartbeat: startedAt });
    const progress = { filesDone: 0, filesTotal: plan.filesTotal, bytesDone: 0, bytesTotal: plan.bytesTotal };
    onProgress?.({ ...progress });
    const bytesToWrite = (item: ImportItem) => (item.kind === 'file' && !reuse.has(item.path) ? item.file.size : 0);
    for (const batch of batches(plan.items, batchFiles, batchBytes, bytesToWrite)) {
      if (signal?.aborted) throw cancelled();
      await writeBatch(db, storageId, batch, { startedAt, reuse, signal });
      for (const { file } of batch.filter(isFile)) {
        progress.filesDone++;
        progress.bytesDone += file.size;
      }
      onProgress?.({ ...progress });
    }
    if (signal?.aborted) throw cancelled();
    const site: SiteRecord = {
      name,
      storageId,
      fileCount: plan.filesTotal,
      dirCount: plan.dirCount,
      totalBytes: plan.bytesTotal,
      importedAt: Date.now(),
      folderName,
      ...(reuse.size > 0 ? { reusedFiles: reuse.size } : {}),
    };
    // Pointing at the old import's bytes is only safe while the site still is that import.
    const { published, replaced } = await publish(db, site, reuse.size > 0 ? base?.site.storageId : undefined);
    if (!replaced) return { site: published };
    // No site points at the old data any more (but for the bytes kept): should this fail, garbage collection removes it.
    await discardStorage(db, replaced.storageId).catch(() => undefined);
    return diff ? { site: published, replaced, changes: diff.changes } : { site: published, replaced };
  } catch (error) {
    const failure = await explainFailure(error, { signal });
    // Should this fail, garbage collection removes the data once the heartbeat is stale.
    await discardStorage(db, storageId).catch(() => undefined);
    throw failure;
  } finally {
    releaseLock?.(); // only now: the staging record is gone, published or discarded
  }
}

interface StoredSite {
  readonly site: SiteRecord;
  readonly entries: readonly EntryRecord[];
  /** `blobId`s of the bytes its files point at that are still stored. */
  readonly bytesAt: ReadonlySet<string>;
}

/** The site of that name with its entries, read in one transaction (keys only for the bytes); undefined when there is none. */
async function readStoredSite(db: DropserveDB, name: string): Promise<StoredSite | undefined> {
  const tx = db.transaction(['sites', 'entries', 'blobs'], 'readonly');
  const site = await tx.objectStore('sites').get(name);
  if (!site) return undefined;
  const entries = await tx.objectStore('entries').getAll(storageKeys(site.storageId));
  const imports = new Set([site.storageId, ...entries.flatMap((entry) => (entry.blob ? [entry.blob[0]] : []))]);
  const keys = await Promise.all([...imports].map((id) => tx.objectStore('blobs').getAllKeys(storageKeys(id))));
  return { site, entries, bytesAt: new Set(keys.flat().map(blobId)) };
}

const blobId = ([storageId, path]: StorageKey): string => `${storageId}/${path}`; // storage ids have no `/`

interface BatchContext {
  readonly startedAt: number;
  /** The files kept from the replaced site, and where their bytes are. */
  readonly reuse: ReadonlyMap<string, StorageKey>;
  readonly signal: AbortSignal | undefined;
}

/**
 * The bytes of the batch's files that are written, by path: a `File` as it is, a `FileSource`
 * (a zip member) made now, one after another, so that one batch at most is ever held unpacked.
 */
async function bytesOf(batch: readonly ImportItem[], { reuse, signal }: BatchContext): Promise<Map<string, Blob>> {
  const bytes = new Map<string, Blob>();
  for (const item of batch) {
    if (item.kind !== 'file' || reuse.has(item.path)) continue;
    if (signal?.aborted) throw cancelled();
    const blob = item.file instanceof Blob ? item.file : await item.file.blob(signal).catch(async (error: unknown) => {
      throw await explainFailure(error, { signal, path: item.path });
    });
    bytes.set(item.path, blob);
  }
  return bytes;
}

/**
 * One transaction: the batch's entries and blobs, and the heartbeat. The heartbeat is refreshed
 * only if the staging record is still there: had garbage collection taken this import for
 * abandoned, re-creating the record would let the import finish with files missing.
 */
async function writeBatch(db: DropserveDB, storageId: string, batch: readonly ImportItem[], context: BatchContext): Promise<void> {
  const { startedAt, reuse, signal } = context;
  const bytes = await bytesOf(batch, context);
  const tx = db.transaction(['staging', 'entries', 'blobs'], 'readwrite');
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // Already committing or done: this batch stands, and the check before the next one stops the import.
    }
  };
  signal?.addEventListener('abort', abort);
  // Every request is watched, so that none rejects unhandled, and the first real failure (not the
  // AbortError that an abort gives every other request) is kept with its path.
  const requests: Promise<unknown>[] = [];
  let failure: { error: unknown; path: string | undefined } | undefined;
  const watch = <T>(request: Promise<T>, path?: string): Promise<T> => {
    requests.push(request.catch((error: unknown) => {
      if (!failure && !(error instanceof Error && error.name === 'AbortError')) failure = { error, path };
    }));
    return request;
  };
  let current: string | undefined; // the item being queued, should a put throw at once (DataCloneError)
  try {
    const staging = tx.objectStore('staging');
    const entries = tx.objectStore('entries');
    const blobs = tx.objectStore('blobs');
    const staged = watch(staging.get(storageId));
    for (const item of batch) {
      current = item.path;
      watch(entries.put(entryRecord(storageId, item, startedAt, reuse.get(item.path))), item.path);
      const blob = bytes.get(item.path);
      if (blob) watch(blobs.put(blob, [storageId, item.path]), item.path);
    }
    current = undefined;
    const record = await staged;
    if (!record) throw stoppedByCleanup();
    watch(staging.put({ ...record, heartbeat: Date.now() }));
    tx.commit(); // no need to wait for the event loop to find the transaction idle
    await tx.done;
  } catch (error) {
    abort();
    await tx.done.catch(() => undefined);
    await Promise.all(requests); // all settled once the transaction has ended
    const files = [...bytes].map(([path, file]) => ({ path, file }));
    throw await explainFailure(failure?.error ?? error, { signal, path: failure?.path ?? current, files });
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * The one transaction that makes the import visible; returns the record stored (which keeps the
 * replaced site's options) and the site it replaced. With `baseStorageId`, the import points at
 * that import's bytes, and is refused unless the site still is that import.
 */
async function publish(db: DropserveDB, site: SiteRecord, baseStorageId: string | undefined): Promise<{ published: SiteRecord; replaced?: SiteRecord }> {
  const tx = db.transaction(['sites', 'staging'], 'readwrite');
  const [staged, replaced] = await Promise.all([tx.objectStore('staging').get(site.storageId), tx.objectStore('sites').get(site.name)]);
  if (!staged) throw stoppedByCleanup(); // nothing written: the transaction commits empty
  if (baseStorageId !== undefined && replaced?.storageId !== baseStorageId) throw changedMeanwhile(site.name);
  const published = replaced?.options ? { ...site, options: replaced.options } : site;
  await Promise.all([tx.objectStore('sites').put(published), tx.objectStore('staging').delete(site.storageId), tx.done]);
  return replaced ? { published, replaced } : { published };
}

function entryRecord(storageId: string, item: ImportItem, startedAt: number, storedAt: StorageKey | undefined): EntryRecord {
  const { path } = item;
  const place = { storageId, path, parent: path === '' ? null : parentOf(path), name: nameOf(path) };
  if (item.kind === 'directory') return { ...place, kind: 'directory', size: 0, mtime: startedAt }; // a dropped directory's own mtime is not exposed
  const file: EntryRecord = { ...place, kind: 'file', size: item.file.size, mtime: item.file.lastModified };
  return storedAt ? { ...file, blob: storedAt } : file;
}

function isFile(item: ImportItem): item is ImportFile {
  return item.kind === 'file';
}

function changedMeanwhile(name: string): ImportError {
  return new ImportError('failed', `The site ${quote(name)} was changed by another import while this one ran; drop the folder again`);
}

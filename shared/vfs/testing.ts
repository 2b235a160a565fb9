/**
 * For tests only (never imported by the app): an IdbVfs on fake-indexeddb, and folders to import
 * into it. Each `memoryVfs()` has a factory of its own, so tests share no data.
 *
 * What fake-indexeddb stores for a Blob or File is Node's `structuredClone` of it: a Blob (a File
 * loses its name and type) sharing the original's bytes — nothing is read at `put`. Tests compare
 * the bytes read back, never the objects.
 */
import 'fake-indexeddb/auto'; // idb's `instanceof` checks need the IDB* globals, IDBKeyRange too
import { IDBFactory } from 'fake-indexeddb';
import { IdbVfs } from './idb-vfs.ts';
import type { ImportItem } from './import-plan.ts';
import type { DatabaseConnection, SiteRecord } from './schema.ts';
import type { FileStat, SiteFiles } from './types.ts';

export function memoryVfs(): Promise<IdbVfs> {
  return IdbVfs.open(new IDBFactory());
}

export function fileItem(path: string, content: string | Uint8Array<ArrayBuffer> = path, lastModified = 1_700_000_000_000): ImportItem {
  return { path, kind: 'file', file: new File([content], path.slice(path.lastIndexOf('/') + 1), { lastModified }) };
}

export function dirItem(path: string): ImportItem {
  return { path, kind: 'directory' };
}

/** A folder from `{ path: content }`; a path ending in `/` is an (empty) directory. */
export function folder(tree: Readonly<Record<string, string>>): ImportItem[] {
  return Object.entries(tree).map(([path, content]) => (path.endsWith('/') ? dirItem(path.slice(0, -1)) : fileItem(path, content)));
}

/** The stored record of the site `name`, or undefined when there is none. */
export async function siteRecord(vfs: DatabaseConnection, name: string): Promise<SiteRecord | undefined> {
  return (await vfs.database()).get('sites', name);
}

/** Closes the VFS's connection when a test is done with it, so that it holds up no later open or upgrade. */
export function closeVfs(vfs: DatabaseConnection): void {
  void vfs.database().then((db) => db.close(), () => undefined);
}

/** The stored bytes of `path` as text, or undefined when it is not a stored file. */
export async function readText(files: SiteFiles, path: string): Promise<string | undefined> {
  return (await files.read(path))?.text();
}

export interface SiteSnapshot {
  readonly site: SiteRecord;
  /** Every entry below the root by path, with a file's bytes (undefined for a directory, or a file whose blob is missing). */
  readonly entries: Readonly<Record<string, { readonly stat: FileStat; readonly bytes: Uint8Array | undefined }>>;
}

/** All a stored site is — its record, every entry's stat, every file's bytes — to compare before and after. */
export async function siteSnapshot(vfs: IdbVfs, name: string): Promise<SiteSnapshot | undefined> {
  const [site, files] = await Promise.all([siteRecord(vfs, name), vfs.siteFiles(name)]);
  if (!site || !files) return undefined;
  const entries: Record<string, { stat: FileStat; bytes: Uint8Array | undefined }> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const stat of await files.list(dir)) {
      const path = dir === '' ? stat.name : `${dir}/${stat.name}`;
      if (stat.kind === 'directory') {
        entries[path] = { stat, bytes: undefined };
        await walk(path);
      } else {
        const blob = await files.read(path);
        entries[path] = { stat, bytes: blob && new Uint8Array(await blob.arrayBuffer()) };
      }
    }
  };
  await walk('');
  return { site, entries };
}

/** Every storage id that holds anything — entries, blobs or a staging record — sorted. */
export async function storageIdsInUse(vfs: IdbVfs): Promise<string[]> {
  const db = await vfs.database();
  const [entries, blobs, staging] = await Promise.all([db.getAllKeys('entries'), db.getAllKeys('blobs'), db.getAllKeys('staging')]);
  return [...new Set([...entries.map(([id]) => id), ...blobs.map(([id]) => id), ...staging])].sort();
}

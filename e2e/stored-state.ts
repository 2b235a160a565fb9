/**
 * What the browser has stored, read straight from IndexedDB in the page, to compare before and
 * after a fault: every site's files as SHA-256 hashes, and every storage id that holds anything
 * (a leftover of an interrupted import shows up here). And the same hashes for a folder on disk.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tempFolder } from './app.ts';

/** Path → SHA-256 (hex) of each file. */
export type FileHashes = Record<string, string>;

export interface StoredState {
  /** Site name → its files' hashes. */
  readonly sites: Record<string, FileHashes>;
  /** Storage ids of staging records (imports in progress or abandoned). */
  readonly staging: string[];
  /** Storage ids that hold entries, or blobs that no site's file points at, but belong to no site. */
  readonly orphans: string[];
}

/** Reads the app's database; call it only once the app has opened (created) it. */
export function storedState(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dropserve');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('sites')) throw new Error('the app has not created its database yet');
      const read = <T>(store: string, query: (s: IDBObjectStore) => IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          const request = query(db.transaction(store).objectStore(store));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const siteRecords = await read('sites', (s) => s.getAll() as IDBRequest<{ name: string; storageId: string }[]>);
      const staging = (await read('staging', (s) => s.getAllKeys())) as string[];
      type Entry = { storageId: string; path: string; kind: string; blob?: [string, string] };
      const entries = (await read('entries', (s) => s.getAll())) as Entry[];
      const blobKeys = (await read('blobs', (s) => s.getAllKeys())) as [string, string][];
      const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const owned = new Set([...siteRecords.map((site) => site.storageId), ...staging]);
      // A re-synced file's bytes stay where an earlier import stored them: its entry points there.
      const blobOf = (entry: Entry) => entry.blob ?? [entry.storageId, entry.path];
      const keyId = ([id, path]: [string, string]) => `${id}/${path}`;
      const pointedAt = new Set(entries.filter((entry) => owned.has(entry.storageId) && entry.kind === 'file').map((entry) => keyId(blobOf(entry))));
      const sites: Record<string, Record<string, string>> = {};
      for (const site of siteRecords) {
        const hashes: Record<string, string> = {};
        for (const entry of entries.filter((e) => e.storageId === site.storageId && e.kind === 'file')) {
          const blob = await read('blobs', (s) => s.get(blobOf(entry)) as IDBRequest<Blob | undefined>);
          if (blob) hashes[entry.path] = hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
        }
        sites[site.name] = hashes;
      }
      const held = [...entries.map((entry) => entry.storageId), ...blobKeys.filter((key) => !pointedAt.has(keyId(key))).map(([id]) => id)];
      const orphans = [...new Set(held)].filter((id) => !owned.has(id)).sort();
      return { sites, staging, orphans };
    } finally {
      db.close();
    }
  });
}

/** The hashes of every file below `dir`, by `/`-separated relative path. */
export function folderHashes(dir: string): FileHashes {
  const hashes: FileHashes = {};
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const relative = path.relative(dir, path.join(file.parentPath, file.name)).split(path.sep).join('/');
    hashes[relative] = createHash('sha256').update(readFileSync(path.join(file.parentPath, file.name))).digest('hex');
  }
  return hashes;
}

/**
 * A folder named `name` of `count` files in 20 subfolders. `size(i)` gives file i's length; its
 * bytes depend on `seed` and i, so two folders of one name can differ in every file.
 */
export function generatedFolder(name: string, count: number, size: (i: number) => number, seed = name) {
  const folder = tempFolder(name);
  for (let i = 0; i < count; i++) {
    const dir = path.join(folder.dir, `part-${i % 20}`);
    mkdirSync(dir, { recursive: true });
    const line = Buffer.from(`${seed} file ${i}\n`);
    const bytes = Buffer.alloc(size(i));
    for (let at = 0; at < bytes.length; at += line.length) line.copy(bytes, at);
    writeFileSync(path.join(dir, `file-${i}.txt`), bytes);
  }
  return folder;
}

/**
 * A real QuotaExceededError to come: Chromium is told (CDP) that `origin` may store `bytes`. It
 * holds only for an origin that has stored nothing yet, so call it before the app first opens.
 * Resolves with the function that lifts the limit again.
 */
export async function limitQuota(page: Page, origin: string, bytes: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
  return async () => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
  };
}

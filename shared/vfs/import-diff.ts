/**
 * Re-sync: what importing a folder again changes in the site it replaces. A file whose size and
 * modification time match the stored one's is taken for unchanged — rsync's quick check — and
 * keeps the bytes already stored, so that only what changed is written again.
 */
import type { ImportPlan } from './import-plan.ts';
import type { EntryRecord, StorageKey } from './schema.ts';

export interface SiteChanges {
  /** Files and folders new to the site, in path order; a folder's path ends in `/`. */
  readonly added: readonly string[];
  /** Files whose size or modification time differ, or whose stored bytes are gone. */
  readonly changed: readonly string[];
  /** Files and folders the folder no longer has; a folder's path ends in `/`. */
  readonly removed: readonly string[];
  /** Files kept as they are. */
  readonly unchanged: number;
}

export interface ImportDiff {
  readonly changes: SiteChanges;
  /** Path → where the unchanged file's bytes are stored: the import writes its entry, not its bytes. */
  readonly reuse: ReadonlyMap<string, StorageKey>;
}

/**
 * Compares the planned folder with the stored site's entries. `hasBytes` says whether the bytes at
 * a key are still stored: a file whose bytes were lost is written again, never pointed at.
 */
export function diffImport(plan: ImportPlan, stored: readonly EntryRecord[], hasBytes: (key: StorageKey) => boolean): ImportDiff {
  const before = new Map(stored.map((entry) => [entry.path, entry]));
  const added: string[] = [];
  const changed: string[] = [];
  const reuse = new Map<string, StorageKey>();
  for (const item of plan.items) {
    const old = before.get(item.path);
    before.delete(item.path);
    if (item.path === '') continue; // the root is always there
    if (old?.kind !== item.kind) {
      if (old) changed.push(displayPath(item.path, item.kind)); // a file became a folder, or back
      else added.push(displayPath(item.path, item.kind));
      continue;
    }
    if (item.kind === 'directory') continue;
    const key = old.blob ?? [old.storageId, old.path];
    if (old.size === item.file.size && old.mtime === item.file.lastModified && hasBytes(key)) reuse.set(item.path, key);
    else changed.push(item.path);
  }
  const removed = [...before.values()].filter((entry) => entry.path !== '').map((entry) => displayPath(entry.path, entry.kind));
  return { changes: { added: added.sort(), changed: changed.sort(), removed: removed.sort(), unchanged: reuse.size }, reuse };
}

/** Whether the import would store the site exactly as it is. */
export function changesNothing(changes: SiteChanges): boolean {
  return changes.added.length === 0 && changes.changed.length === 0 && changes.removed.length === 0;
}

function displayPath(path: string, kind: EntryRecord['kind']): string {
  return kind === 'directory' ? `${path}/` : path;
}

/**
 * The walk of a folder into import items, whichever API the browser gave the folder through — a
 * drop's entries (web/folder-source.ts) or a File System Access handle (web/folder-handle.ts):
 * each adapts its own objects to the small entry interface below.
 */
import type { ImportItem } from '../shared/vfs/import-site.ts';
import { SelectionError, unreadable } from './folder-selection.ts';

/** A directory to walk: its name, and all its children (one call lists it to the end). */
export interface WalkDirectory {
  readonly kind: 'directory';
  readonly name: string;
  children(): Promise<readonly WalkEntry[]>;
}

/** A file to walk: its name, and the `File` that stands for it (never read here). */
export interface WalkFile {
  readonly kind: 'file';
  readonly name: string;
  file(): Promise<File>;
}

export type WalkEntry = WalkDirectory | WalkFile;

/**
 * Walks `root` depth-first, keeping empty subdirectories (Python lists them). Files stay `File`s,
 * read later by the import as it stores them. A child that cannot be listed or read fails the walk
 * with a message naming it; an adapter that knows better (a `SelectionError` of its own) is trusted.
 */
export async function walkFolder(root: WalkDirectory): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  const pending: { dir: WalkDirectory; path: string }[] = [{ dir: root, path: '' }];
  while (pending.length > 0) {
    const { dir, path } = pending.pop()!;
    const listed: Promise<ImportItem>[] = [];
    for (const child of await childrenOf(dir, path)) {
      const childPath = path === '' ? child.name : `${path}/${child.name}`;
      if (child.kind === 'directory') {
        listed.push(Promise.resolve({ path: childPath, kind: 'directory' }));
        pending.push({ dir: child, path: childPath });
      } else {
        listed.push(fileAt(child, childPath).then((file) => ({ path: childPath, kind: 'file', file })));
      }
    }
    items.push(...(await Promise.all(listed))); // one directory's files asked for at once: each is a round trip
  }
  return items;
}

/** The `File` of `entry`, or a `SelectionError` naming `path` when the browser cannot give it. */
export function fileAt(entry: WalkFile, path: string): Promise<File> {
  return entry.file().catch((error: unknown) => {
    throw unreadable(path, error);
  });
}

async function childrenOf(dir: WalkDirectory, path: string): Promise<readonly WalkEntry[]> {
  try {
    return await dir.children();
  } catch (error) {
    throw error instanceof SelectionError ? error : unreadable(path || dir.name, error);
  }
}

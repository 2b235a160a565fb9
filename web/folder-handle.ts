/**
 * Reads a folder through its File System Access handle (`FileSystemDirectoryHandle`, Chromium),
 * the way Sync reads a site's folder again without asking for it. Only the handle's shape is used
 * here, so tests can walk a plain object; lib.dom does not declare the permission methods anyway.
 */
import type { ImportItem } from '../shared/vfs/import-site.ts';
import { type FolderSelection, SelectionError, unreadable } from './folder-source.ts';

/** What the walk uses of a `FileSystemFileHandle`. */
export interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
}

/** What the walk uses of a `FileSystemDirectoryHandle`. */
export interface DirectoryHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<FileHandleLike | DirectoryHandleLike>;
}

/** A site's folder as the browser handed it over: walkable, and asked again for read access. */
export interface FolderHandle extends DirectoryHandleLike {
  queryPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

/** True for a directory handle (a stored value, a drop's item); false for a file's and anything else. */
export function isFolderHandle(value: unknown): value is FolderHandle {
  if (typeof value !== 'object' || value === null) return false;
  const handle = value as Partial<FolderHandle>;
  return handle.kind === 'directory' && typeof handle.values === 'function' && typeof handle.requestPermission === 'function';
}

/**
 * Walks the folder depth-first into a selection that carries the handle, keeping empty
 * subdirectories (Python lists them). Files are `File`s from `getFile()`, read later by the
 * import as it stores them.
 */
export async function folderFromHandle(root: FolderHandle): Promise<FolderSelection> {
  const items: ImportItem[] = [];
  const pending: { dir: DirectoryHandleLike; path: string }[] = [{ dir: root, path: '' }];
  while (pending.length > 0) {
    const { dir, path } = pending.pop()!;
    const files: Promise<ImportItem>[] = [];
    for (const child of await childrenOf(dir, path)) {
      const childPath = path === '' ? child.name : `${path}/${child.name}`;
      if (child.kind === 'directory') {
        items.push({ path: childPath, kind: 'directory' });
        pending.push({ dir: child, path: childPath });
      } else {
        files.push(fileOf(child, childPath).then((file) => ({ path: childPath, kind: 'file', file })));
      }
    }
    items.push(...(await Promise.all(files))); // one directory's files asked for at once: each `getFile()` is a round trip
  }
  return { folderName: root.name, items, handle: root };
}

async function childrenOf(dir: DirectoryHandleLike, path: string): Promise<(FileHandleLike | DirectoryHandleLike)[]> {
  const children: (FileHandleLike | DirectoryHandleLike)[] = [];
  try {
    for await (const child of dir.values()) children.push(child);
  } catch (error) {
    if (path === '' && error instanceof DOMException && error.name === 'NotFoundError') throw folderGone(dir.name);
    throw unreadable(path || dir.name, error);
  }
  return children;
}

function fileOf(handle: FileHandleLike, path: string): Promise<File> {
  return handle.getFile().catch((error: unknown) => {
    throw unreadable(path, error);
  });
}

function folderGone(name: string): SelectionError {
  return new SelectionError(
    `The folder “${name}” is no longer where it was: it was moved, renamed or deleted. Nothing was changed — drop the folder here again to sync from it.`,
  );
}

/**
 * Reads a folder through its File System Access handle (`FileSystemDirectoryHandle`, Chromium),
 * the way Sync reads a site's folder again without asking for it.
 */
import { type DirectoryHandleLike, type FileHandleLike, type FolderHandle, type FolderSelection, SelectionError } from './folder-selection.ts';
import { type WalkDirectory, type WalkEntry, walkFolder } from './folder-walk.ts';

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
  const listing = directoryOf(root);
  const walked: WalkDirectory = { ...listing, children: () => listing.children().catch(whenGone(root.name)) };
  return { folderName: root.name, items: await walkFolder(walked), handle: root };
}

function walkEntryOf(handle: FileHandleLike | DirectoryHandleLike): WalkEntry {
  return handle.kind === 'directory' ? directoryOf(handle) : { kind: 'file', name: handle.name, file: () => handle.getFile() };
}

function directoryOf(dir: DirectoryHandleLike): WalkDirectory {
  return {
    kind: 'directory',
    name: dir.name,
    children: async () => {
      const children: WalkEntry[] = [];
      for await (const child of dir.values()) children.push(walkEntryOf(child));
      return children;
    },
  };
}

/** The root listed as not found: the folder itself is gone, which the person can do something about. */
function whenGone(name: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof DOMException && error.name === 'NotFoundError') throw folderGone(name);
    throw error;
  };
}

function folderGone(name: string): SelectionError {
  return new SelectionError(
    `The folder “${name}” is no longer where it was: it was moved, renamed or deleted. Nothing was changed — drop the folder here again to sync from it.`,
  );
}

/**
 * What the person gave us, as a folder to import: its name, its items (paths relative to the
 * folder) and, where the browser handed one over, its File System Access handle. Shared by every
 * way a folder arrives (a drop, a picker, a `.zip`, a Sync), so it imports nothing from the page.
 */
import type { ImportItem } from '../shared/vfs/import-site.ts';

export interface FolderSelection {
  readonly folderName: string;
  readonly items: ImportItem[];
  /** The folder's File System Access handle, where the browser gave one: Sync reads the folder again through it. */
  readonly handle?: FolderHandle;
}

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

/**
 * A site's folder as the browser handed it over (Chromium's `FileSystemDirectoryHandle`): walkable,
 * and asked again for read access. Only its shape is used, so tests can walk a plain object; lib.dom
 * does not declare the permission methods anyway.
 */
export interface FolderHandle extends DirectoryHandleLike {
  queryPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

/** Something in the selection that cannot be imported; the message is for a person. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

export function unreadable(path: string, error: unknown): SelectionError {
  const why = error instanceof DOMException ? ` (${error.name})` : '';
  return new SelectionError(`Could not read “${path}”${why} — nothing was imported and your sites are unchanged.`);
}

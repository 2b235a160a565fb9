/**
 * Turns what the person gave us — a drop or a folder-picker selection — into folders to import:
 * a folder name and its items (paths relative to the folder). Files are kept as `File` handles,
 * never read here: IndexedDB reads each one as it stores it.
 */
import type { ImportItem } from '../shared/vfs/import-site.ts';
import { folderFromZip, isZipName } from './zip-source.ts';
import type { FolderHandle } from './folder-handle.ts';

export interface FolderSelection {
  readonly folderName: string;
  readonly items: ImportItem[];
  /** The folder's File System Access handle, where the browser gave one: Sync reads the folder again through it. */
  readonly handle?: FolderHandle;
}

/** Something in the selection that cannot be imported; the message is for a person. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/**
 * The entries of a drop. Must run inside the `drop` event: the DataTransfer is emptied after it.
 */
export function droppedEntries(data: DataTransfer): FileSystemEntry[] {
  return [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
}

/** Each dropped directory or `.zip` is a folder to import; any other dropped file on its own is refused. */
export async function foldersFromEntries(entries: readonly FileSystemEntry[]): Promise<FolderSelection[]> {
  const loose = entries.filter((entry) => !entry.isDirectory && !isZipName(entry.name));
  if (entries.length === 0) throw new SelectionError('Nothing was dropped that dropserve can read. Drop a folder or a .zip.');
  if (loose.length > 0) {
    const names = loose.map((entry) => `“${entry.name}”`).join(', ');
    throw new SelectionError(`dropserve serves folders and .zip archives: ${names} ${loose.length === 1 ? 'is a file' : 'are files'}. Drop the folder that holds ${loose.length === 1 ? 'it' : 'them'}.`);
  }
  const folders: FolderSelection[] = [];
  for (const entry of entries) {
    folders.push(entry.isDirectory ? await readFolder(entry as FileSystemDirectoryEntry) : await folderFromZip(await fileOf(entry as FileSystemFileEntry, entry.name)));
  }
  return folders;
}

/** Walks a dropped directory depth-first, keeping empty subdirectories (Python lists them). */
async function readFolder(root: FileSystemDirectoryEntry): Promise<FolderSelection> {
  const items: ImportItem[] = [];
  const pending: { dir: FileSystemDirectoryEntry; path: string }[] = [{ dir: root, path: '' }];
  while (pending.length > 0) {
    const { dir, path } = pending.pop()!;
    for (const entry of await readAllEntries(dir, path)) {
      const entryPath = path === '' ? entry.name : `${path}/${entry.name}`;
      if (entry.isDirectory) {
        items.push({ path: entryPath, kind: 'directory' });
        pending.push({ dir: entry as FileSystemDirectoryEntry, path: entryPath });
      } else {
        items.push({ path: entryPath, kind: 'file', file: await fileOf(entry as FileSystemFileEntry, entryPath) });
      }
    }
  }
  return { folderName: root.name, items };
}

/** `readEntries()` answers in batches; it has listed everything when it answers with none. */
async function readAllEntries(dir: FileSystemDirectoryEntry, path: string): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject)).catch(
      (error: unknown) => {
        throw unreadable(path || dir.name, error);
      },
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry, path: string): Promise<File> {
  return new Promise<File>((resolve, reject) => entry.file(resolve, reject)).catch((error: unknown) => {
    throw unreadable(path, error);
  });
}

export function unreadable(path: string, error: unknown): SelectionError {
  const why = error instanceof DOMException ? ` (${error.name})` : '';
  return new SelectionError(`Could not read “${path}”${why} — nothing was imported and your sites are unchanged.`);
}

/**
 * A folder-picker selection: every file carries `webkitRelativePath` = `<folder>/<path>`, in no
 * particular order. The picker reports files only, so empty folders (and a folder with no files at
 * all) are invisible.
 */
export function folderFromFileList(files: ArrayLike<File>): FolderSelection {
  if (files.length === 0) {
    throw new SelectionError(
      'The folder picker found no files in that folder. If the folder is empty, drop it here instead: dropping keeps empty folders.',
    );
  }
  const first = files[0]!.webkitRelativePath;
  const folderName = first.slice(0, first.indexOf('/'));
  const items: ImportItem[] = [];
  for (const file of Array.from(files)) {
    // A browser that ignores `webkitdirectory` picks files with an empty `webkitRelativePath`.
    if (folderName === '' || !file.webkitRelativePath.startsWith(`${folderName}/`)) throw filesWithoutFolder();
    items.push({ path: file.webkitRelativePath.slice(folderName.length + 1), kind: 'file', file });
  }
  return { folderName, items };
}

function filesWithoutFolder(): SelectionError {
  return new SelectionError(
    'This browser picked files without the folder they are in, so dropserve cannot rebuild the folder. Drop the folder here instead, or choose a .zip of it.',
  );
}

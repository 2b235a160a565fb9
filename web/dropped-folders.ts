/**
 * A drop, dispatched: each dropped directory is walked (web/folder-source.ts), each dropped `.zip`
 * read (web/zip-source.ts); any other dropped file on its own is refused.
 */
import { type FolderSelection, SelectionError } from './folder-selection.ts';
import { fileOf, folderFromEntry } from './folder-source.ts';
import { fileAt } from './folder-walk.ts';
import { folderFromZip, isZipName } from './zip-source.ts';

/**
 * The entries of a drop. Must run inside the `drop` event: the DataTransfer is emptied after it.
 */
export function droppedEntries(data: DataTransfer): FileSystemEntry[] {
  return [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
}

/** Each dropped directory or `.zip` is a folder to import, in drop order; any other dropped file on its own is refused. */
export async function foldersFromEntries(entries: readonly FileSystemEntry[]): Promise<FolderSelection[]> {
  const loose = entries.filter((entry) => !entry.isDirectory && !isZipName(entry.name));
  if (entries.length === 0) throw new SelectionError('Nothing was dropped that dropserve can read. Drop a folder or a .zip.');
  if (loose.length > 0) {
    const names = loose.map((entry) => `“${entry.name}”`).join(', ');
    throw new SelectionError(`dropserve serves folders and .zip archives: ${names} ${loose.length === 1 ? 'is a file' : 'are files'}. Drop the folder that holds ${loose.length === 1 ? 'it' : 'them'}.`);
  }
  const folders: FolderSelection[] = [];
  for (const entry of entries) {
    folders.push(entry.isDirectory ? await folderFromEntry(entry as FileSystemDirectoryEntry) : await folderFromZip(await fileAt(fileOf(entry as FileSystemFileEntry), entry.name)));
  }
  return folders;
}

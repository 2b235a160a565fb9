/**
 * Folders as a drop's entries (File and Directory Entries API) and as a folder-picker selection
 * give them: a folder name and its items (paths relative to the folder). Files are kept as `File`
 * handles, never read here: IndexedDB reads each one as it stores it.
 */
import type { ImportItem } from '../shared/vfs/import-site.ts';
import { type FolderSelection, SelectionError } from './folder-selection.ts';
import { type WalkDirectory, type WalkEntry, type WalkFile, walkFolder } from './folder-walk.ts';

/** A dropped directory, walked depth-first with its empty subdirectories. */
export async function folderFromEntry(root: FileSystemDirectoryEntry): Promise<FolderSelection> {
  return { folderName: root.name, items: await walkFolder(directoryOf(root)) };
}

/** A dropped file, as the walk sees it. */
export function fileOf(entry: FileSystemFileEntry): WalkFile {
  return { kind: 'file', name: entry.name, file: () => new Promise<File>((resolve, reject) => entry.file(resolve, reject)) };
}

function walkEntryOf(entry: FileSystemEntry): WalkEntry {
  return entry.isDirectory ? directoryOf(entry as FileSystemDirectoryEntry) : fileOf(entry as FileSystemFileEntry);
}

function directoryOf(dir: FileSystemDirectoryEntry): WalkDirectory {
  return { kind: 'directory', name: dir.name, children: async () => (await readAllEntries(dir)).map(walkEntryOf) };
}

/** `readEntries()` answers in batches; it has listed everything when it answers with none. */
async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
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

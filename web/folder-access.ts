/**
 * Where Chromium's File System Access gives us a folder's handle — a drop, or its directory picker —
 * so that the site can be synced later. Other browsers give none and keep drop and `<input>` only.
 */
import { folderFromHandle, isFolderHandle } from './folder-handle.ts';
import type { FolderHandle, FolderSelection } from './folder-selection.ts';

interface HandleItem {
  getAsFileSystemHandle?(): Promise<unknown>;
}

interface PickerWindow {
  showDirectoryPicker?(options: { mode: 'read' }): Promise<unknown>;
}

/**
 * The handles of the dropped folders. Must run inside `drop`, as `droppedEntries` does: the
 * DataTransfer is emptied after it. Never rejects: a drop without handles still imports.
 */
export function droppedFolderHandles(data: DataTransfer): Promise<FolderHandle[]> {
  const requests = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (item as HandleItem).getAsFileSystemHandle?.().catch(() => null) ?? Promise.resolve(null));
  return Promise.all(requests).then((handles) => handles.filter(isFolderHandle));
}

/** Each folder with the dropped handle of the same name, where there is one. */
export function withHandles(folders: readonly FolderSelection[], handles: readonly FolderHandle[]): FolderSelection[] {
  return folders.map((folder) => {
    const handle = handles.find((candidate) => candidate.name === folder.folderName);
    return handle ? { ...folder, handle } : folder;
  });
}

export function hasDirectoryPicker(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** The folder the person picks, with its handle; undefined when they cancel the picker. */
export async function pickFolder(): Promise<FolderSelection | undefined> {
  let handle: unknown;
  try {
    handle = await (window as PickerWindow).showDirectoryPicker!({ mode: 'read' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    throw error;
  }
  if (!isFolderHandle(handle)) return undefined;
  return folderFromHandle(handle);
}

/**
 * Sync: a site's folder read again through the handle stored when it was imported, so that
 * importing it into the site writes only what changed. Reading needs the person's permission again
 * after the page was reloaded; the browser asks them, once per visit.
 */
import type { IdbVfs, SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { folderFromHandle, isFolderHandle } from './folder-handle.ts';
import { type FolderHandle, type FolderSelection, SelectionError } from './folder-selection.ts';

const READ = { mode: 'read' } as const;

/**
 * The folder as it is now, carrying its handle. Call it straight from the click: asking for
 * permission needs the click's user activation.
 */
export async function readFolderAgain(handle: FolderHandle): Promise<FolderSelection> {
  await ensureReadPermission(handle);
  return folderFromHandle(handle);
}

async function ensureReadPermission(handle: FolderHandle): Promise<void> {
  let state: PermissionState;
  try {
    state = await handle.queryPermission(READ);
    if (state !== 'granted') state = await handle.requestPermission(READ);
  } catch (error) {
    throw notAllowed(handle.name, error instanceof DOMException ? ` (${error.name})` : '');
  }
  if (state !== 'granted') throw notAllowed(handle.name, '');
}

function notAllowed(folderName: string, why: string): SelectionError {
  return new SelectionError(
    `dropserve was not allowed to read the folder “${folderName}”${why}. Nothing was changed — press Sync again and allow it, or drop the folder here again.`,
  );
}

/** Site name → its stored folder handle, for the sites that have one (their entries get Sync). */
export async function storedFolderHandles(vfs: Pick<IdbVfs, 'folderHandle'>, sites: readonly Pick<SiteRecord, 'name'>[]): Promise<Map<string, FolderHandle>> {
  const stored = await Promise.all(sites.map(async (site) => [site.name, await vfs.folderHandle(site.name)] as const));
  return new Map(stored.filter((pair): pair is readonly [string, FolderHandle] => isFolderHandle(pair[1])));
}

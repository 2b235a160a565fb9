/**
 * A `.zip` the person dropped or picked, as a folder to import: its table of contents is read and
 * checked now (shared/zip), its members are unpacked one batch at a time as the import stores
 * them. Named after the archive: `blog.zip` becomes the site `blog`.
 */
import { formatBytes } from '../shared/format-bytes.ts';
import { ImportError, quote } from '../shared/vfs/import-error.ts';
import type { ImportItem } from '../shared/vfs/import-plan.ts';
import { readZipSite } from '../shared/zip/zip-site.ts';
import type { FolderSelection } from './folder-selection.ts';

export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name);
}

/** Rejects with a message for a person when the archive is damaged, a zip bomb, or too big for the storage left. */
export async function folderFromZip(archive: File): Promise<FolderSelection> {
  const site = await readZipSite(archive, archive.name);
  checkRoomFor(archive.name, unpackedBytes(site.items), await navigator.storage?.estimate?.());
  return site;
}

function unpackedBytes(items: readonly ImportItem[]): number {
  return items.reduce((total, item) => total + (item.kind === 'file' ? item.file.size : 0), 0);
}

/**
 * Refuses up front what the browser's own estimate says will not fit: the import would fail with
 * nothing stored anyway, after unpacking for nothing. No estimate, no check.
 */
export function checkRoomFor(archiveName: string, bytes: number, estimate: StorageEstimate | undefined): void {
  const { quota, usage } = estimate ?? {};
  if (quota === undefined || usage === undefined || bytes <= quota - usage) return;
  const room = formatBytes(Math.max(0, quota - usage));
  throw new ImportError('quota', `The archive ${quote(archiveName)} unpacks to ${formatBytes(bytes)}, but this browser lets dropserve store only ${room} more`);
}

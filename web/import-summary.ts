/**
 * What a first import or a replacing one did, in one sentence for the `import-status` notice (a
 * re-sync is said by web/sync-summary.ts).
 */
import type { SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { formatBytes, formatCount } from './format.ts';

export function describeImport(folderName: string, site: SiteRecord, replaced: SiteRecord | undefined): string {
  const now = `${formatCount(site.fileCount, 'file')}, ${formatBytes(site.totalBytes)}`;
  const renamed = folderName === site.name ? '' : ` (from the folder “${folderName}”)`;
  if (!replaced) return `Imported “${site.name}”${renamed}: ${now}. Open it below.`;
  return `Replaced “${site.name}”${renamed}: it had ${formatCount(replaced.fileCount, 'file')}, ${formatBytes(replaced.totalBytes)}; now ${now}.`;
}

/**
 * Whether each stored site still has all its data. A browser short of space may clear an origin's
 * storage, and a damaged profile may lose records: a site whose record points at entries or file
 * bytes that are gone must be reported as such, not served as a broken site.
 */
import type { DatabaseConnection } from './schema.ts';
import { storageKeys } from './storage.ts';

/**
 * The names of the sites with stored records missing: fewer entries than the site's directories
 * (its root included) and files, or fewer blobs than the files whose bytes it stored itself (a
 * re-sync keeps unchanged files' bytes where an earlier import stored them). Counts only, in one
 * read transaction: no record and no byte is read.
 */
export async function sitesMissingData(connection: DatabaseConnection): Promise<string[]> {
  const tx = (await connection.database()).transaction(['sites', 'entries', 'blobs'], 'readonly');
  const sites = await tx.objectStore('sites').getAll();
  const counted = await Promise.all(
    sites.map(async (site) => {
      const keys = storageKeys(site.storageId);
      const [entries, blobs] = await Promise.all([tx.objectStore('entries').count(keys), tx.objectStore('blobs').count(keys)]);
      return entries < site.dirCount + 1 + site.fileCount || blobs < site.fileCount - (site.reusedFiles ?? 0) ? [site.name] : [];
    }),
  );
  return counted.flat();
}

/**
 * The site's files a Python CGI script can `open()` (docs/python-cgi.md): all of them, read into
 * memory for its interpreter's file system, since a script's `open()` is synchronous and the site
 * is in IndexedDB. A site too big for that gets a clear error instead.
 */
import type { SiteFiles } from '../shared/vfs/types.ts';

/** More than this is not copied into an interpreter. */
export const PYTHON_SITE_LIMIT_BYTES = 64 * 2 ** 20;

export async function pythonSiteFiles(files: SiteFiles, site: string): Promise<Map<string, Uint8Array>> {
  const paths: string[] = [];
  let total = 0;
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await files.list(directory)) {
      const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
      if (entry.kind === 'directory') await walk(path);
      else {
        total += entry.size;
        paths.push(path);
      }
    }
  };
  await walk('');
  if (total > PYTHON_SITE_LIMIT_BYTES) {
    throw new Error(`The site “${site}” is too big for Python scripts: its ${paths.length} files hold ${total} bytes, and at most ${PYTHON_SITE_LIMIT_BYTES} are copied for a script`);
  }
  const read = await Promise.all(paths.map(async (path) => [path, new Uint8Array(await (await files.read(path))!.arrayBuffer())] as const));
  return new Map(read);
}

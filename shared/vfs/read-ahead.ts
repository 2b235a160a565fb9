/**
 * A request's files with what the store read ahead in front (`OpenedSite.readAhead`): the store
 * reads the path the request names together with the site's options, and the handler's first
 * lookup of that path — and the read of its bytes that follows — take what was read, so a request
 * for a file costs one read of the store (docs/performance.md).
 */
import type { FileStat, OpenedSite, PathRead, SiteFiles } from './types.ts';

/** `opened.files`, answering from `opened.readAhead` as described above when there is one. */
export function withReadAhead({ files, readAhead }: OpenedSite): SiteFiles {
  return readAhead ? new ReadAheadFiles(files, readAhead) : files;
}

/**
 * Where the read-ahead is: `unused` until the path's first `stat`, which it answers (`answered`:
 * a `read` of the path then gets its bytes); a later `stat` of the path goes to the store, as every
 * other call does, and so does every `read` after it (`spent`).
 */
type ReadAheadState = 'unused' | 'answered' | 'spent';

class ReadAheadFiles implements SiteFiles {
  readonly #files: SiteFiles;
  readonly #ahead: PathRead;
  #state: ReadAheadState = 'unused';

  constructor(files: SiteFiles, ahead: PathRead) {
    this.#files = files;
    this.#ahead = ahead;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    if (path !== this.#ahead.path) return this.#files.stat(path);
    if (this.#state !== 'unused') {
      this.#state = 'spent';
      return this.#files.stat(path);
    }
    this.#state = 'answered';
    return this.#ahead.stat;
  }

  list(path: string): Promise<FileStat[]> {
    return this.#files.list(path);
  }

  async read(path: string): Promise<Blob | undefined> {
    return path === this.#ahead.path && this.#state === 'answered' ? this.#ahead.blob : this.#files.read(path);
  }
}

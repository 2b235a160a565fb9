/**
 * `SiteFiles` held in memory: a site built in code rather than dropped, for tests and for any
 * caller that already has its files at hand. Parent directories come into being with their
 * children; `list` answers in the order entries were added.
 */

import type { FileStat, SiteFiles } from './types.ts';

interface Entry {
  readonly stat: FileStat;
  readonly blob?: Blob;
}

export type FileContent = string | Blob | Uint8Array<ArrayBuffer>;

export class MemoryFiles implements SiteFiles {
  readonly #entries = new Map<string, Entry>([['', { stat: { name: '', kind: 'directory', size: 0, mtime: 0 } }]]);
  /** Directory path → the paths of its children, in the order added. */
  readonly #children = new Map<string, string[]>([['', []]]);

  /** Adds (or replaces) the file at `path`, creating missing parent directories. */
  addFile(path: string, content: FileContent, mtime = 0): this {
    const blob = content instanceof Blob ? content : new Blob([content]);
    const existing = this.#entries.get(path);
    if (existing?.stat.kind === 'directory') throw new Error(`${path} is a directory`);
    this.#add(path, { stat: { name: baseName(path), kind: 'file', size: blob.size, mtime }, blob });
    return this;
  }

  /** Adds the directory at `path` (and any missing parents); an existing one is kept as it is. */
  addDirectory(path: string, mtime = 0): this {
    const existing = this.#entries.get(path);
    if (existing?.stat.kind === 'file') throw new Error(`${path} is a file`);
    if (existing === undefined) this.#add(path, { stat: { name: baseName(path), kind: 'directory', size: 0, mtime } });
    return this;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    return this.#entries.get(path)?.stat;
  }

  /** Rejects when `path` is not a directory, as listing it would fail on a disk. */
  async list(path: string): Promise<FileStat[]> {
    const children = this.#children.get(path);
    if (children === undefined) throw new Error(`not a directory: ${JSON.stringify(path)}`);
    return children.map((child) => this.#entries.get(child)!.stat);
  }

  async read(path: string): Promise<Blob | undefined> {
    return this.#entries.get(path)?.blob;
  }

  #add(path: string, entry: Entry): void {
    checkPath(path);
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    this.addDirectory(parent);
    if (!this.#entries.has(path)) this.#children.get(parent)!.push(path);
    this.#entries.set(path, entry);
    if (entry.stat.kind === 'directory') this.#children.set(path, []);
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Site paths have no leading, trailing or doubled slash, and no `.`, `..` or NUL (see types.ts). */
function checkPath(path: string): void {
  const valid = path.split('/').every((name) => name !== '' && name !== '.' && name !== '..' && !name.includes('\0'));
  if (!valid) throw new Error(`invalid site path: ${JSON.stringify(path)}`);
}

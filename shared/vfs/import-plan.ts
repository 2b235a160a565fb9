/**
 * What an import will store, checked before anything is written: every directory (the root, the
 * explicit ones that may be empty, and the parents implied by file paths) and every file — and
 * how that is cut into transactions.
 */
import { ImportError, quote } from './import-error.ts';

/**
 * File bytes that are made only when their batch is stored — a zip member is unpacked then, so an
 * archive never sits unpacked in memory. `size` and `lastModified` are known up front, as a
 * `File`'s are; `blob()` rejects with an `ImportError` when the bytes cannot be made.
 */
export interface FileSource {
  readonly size: number;
  readonly lastModified: number;
  blob(signal?: AbortSignal): Promise<Blob>;
}

/** One thing in a dropped folder; paths are relative to the folder, `/`-separated, no leading slash. */
export type ImportItem =
  | { readonly path: string; readonly kind: 'directory' }
  | { readonly path: string; readonly kind: 'file'; readonly file: File | FileSource };

export type ImportFile = Extract<ImportItem, { kind: 'file' }>;

export interface ImportPlan {
  /** Each directory once (the root `''` first), then each file, in the order given. */
  readonly items: readonly ImportItem[];
  readonly filesTotal: number;
  readonly bytesTotal: number;
  /** Directories below the root. */
  readonly dirCount: number;
}

export function planImport(items: readonly ImportItem[]): ImportPlan {
  const directories = new Set<string>(['']);
  const files = new Map<string, ImportFile>();
  for (const item of items) {
    checkPath(item.path);
    if (item.kind === 'file') {
      if (files.has(item.path)) throw invalid(item.path, 'is in the folder twice');
      files.set(item.path, item);
    } else {
      directories.add(item.path);
    }
    for (let parent = parentOf(item.path); !directories.has(parent); parent = parentOf(parent)) directories.add(parent);
  }
  for (const path of files.keys()) {
    if (directories.has(path)) throw invalid(path, 'is both a file and a folder');
  }
  let bytesTotal = 0;
  for (const { file } of files.values()) bytesTotal += file.size;
  const directoryItems = [...directories].map((path): ImportItem => ({ path, kind: 'directory' }));
  return { items: [...directoryItems, ...files.values()], filesTotal: files.size, bytesTotal, dirCount: directories.size - 1 };
}

/**
 * Cuts the plan into transactions of at most `maxItems` entries and `maxBytes` of file data (as
 * `sizeOf` counts it: a file that is not written weighs nothing); a file bigger than `maxBytes`
 * gets a transaction of its own.
 */
export function* batches(items: readonly ImportItem[], maxItems: number, maxBytes: number, sizeOf = fileSize): Generator<readonly ImportItem[]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const size = sizeOf(items[i]);
    if (i > start && (i - start >= maxItems || bytes + size > maxBytes)) {
      yield items.slice(start, i);
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < items.length) yield items.slice(start);
}

function fileSize(item: ImportItem): number {
  return item.kind === 'file' ? item.file.size : 0;
}

/** `''` for a top-level name; only called on checked paths. */
export function parentOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Each `/`-separated segment is a real name: not empty (no leading, trailing or double slash), not `.` or `..`, no NUL. */
function checkPath(path: string): void {
  for (const segment of path.split('/')) {
    if (segment === '') throw invalid(path, 'has an empty name in it');
    if (segment === '.' || segment === '..') throw invalid(path, `has ${quote(segment)} in it, which is not a name`);
  }
  if (path.includes('\0')) throw invalid(path, 'has a NUL character in it');
}

function invalid(path: string, problem: string): ImportError {
  return new ImportError('invalid', `The path ${quote(path)} ${problem}`, path);
}

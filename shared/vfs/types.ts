/**
 * The virtual filesystem as the handlers see it: one site, read-only.
 *
 * Paths are relative to the site's root, segments joined by `/`, with no leading or trailing
 * slash; the root directory is `''`. A name may hold any character but `/` (and never NUL).
 */

export type EntryKind = 'file' | 'directory';

export interface FileStat {
  /** The last segment of the path (`''` for the root). */
  readonly name: string;
  readonly kind: EntryKind;
  /** Bytes; 0 for directories. */
  readonly size: number;
  /** Modification time, milliseconds since the epoch (from `File.lastModified`). */
  readonly mtime: number;
  /** The import that stored the bytes, when the store has such ids (part of an ETag: a re-sync keeps it for unchanged files). */
  readonly storedBy?: string;
}

import type { SiteOptions } from './site-options.ts';

export interface SiteFiles {
  /** The entry at `path`, or undefined when there is none. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The entries directly inside the directory `path`, in no particular order. */
  list(path: string): Promise<FileStat[]>;
  /**
   * The bytes of the file at `path`, or undefined when it is not a stored file. After a `stat` of
   * `path`, the bytes of what that stat found: a store may have read them along with it, so that
   * serving a file (stat, then read) takes one read of the store (idb-site-files.ts).
   */
  read(path: string): Promise<Blob | undefined>;
}

/** What a store found at one path in one read: its entry, and the bytes when it is a file. */
export interface PathRead {
  readonly path: string;
  readonly stat: FileStat | undefined;
  readonly blob: Blob | undefined;
}

/** A stored site as one request sees it: its files, and its serving options. */
export interface OpenedSite {
  readonly files: SiteFiles;
  readonly options: SiteOptions;
  /**
   * What the store found at the path it was asked to read ahead, read along with the options;
   * undefined when it read nothing ahead (or that read failed: the handler then meets the error
   * itself). `withReadAhead` (read-ahead.ts) puts it in front of `files`.
   */
  readonly readAhead?: PathRead | undefined;
}

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
  /** The bytes of the file at `path`, or undefined when it is not a stored file. */
  read(path: string): Promise<Blob | undefined>;
}

/** A stored site as one request sees it: its files, and its serving options. */
export interface OpenedSite {
  readonly files: SiteFiles;
  readonly options: SiteOptions;
}

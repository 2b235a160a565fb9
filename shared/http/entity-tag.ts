/**
 * Strong entity tags for stored files (RFC 9110 §8.8.3) and the lists that `If-None-Match` holds.
 * A tag is made from what the store already knows — the import that wrote the file, its size and
 * mtime — never from hashing its bytes, which would double the import time of big files.
 */
import type { FileStat } from '../vfs/types.ts';

/** `"<import>-<size>-<mtime>"`, numbers in base 36; without an import id (`storedBy`), the size and mtime alone. */
export function entityTag(entry: FileStat): string {
  const parts = [entry.size, Math.floor(entry.mtime)].map((n) => n.toString(36));
  return `"${[...(entry.storedBy === undefined ? [] : [entry.storedBy]), ...parts].join('-')}"`;
}

/**
 * Whether an `If-None-Match` value matches `tag`: `*`, or any listed tag by the weak comparison
 * (`W/"x"` matches `"x"`), as §13.1.2 asks of this header.
 */
export function noneMatchHits(header: string, tag: string): boolean {
  if (header.trim() === '*') return true;
  return listedTags(header).some((listed) => listed.replace(/^W\//, '') === tag);
}

/** Whether an `If-Range` value is a tag that strongly equals `tag` (a weak one never does). */
export function isSameStrongTag(value: string, tag: string): boolean {
  return value.trim() === tag;
}

/** Whether an `If-Range` value is an entity tag rather than a date. */
export function isEntityTag(value: string): boolean {
  return /^(?:W\/)?"/.test(value.trim());
}

function listedTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

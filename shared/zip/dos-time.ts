/**
 * A zip member's modification time. Zip's own fields are MS-DOS date and time: local time with no
 * zone, two-second steps. They are read as this computer's local time, as unzip does; an
 * extended-timestamp extra field (UTC seconds, written by Info-ZIP and macOS) wins when present.
 */

/** `date` and `time` as the central directory stores them → ms since the epoch, read as local time. */
export function dosDateTimeToMs(date: number, time: number): number {
  const year = 1980 + (date >>> 9);
  const month = Math.max(1, (date >>> 5) & 0x0f); // archivers write 0 for "no date": read it as January 1
  const day = Math.max(1, date & 0x1f);
  return new Date(year, month - 1, day, time >>> 11, (time >>> 5) & 0x3f, (time & 0x1f) * 2).getTime();
}

/** The modification time of an extended-timestamp extra field (ID 0x5455), if it carries one. */
export function extendedTimestampMs(field: DataView): number | undefined {
  const hasModificationTime = field.byteLength >= 5 && (field.getUint8(0) & 1) === 1;
  return hasModificationTime ? field.getInt32(1, true) * 1000 : undefined;
}

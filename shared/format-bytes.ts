/** Byte counts as a person reads them, in the app and in messages the core writes. */

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units, like file managers: 1 KB = 1,000 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

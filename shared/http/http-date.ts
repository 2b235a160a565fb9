/**
 * Dates as `http.server` writes them: the RFC 1123 form of `email.utils.formatdate(usegmt=True)`
 * for `Date` and `Last-Modified`.
 */

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Zero-pads a non-negative integer to `width` digits. */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * `Fri, 27 Nov 2026 11:24:45 GMT` for an instant in milliseconds; the fraction of a second is
 * dropped (rounding down, also before 1970).
 */
export function formatHttpDate(time: number): string {
  const date = new Date(Math.floor(time / 1000) * 1000);
  return (
    `${WEEKDAY_NAMES[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTH_NAMES[date.getUTCMonth()]} ` +
    `${pad(date.getUTCFullYear(), 4)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
    `${pad(date.getUTCSeconds())} GMT`
  );
}

/**
 * The lenient RFC 2822 date parser behind `email.utils.parsedate_to_datetime`, which `http.server`
 * uses for `If-Modified-Since` (docs/http-server-rules.md#b-7). It accepts far more than HTTP dates: an optional and
 * unchecked weekday, full month names, 2-digit years, RFC 850 and asctime forms, `.` as a time
 * separator, named US zones, and it reads a zone it does not understand as "no zone".
 *
 * Header values are ByteStrings, so only the Latin-1 range is ported exactly; outside it, digits are
 * ASCII only (Python's `int()` also takes other Unicode decimal digits).
 */

import { splitWhitespace } from './python-text.ts';

export interface EmailDate {
  /** Milliseconds since the epoch; a date without zone information is read as UTC. */
  readonly time: number;
  /**
   * Seconds east of UTC, or null when the value carries no zone information: no zone, `-0000`, or
   * a zone that is neither a known name nor a number (`XYZ`, `+01:00`).
   */
  readonly offset: number | null;
}

const MONTH_NAMES = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december',
];

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Named zones as ±hhmm; RFC 822's military zones other than Z are left out, as in Python. */
const ZONES: ReadonlyMap<string, number> = new Map([
  ['UT', 0], ['UTC', 0], ['GMT', 0], ['Z', 0],
  ['AST', -400], ['ADT', -300],
  ['EST', -500], ['EDT', -400],
  ['CST', -600], ['CDT', -500],
  ['MST', -700], ['MDT', -600],
  ['PST', -800], ['PDT', -700],
]);

/** `str.isdigit()` over Latin-1 includes the superscripts ¹²³ (which `int()` then rejects). */
const DIGIT = /^[0-9\u00b2\u00b3\u00b9]/;

/** Python's `int(text)`: optional sign, digits with single underscores between them. */
function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+(?:_\d+)*$/.test(text) ? Number(text.replaceAll('_', '')) : undefined;
}

/**
 * The five fields day, month, year, time and zone, still as text, from the words of the value:
 * the weekday dropped, an RFC 850 `dd-Mon-yy` split, and a zone glued to the time split off.
 */
function dateFields(value: string): string[] | undefined {
  const words = splitWhitespace(value);
  if (words.length === 0) return undefined;
  const first = words[0];
  // The weekday is optional and never checked; anything up to the last comma is dropped with it.
  if (first.endsWith(',') || DAY_NAMES.includes(first.toLowerCase())) words.shift();
  else words[0] = first.slice(first.lastIndexOf(',') + 1);
  if (words.length === 3) {
    const parts = words[0].split('-');
    if (parts.length === 3) words.splice(0, 1, ...parts);
  }
  if (words.length === 4) {
    const last = words[3];
    let sign = last.indexOf('+');
    if (sign === -1) sign = last.indexOf('-');
    if (sign > 0) words.splice(3, 1, last.slice(0, sign), last.slice(sign));
    else words.push('');
  }
  return words.length < 5 ? undefined : words.slice(0, 5);
}

/** `H:M`, `H:M:S`, `H.M` or `H.M.S` as [hour, minute, second] text. */
function clockFields(time: string): string[] | undefined {
  let parts = time.split(':');
  if (parts.length === 1 && time.includes('.')) parts = time.split('.');
  if (parts.length === 2) return [...parts, '0'];
  return parts.length === 3 ? parts : undefined;
}

/** Seconds east of UTC, or null for "no zone information" (see `EmailDate.offset`). */
function zoneOffset(zone: string): number | null {
  const name = zone.toUpperCase();
  const hhmm = ZONES.get(name) ?? parseInteger(name);
  // `-0000` declares "UTC, source zone unknown" (RFC 2822), which Python models as no zone.
  if (hhmm === undefined || (hhmm === 0 && name.startsWith('-'))) return null;
  const magnitude = Math.abs(hhmm);
  return Math.sign(hhmm) * (Math.floor(magnitude / 100) * 3600 + (magnitude % 100) * 60);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const isLeapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && isLeapYear ? 29 : DAYS_IN_MONTH[month - 1];
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The checks of Python's `datetime` and `timezone` constructors. */
function isValidDate(date: DateParts, offset: number | null): boolean {
  const { year, month, day, hour, minute, second } = date;
  return (
    year >= 1 && year <= 9999 &&
    day >= 1 && day <= daysInMonth(year, month) &&
    hour >= 0 && hour <= 23 &&
    minute >= 0 && minute <= 59 &&
    second >= 0 && second <= 59 &&
    (offset === null || Math.abs(offset) < 86_400)
  );
}

function utcTime({ year, month, day, hour, minute, second }: DateParts): number {
  const date = new Date(0);
  // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.setUTCHours(hour, minute, second);
}

/**
 * Parses `value` as `email.utils.parsedate_to_datetime` does; undefined where Python raises (an
 * unparsable value, or an impossible one such as day 32, hour 24, second 60, year 10000 or an
 * offset of 24 hours or more).
 */
export function parseEmailDate(value: string): EmailDate | undefined {
  const fields = dateFields(value);
  if (fields === undefined) return undefined;
  let [day, month, year, time, zone] = fields as [string, string, string, string, string];
  // Only the RFC 850 split can leave these empty.
  if (!day || !month || !year) return undefined;
  month = month.toLowerCase();
  if (!MONTH_NAMES.includes(month)) {
    [day, month] = [month, day.toLowerCase()];
    if (!MONTH_NAMES.includes(month)) return undefined;
  }
  if (day.endsWith(',')) day = day.slice(0, -1);
  // Words may come in another order: asctime puts the year last, after the time.
  if (year.indexOf(':') > 0) [year, time] = [time, year];
  if (year.endsWith(',')) {
    year = year.slice(0, -1);
    if (!year) return undefined;
  }
  if (!DIGIT.test(year)) [year, zone] = [zone, year];
  if (time.endsWith(',')) time = time.slice(0, -1);
  const clock = clockFields(time);
  if (clock === undefined) return undefined;
  const numbers = [year, day, ...clock].map(parseInteger);
  if (numbers.includes(undefined)) return undefined;
  const [shortYear, dayOfMonth, hour, minute, second] = numbers as number[];
  const parts: DateParts = {
    // Two-digit years, the POSIX way: 69–99 are 19xx, the rest 20xx (even negative ones).
    year: shortYear < 100 ? shortYear + (shortYear > 68 ? 1900 : 2000) : shortYear,
    month: (MONTH_NAMES.indexOf(month) % 12) + 1,
    day: dayOfMonth,
    hour,
    minute,
    second,
  };
  const offset = zoneOffset(zone);
  if (!isValidDate(parts, offset)) return undefined;
  return { time: utcTime(parts) - (offset ?? 0) * 1000, offset };
}

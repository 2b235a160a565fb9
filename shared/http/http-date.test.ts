import { describe, expect, it } from 'vitest';
import { formatHttpDate } from './http-date.ts';

describe('formatHttpDate', () => {
  // [seconds, email.utils.formatdate(seconds, usegmt=True)] from Python 3.11.7.
  const cases: readonly (readonly [number, string])[] = [
    [1577934245, 'Thu, 02 Jan 2020 03:04:05 GMT'],
    [1577934245.999, 'Thu, 02 Jan 2020 03:04:05 GMT'],
    [-1, 'Wed, 31 Dec 1969 23:59:59 GMT'],
    [-0.5, 'Wed, 31 Dec 1969 23:59:59 GMT'],
    [0, 'Thu, 01 Jan 1970 00:00:00 GMT'],
    [951782400, 'Tue, 29 Feb 2000 00:00:00 GMT'],
    [-59011361755, 'Sat, 02 Jan 0100 03:04:05 GMT'],
    [253402300799, 'Fri, 31 Dec 9999 23:59:59 GMT'],
    [1798370685, 'Sun, 27 Dec 2026 11:24:45 GMT'],
  ];
  it.each(cases)('formats %d s as %j', (seconds, expected) => {
    expect(formatHttpDate(seconds * 1000)).toBe(expected);
  });
});

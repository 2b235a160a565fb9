import { describe, expect, it } from 'vitest';
import { parseEmailDate, type EmailDate } from './email-date.ts';

/**
 * Each value with what Python 3.11.7's `email.utils.parsedate_to_datetime` answers: the instant
 * (a naive result read as UTC) and `utcoffset()` in seconds (null for a naive result), or
 * undefined where it raises.
 */
const PYTHON_ANSWERS: readonly (readonly [string, EmailDate | undefined])[] = [
  ["Thu, 02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05", { time: 1577934245000, offset: null }],
  ["02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Mon, 02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 +0000", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 -0000", { time: 1577934245000, offset: null }],
  ["Thu, 02 Jan 2020 03:04:05 +0100", { time: 1577930645000, offset: 3600 }],
  ["Thu, 02 Jan 2020 03:04:05 -0130", { time: 1577939645000, offset: -5400 }],
  ["Thu, 02 Jan 2020 03:04:05 EST", { time: 1577952245000, offset: -18000 }],
  ["Thu, 02 Jan 2020 03:04:05 PDT", { time: 1577959445000, offset: -25200 }],
  ["Thu, 02 Jan 2020 03:04:05 UT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 UTC", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 Z", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 z", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 XYZ", { time: 1577934245000, offset: null }],
  ["Thu, 02 Jan 2020 03:04:05 +01:00", { time: 1577934245000, offset: null }],
  ["Thu, 02 Jan 2020 03:04:05+0100", { time: 1577930645000, offset: 3600 }],
  ["Thu, 02 Jan 2020 03:04:05-0000", { time: 1577934245000, offset: null }],
  ["Thursday, 02-Jan-20 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu Jan  2 03:04:05 2020", { time: 1577934245000, offset: null }],
  ["Thu Jan 2 03:04:05 2020 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 January 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 2 jAN 2020 3:4:5 gmt", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 20 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 68 03:04:05 GMT", { time: 3092699045000, offset: 0 }],
  ["Thu, 02 Jan 69 03:04:05 GMT", { time: -31438555000, offset: 0 }],
  ["Thu, 02 Jan 99 03:04:05 GMT", { time: 915246245000, offset: 0 }],
  ["Thu, 02 Jan 100 03:04:05 GMT", { time: -59011361755000, offset: 0 }],
  ["Thu, 02 Jan 0 03:04:05 GMT", { time: 946782245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04 GMT", { time: 1577934240000, offset: 0 }],
  ["Thu, 02 Jan 2020 03.04.05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03.04 GMT", { time: 1577934240000, offset: 0 }],
  ["Thu, 02 Jan 2020 03.04.05.06 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 03 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05:06 GMT", undefined], // ValueError
  ["Jan 02 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["2020 Jan 02 03:04:05", undefined], // ValueError
  ["Thu,02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["xx,02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Foo, 02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02, Jan, 2020, 03:04:05, GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020, 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05, GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan , 03:04:05 GMT", undefined], // ValueError
  ["garbage", undefined], // ValueError
  ["", undefined], // ValueError
  ["   ", undefined], // ValueError
  ["Thu, 32 Jan 2020 03:04:05 GMT", undefined], // ValueError
  ["Thu, 29 Feb 2020 03:04:05 GMT", { time: 1582945445000, offset: 0 }],
  ["Thu, 29 Feb 2019 03:04:05 GMT", undefined], // ValueError
  ["Thu, 29 Feb 1900 03:04:05 GMT", undefined], // ValueError
  ["Thu, 29 Feb 2000 03:04:05 GMT", { time: 951793445000, offset: 0 }],
  ["Thu, 31 Apr 2020 03:04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 24:00:00 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 23:60:00 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 23:59:60 GMT", undefined], // ValueError
  ["Thu, 02 Jan 10000 03:04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan 9999 23:59:59 GMT", { time: 253370937599000, offset: 0 }],
  ["Thu, 01 Jan 0001 00:00:00 GMT", { time: 978307200000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 +2400", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05 +2359", { time: 1577847905000, offset: 86340 }],
  ["Thu, 02 Jan 2020 03:04:05 -2400", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05 +0099", { time: 1577928305000, offset: 5940 }],
  ["Thu, 02 Jan 2020 03:04:05 +9999", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05 +5", { time: 1577933945000, offset: 300 }],
  ["Thu, 02 Jan 2020 03:04:05 -0", { time: 1577934245000, offset: null }],
  ["Thu, 02 Jan 2020 03:04:05 0", { time: 1577934245000, offset: 0 }],
  ["2020-01-02T03:04:05Z", undefined], // ValueError
  ["Thu, 02 Jan 2020 +3:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:0_4:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2_020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, -1 Jan 2020 03:04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan -50 03:04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan -1950 03:04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan \u00b2020 03:04:05 2020", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05 GMT, Fri, 03 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: null }],
  ["Thu, 02-Jan-2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["02-Jan-20 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["02--20 03:04:05 GMT", undefined], // ValueError
  ["Thu,\t02\u000bJan\f2020\u001c03:04:05\u00a0GMT", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 GMT extra words here", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 May 2020 03:04:05 GMT", { time: 1588388645000, offset: 0 }],
  ["Thu, 02 MAY 2020 03:04:05 GMT", { time: 1588388645000, offset: 0 }],
  ["Thu, 02 Dec 2020 03:04:05 GMT", { time: 1606878245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 est", { time: 1577952245000, offset: -18000 }],
  ["Thu, 02 Jan 1969 23:59:59 GMT", { time: -31363201000, offset: 0 }],
  ["Thu, 02 Jan 2020 3:04:05 GMT ", { time: 1577934245000, offset: 0 }],
  ["Thu, 02 Jan 2020 03:04:05 +00:00", { time: 1577934245000, offset: null }],
  ["Thu 02 Jan 2020 03:04:05 GMT", { time: 1577934245000, offset: 0 }],
  ["02 Jan 2020 03:04:05", { time: 1577934245000, offset: null }],
  ["Jan 2020 03:04:05", undefined], // ValueError
  ["Thu, 02 Jan 2020 :04:05 GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04: GMT", undefined], // ValueError
  ["Thu, 02 Jan 2020 03:04:05 -0100", { time: 1577937845000, offset: -3600 }],
  ["2 Jan 2020 03:04:05 -0000", { time: 1577934245000, offset: null }],
  ["Thu, 02 Jan 2020 03:04:05 +1_00", { time: 1577930645000, offset: 3600 }],
];

describe('parseEmailDate', () => {
  it.each(PYTHON_ANSWERS)('parses %j as Python does', (value, expected) => {
    expect(parseEmailDate(value)).toEqual(expected);
  });

  it('takes 69–99 as 19xx and 00–68 as 20xx', () => {
    expect(new Date(parseEmailDate('01 Jan 69 00:00 GMT')!.time).getUTCFullYear()).toBe(1969);
    expect(new Date(parseEmailDate('01 Jan 68 00:00 GMT')!.time).getUTCFullYear()).toBe(2068);
    expect(new Date(parseEmailDate('01 Jan 00 00:00 GMT')!.time).getUTCFullYear()).toBe(2000);
  });

  it('keeps years 100–999 as they are (Date.UTC would move them)', () => {
    const date = new Date(parseEmailDate('Thu, 02 Jan 100 03:04:05 GMT')!.time);
    expect(date.getUTCFullYear()).toBe(100);
  });
});

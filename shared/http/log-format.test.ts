import { describe, expect, it } from 'vitest';
import { formatLogLine, formatLogTime } from './log-format.ts';

describe('formatLogTime', () => {
  it('writes local time as DD/Mon/YYYY HH:MM:SS', () => {
    // Built from local fields, so the expectation holds in every time zone.
    expect(formatLogTime(new Date(2026, 10, 27, 11, 20, 48, 999).getTime())).toBe('27/Nov/2026 11:20:48');
    expect(formatLogTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('02/Jan/2026 03:04:05');
    expect(formatLogTime(new Date(2026, 11, 31, 23, 59, 59).getTime())).toBe('31/Dec/2026 23:59:59');
  });

  it('pads the year to four digits', () => {
    const date = new Date(2026, 4, 9, 0, 0, 0);
    date.setFullYear(999);
    expect(formatLogTime(date.getTime())).toBe('09/May/0999 00:00:00');
  });
});

describe('formatLogLine', () => {
  it('assembles client, time and the escaped message', () => {
    expect(formatLogLine('127.0.0.1', '27/Nov/2026 11:20:48', '"GET /x\x1b HTTP/1.1" 200 -')).toBe(
      '127.0.0.1 - - [27/Nov/2026 11:20:48] "GET /x\\x1b HTTP/1.1" 200 -',
    );
  });
});

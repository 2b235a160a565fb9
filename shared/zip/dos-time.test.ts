import { describe, expect, it } from 'vitest';
import { dosDateTimeToMs, extendedTimestampMs } from './dos-time.ts';

/** Packs a date and time the way zip stores them. */
function dos(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: (hour << 11) | (minute << 5) | (second >> 1) };
}

describe('dosDateTimeToMs', () => {
  it('reads the fields as local time', () => {
    const { date, time } = dos(2024, 5, 17, 13, 45, 30);
    expect(dosDateTimeToMs(date, time)).toBe(new Date(2024, 4, 17, 13, 45, 30).getTime());
  });

  it('has two-second steps: an odd second is stored as the even one below', () => {
    const { date, time } = dos(2001, 12, 31, 23, 59, 59);
    expect(dosDateTimeToMs(date, time)).toBe(new Date(2001, 11, 31, 23, 59, 58).getTime());
  });

  it('reads the all-zero "no date" as 1 January 1980', () => {
    expect(dosDateTimeToMs(0, 0)).toBe(new Date(1980, 0, 1).getTime());
  });
});

describe('extendedTimestampMs', () => {
  const field = (flags: number, seconds: number) => {
    const view = new DataView(new ArrayBuffer(5));
    view.setUint8(0, flags);
    view.setInt32(1, seconds, true);
    return view;
  };

  it('reads the modification time as UTC seconds', () => {
    expect(extendedTimestampMs(field(1, 1_700_000_000))).toBe(1_700_000_000_000);
  });

  it('has none when its flags say so, or when the field is too short', () => {
    expect(extendedTimestampMs(field(2, 1_700_000_000))).toBeUndefined();
    expect(extendedTimestampMs(new DataView(new ArrayBuffer(1)))).toBeUndefined();
  });
});

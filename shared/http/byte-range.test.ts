import { describe, expect, it } from 'vitest';
import { contentRange, parseRange } from './byte-range.ts';

const partial = (start: number, end: number) => ({ kind: 'partial', range: { start, end } });

describe('parseRange, the nginx cases on a 1000-byte file', () => {
  it('single range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual(partial(0, 99));
    expect(parseRange('bytes=500-500', 1000)).toEqual(partial(500, 500));
  });

  it('suffix range: the last n bytes, all of them when n is larger', () => {
    expect(parseRange('bytes=-100', 1000)).toEqual(partial(900, 999));
    expect(parseRange('bytes=-5000', 1000)).toEqual(partial(0, 999));
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('open range: from a to the end', () => {
    expect(parseRange('bytes=500-', 1000)).toEqual(partial(500, 999));
    expect(parseRange('bytes=0-', 1000)).toEqual(partial(0, 999));
  });

  it('past the end: an end beyond the file is cut, a start beyond it cannot be satisfied', () => {
    expect(parseRange('bytes=900-5000', 1000)).toEqual(partial(900, 999));
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-1100', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('several ranges: the first satisfiable one', () => {
    expect(parseRange('bytes=0-9, 20-29', 1000)).toEqual(partial(0, 9));
    expect(parseRange('bytes=2000-,-10', 1000)).toEqual(partial(990, 999));
    expect(parseRange('bytes=2000-,3000-', 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what is not a valid bytes range: the whole file is sent', () => {
    for (const header of [null, 'items=0-1', 'bytes=', 'bytes=a-b', 'bytes=5-1', 'bytes=-', 'bytes=0-1,x', '0-1', 'bytes=1.5-2']) {
      expect(parseRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
  });

  it('is case-insensitive in the unit and tolerates spaces', () => {
    expect(parseRange(' Bytes=1-2 ', 1000)).toEqual(partial(1, 2));
  });
});

describe('contentRange', () => {
  it('writes a part and an unsatisfiable answer', () => {
    expect(contentRange({ start: 0, end: 99 }, 1000)).toBe('bytes 0-99/1000');
    expect(contentRange(undefined, 1000)).toBe('bytes */1000');
  });
});

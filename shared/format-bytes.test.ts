import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('says bytes below a kilobyte, singular for one', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
  });
  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(1000)).toBe('1.0 KB');
    expect(formatBytes(1_536_000)).toBe('1.5 MB');
    expect(formatBytes(25_000_000)).toBe('25 MB');
    expect(formatBytes(1_073_741_824)).toBe('1.1 GB');
  });
});

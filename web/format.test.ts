import { describe, expect, it } from 'vitest';
import { formatCount } from './format.ts';

describe('formatCount', () => {
  it('groups digits and picks the plural', () => {
    expect(formatCount(1, 'file')).toBe('1 file');
    expect(formatCount(10_000, 'file')).toBe('10,000 files');
    expect(formatCount(2, 'directory', 'directories')).toBe('2 directories');
  });
});

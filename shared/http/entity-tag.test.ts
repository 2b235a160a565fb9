import { describe, expect, it } from 'vitest';
import { entityTag, isEntityTag, isSameStrongTag, noneMatchHits } from './entity-tag.ts';

const file = { name: 'a.txt', kind: 'file', size: 1000, mtime: 1_700_000_000_123 } as const;

describe('entityTag', () => {
  it('is strong and made of the import, the size and the mtime', () => {
    expect(entityTag({ ...file, storedBy: 'imp1' })).toBe('"imp1-rs-loyw3v5n"');
    expect(entityTag(file)).toBe('"rs-loyw3v5n"');
  });

  it('changes with each of them', () => {
    const stored = { ...file, storedBy: 'imp1' };
    const tag = entityTag(stored);
    expect(entityTag({ ...stored, storedBy: 'imp2' })).not.toBe(tag);
    expect(entityTag({ ...stored, size: 1001 })).not.toBe(tag);
    expect(entityTag({ ...stored, mtime: file.mtime + 1 })).not.toBe(tag);
  });
});

describe('noneMatchHits', () => {
  it('matches *, the tag in a list, and its weak form', () => {
    expect(noneMatchHits('*', '"x"')).toBe(true);
    expect(noneMatchHits('"a", "x"', '"x"')).toBe(true);
    expect(noneMatchHits('W/"x"', '"x"')).toBe(true);
  });

  it('misses other tags and unquoted junk', () => {
    expect(noneMatchHits('"a", "b"', '"x"')).toBe(false);
    expect(noneMatchHits('x', '"x"')).toBe(false);
    expect(noneMatchHits('', '"x"')).toBe(false);
  });
});

describe('If-Range', () => {
  it('tells tags from dates and compares strongly', () => {
    expect(isEntityTag('"x"')).toBe(true);
    expect(isEntityTag('W/"x"')).toBe(true);
    expect(isEntityTag('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(false);
    expect(isSameStrongTag('"x"', '"x"')).toBe(true);
    expect(isSameStrongTag('W/"x"', '"x"')).toBe(false);
  });
});

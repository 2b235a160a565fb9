import { describe, expect, it } from 'vitest';
import { ImportError } from '../shared/vfs/import-error.ts';
import { checkRoomFor, isZipName } from './zip-source.ts';

describe('isZipName', () => {
  it('takes .zip in any case, and nothing else', () => {
    expect(isZipName('site.zip')).toBe(true);
    expect(isZipName('SITE.ZIP')).toBe(true);
    expect(isZipName('site.zip.txt')).toBe(false);
    expect(isZipName('zip')).toBe(false);
  });
});

describe('checkRoomFor', () => {
  it('lets an archive through that fits what the browser has left', () => {
    expect(() => checkRoomFor('a.zip', 6_000_000, { quota: 10_000_000, usage: 4_000_000 })).not.toThrow();
  });

  it('lets it through when the browser gives no estimate', () => {
    expect(() => checkRoomFor('a.zip', 6_000_000, undefined)).not.toThrow();
    expect(() => checkRoomFor('a.zip', 6_000_000, {})).not.toThrow();
  });

  it('refuses one that unpacks past it, saying how much there is', () => {
    expect(() => checkRoomFor('site.zip', 6_000_001, { quota: 10_000_000, usage: 4_000_000 })).toThrow(ImportError);
    const refuse = () => checkRoomFor('site.zip', 7_500_000, { quota: 10_000_000, usage: 4_000_000 });
    expect(refuse).toThrow(ImportError);
    expect(refuse).toThrow('The archive “site.zip” unpacks to 7.5 MB, but this browser lets dropserve store only 6.0 MB more — nothing was changed.');
  });
});

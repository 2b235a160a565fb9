import { describe, expect, it } from 'vitest';
import type { ZipMember } from './central-directory.ts';
import { checkZipLimits, DEFAULT_ZIP_LIMITS } from './zip-limits.ts';

const member = (name: string, size: number, compressedSize: number): ZipMember => ({
  name, madeBy: 3, flags: 0, method: 8, crc32: 0, compressedSize, size, offset: 0, lastModified: 0,
});

describe('checkZipLimits', () => {
  it('accepts what real sites hold: well-compressed text, incompressible media', () => {
    expect(() =>
      checkZipLimits([member('app.js', 5_000_000, 900_000), member('video.mp4', 2 ** 31, 2 ** 31 - 9000), member('zeros.txt', 2 ** 20, 1000)], DEFAULT_ZIP_LIMITS),
    ).not.toThrow();
  });

  it('refuses a member past the ratio, naming it', () => {
    expect(() => checkZipLimits([member('bomb.bin', 52_428_800, 50_900)], DEFAULT_ZIP_LIMITS)).toThrow(
      'looks like a zip bomb: “bomb.bin” would unpack to 52 MB from 51 KB (1030 : 1, the limit is 1000 : 1)',
    );
  });

  it('lets small members compress as well as they like', () => {
    expect(() => checkZipLimits([member('blank.txt', 2 ** 20, 100)], DEFAULT_ZIP_LIMITS)).not.toThrow();
    expect(() => checkZipLimits([member('blank.txt', 2 ** 20 + 1, 100)], DEFAULT_ZIP_LIMITS)).toThrow(/zip bomb/);
  });

  it('refuses an archive that unpacks past the total, counting every member', () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1_000_000 };
    expect(() => checkZipLimits([member('a', 600_000, 600_000), member('b', 400_000, 400_000)], limits)).not.toThrow();
    expect(() => checkZipLimits([member('a', 600_000, 600_000), member('b', 400_001, 400_001)], limits)).toThrow(
      'would unpack to 1.0 MB, more than the limit of 1.0 MB',
    );
  });
});

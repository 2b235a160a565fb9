/**
 * What an archive may unpack to, checked from its central directory before anything is written:
 * a zip bomb is refused up front, not discovered while storage fills. Each member's unpacked size
 * is also enforced while it is unpacked (member-source.ts), so a directory that lies does not help.
 */
import { formatBytes } from '../format-bytes.ts';
import type { ZipMember } from './central-directory.ts';
import { ZipError } from './zip-error.ts';

export interface ZipLimits {
  /** The most all members may unpack to together. */
  readonly maxTotalBytes: number;
  /** The most one member may grow when unpacked (unpacked : packed)… */
  readonly maxRatio: number;
  /** …counted only for members that unpack to more than this: a tiny file may compress very well. */
  readonly ratioFloorBytes: number;
  readonly maxMembers: number;
}

/**
 * Deflate cannot compress better than about 1030 : 1, so real files stay well below 1000 : 1 while
 * a bomb's members sit at it; 8 GiB and 200,000 members are far past any site.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 8 * 2 ** 30,
  maxRatio: 1000,
  ratioFloorBytes: 2 ** 20,
  maxMembers: 200_000,
};

export function checkZipLimits(members: readonly ZipMember[], limits: ZipLimits): void {
  let total = 0;
  for (const member of members) {
    total += member.size;
    const ratio = member.size / Math.max(1, member.compressedSize);
    if (member.size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new ZipError(
        `looks like a zip bomb: “${member.name}” would unpack to ${formatBytes(member.size)} from ${formatBytes(member.compressedSize)} (${Math.round(ratio)} : 1, the limit is ${limits.maxRatio} : 1)`,
        member.name,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new ZipError(`would unpack to ${formatBytes(total)}, more than the limit of ${formatBytes(limits.maxTotalBytes)}`);
  }
}

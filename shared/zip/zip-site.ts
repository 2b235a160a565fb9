/**
 * A dropped `.zip` as the items of a site: its central directory is read and checked up front —
 * names, methods, zip-bomb limits — so a bad archive is refused before anything is written; each
 * member is unpacked only when the import stores it.
 */
import type { ImportItem } from '../vfs/import-plan.ts';
import { type ZipMember, readCentralDirectory } from './central-directory.ts';
import { type MemberPath, memberPath } from './member-name.ts';
import { checkCanUnpack, ZipMemberSource } from './member-source.ts';
import { archiveError, ZipError } from './zip-error.ts';
import { checkZipLimits, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.ts';

export interface ZipSite {
  /** The archive's name without `.zip`: what the site is named after. */
  readonly folderName: string;
  readonly items: ImportItem[];
}

/** Finder's "Compress" stores resource forks here; they are not part of the site. */
const MACOS_METADATA = '__MACOSX';

/**
 * The site in `archive` (called `archiveName`). An archive whose members all sit in one top-level
 * folder (the usual `site.zip` → `site/…`) gives that folder's contents. Rejects with an
 * `ImportError` (reason `invalid`) that says what is wrong with the archive.
 */
export async function readZipSite(archive: Blob, archiveName: string, limits: Partial<ZipLimits> = {}): Promise<ZipSite> {
  const limit = { ...DEFAULT_ZIP_LIMITS, ...limits };
  try {
    const { members } = await readCentralDirectory(archive, limit.maxMembers);
    const placed = members.flatMap((member) => {
      const path = memberPath(member.name, member.madeBy);
      return path && path.path.split('/')[0] !== MACOS_METADATA ? [{ member, path }] : [];
    });
    checkZipLimits(placed.map(({ member }) => member), limit);
    for (const { member, path } of placed) if (!path.isDirectory) checkCanUnpack(member);
    const items = withoutSingleTopFolder(placed).map(({ member, path }) => toItem(archive, archiveName, member, path));
    return { folderName: archiveName.replace(/\.zip$/i, ''), items };
  } catch (error) {
    throw error instanceof ZipError ? archiveError(archiveName, error) : error;
  }
}

interface PlacedMember {
  readonly member: ZipMember;
  readonly path: MemberPath;
}

/** When every member is inside one folder, that folder's contents, with their paths made relative to it. */
function withoutSingleTopFolder(placed: readonly PlacedMember[]): readonly PlacedMember[] {
  const [top, ...others] = new Set(placed.map(({ path }) => path.path.split('/')[0]!));
  if (top === undefined || others.length > 0 || placed.some(({ path }) => path.path === top && !path.isDirectory)) return placed;
  return placed
    .filter(({ path }) => path.path !== top)
    .map(({ member, path }) => ({ member, path: { ...path, path: path.path.slice(`${top}/`.length) } }));
}

function toItem(archive: Blob, archiveName: string, member: ZipMember, { path, isDirectory }: MemberPath): ImportItem {
  return isDirectory ? { path, kind: 'directory' } : { path, kind: 'file', file: new ZipMemberSource(archive, archiveName, member) };
}

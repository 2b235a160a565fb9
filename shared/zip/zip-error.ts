/**
 * What is wrong with an archive, said from the archive's point of view ("has …", "is …"), so that
 * the import can tell the person "The archive “site.zip” has …".
 */
import { ImportError, quote } from '../vfs/import-error.ts';

export class ZipError extends Error {
  override readonly name = 'ZipError';
  /** The member the problem is about, when there is one. */
  readonly member: string | undefined;

  constructor(problem: string, member?: string) {
    super(problem);
    this.member = member;
  }
}

/** An `ImportError` (reason `invalid`) for a problem of the archive `archiveName`. */
export function archiveError(archiveName: string, error: ZipError): ImportError {
  return new ImportError('invalid', `The archive ${quote(archiveName)} ${error.message}`, error.member, error);
}

/**
 * A failure as the import box says it. Our own errors (an `ImportError`, a `SelectionError`, a
 * `VfsError`) carry a message for a person; anything else is an unexpected failure, said as such.
 */
import type { Notices } from './notice.ts';

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.name !== 'Error' && error.message) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The import failed (${detail}). Nothing was changed: your sites are as they were.`;
}

/** A failure before any import started (a folder that could not be read): the error replaces the status. */
export function reportFailure(notices: Notices, error: unknown): void {
  notices.status.hide();
  notices.error.show(messageOf(error));
}

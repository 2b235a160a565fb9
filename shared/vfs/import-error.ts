/**
 * Why an import failed, in words for a person. Every import failure leaves the stored sites as
 * they were, and every message says so.
 */

export type ImportFailure =
  /** The AbortSignal fired. */
  | 'cancelled'
  /** The browser refused to store more (QuotaExceededError). */
  | 'quota'
  /** A file could not be read: moved, changed or deleted since it was picked, or no permission. */
  | 'unreadable'
  /** A bad site name or path, a duplicate, a file that is also a directory: nothing was started. */
  | 'invalid'
  | 'failed';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly reason: ImportFailure;
  /** The item the failure is about, when known. */
  readonly path: string | undefined;

  /** `what` is what happened; the message adds that nothing was changed. */
  constructor(reason: ImportFailure, what: string, path?: string, cause?: unknown) {
    super(`${what} — nothing was changed.`, cause === undefined ? undefined : { cause });
    this.reason = reason;
    this.path = path;
  }
}

/** A name as the messages show it: in curly quotes, a NUL made visible. */
export const quote = (text: string): string => `“${text.replaceAll('\0', '␀')}”`;

export function cancelled(): ImportError {
  return new ImportError('cancelled', 'Import cancelled');
}

/** Garbage collection (garbage.ts), in some tab, took this import for abandoned and removed its data. */
export function stoppedByCleanup(): ImportError {
  return new ImportError('failed', 'The import stalled for so long that it was taken for abandoned and cleaned up');
}

interface FailureContext {
  readonly signal: AbortSignal | undefined;
  /** The item whose request failed, when the error came from one request. */
  readonly path?: string | undefined;
  /** The files of the batch that failed, to find an unreadable one among. */
  readonly files?: readonly { readonly path: string; readonly file: Blob }[];
}

/**
 * Classifies what storing a batch threw. Browsers name a file they could not read differently
 * (Chromium's transaction error is reported as "Failed to write blobs."), so when the error does
 * not say quota or cancel, the batch's files are probed: the first one whose first byte cannot be
 * read is the culprit. The probe runs only after a failure and reads at most one byte per file.
 */
export async function explainFailure(error: unknown, { signal, path, files = [] }: FailureContext): Promise<ImportError> {
  if (error instanceof ImportError) return error;
  if (signal?.aborted) return cancelled();
  const name = error instanceof Error ? error.name : undefined; // a DOMException is an Error
  if (name === 'QuotaExceededError') return new ImportError('quota', 'Not enough storage space for this folder', undefined, error);
  const reportedUnreadable = name === 'NotReadableError' || name === 'NotFoundError';
  const unreadable = (reportedUnreadable ? path : undefined) ?? (await firstUnreadable(files));
  if (unreadable !== undefined) return new ImportError('unreadable', `Could not read ${quote(unreadable)}`, unreadable, error);
  if (reportedUnreadable) return new ImportError('unreadable', 'Could not read one of the files', undefined, error);
  const detail = error instanceof Error && error.message ? error.message : String(name ?? error);
  return new ImportError('failed', `The import failed (${detail})`, path, error);
}

async function firstUnreadable(files: readonly { readonly path: string; readonly file: Blob }[]): Promise<string | undefined> {
  for (const { path, file } of files) {
    try {
      await file.slice(0, 1).arrayBuffer();
    } catch {
      return path;
    }
  }
  return undefined;
}

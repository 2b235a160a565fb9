import { describe, expect, it } from 'vitest';
import { explainFailure, ImportError } from './import-error.ts';

const named = (name: string, message = '') => new DOMException(message, name);
const readable = (path: string) => ({ path, file: new File(['ok'], path) });
/** A File whose bytes cannot be read, as a picked file deleted since. */
const unreadable = (path: string) => ({
  path,
  file: { slice: () => ({ arrayBuffer: () => Promise.reject(named('NotReadableError')) }) } as unknown as File,
});
const none = { signal: undefined };

describe('explainFailure', () => {
  it('keeps an ImportError as it is', async () => {
    const error = new ImportError('invalid', 'Bad');
    expect(await explainFailure(error, { signal: AbortSignal.abort() })).toBe(error);
  });

  it('calls anything that happens once the signal fired a cancel', async () => {
    expect(await explainFailure(named('AbortError'), { signal: AbortSignal.abort() })).toMatchObject({ reason: 'cancelled', message: 'Import cancelled — nothing was changed.' });
    expect(await explainFailure(named('QuotaExceededError'), { signal: AbortSignal.abort() })).toMatchObject({ reason: 'cancelled' });
  });

  it('recognises a full disk', async () => {
    const cause = named('QuotaExceededError');
    expect(await explainFailure(cause, { ...none, path: 'a' })).toMatchObject({ reason: 'quota', path: undefined, cause });
  });

  it('names the file a NotReadableError or NotFoundError came with', async () => {
    for (const name of ['NotReadableError', 'NotFoundError']) {
      expect(await explainFailure(named(name), { ...none, path: 'a/b.txt', files: [readable('a/b.txt')] })).toMatchObject({
        reason: 'unreadable',
        path: 'a/b.txt',
        message: 'Could not read “a/b.txt” — nothing was changed.',
      });
    }
  });

  it('finds the unreadable file of the batch when the error names none', async () => {
    const files = [readable('a'), unreadable('b'), unreadable('c')];
    expect(await explainFailure(named('UnknownError', 'Failed to write blobs.'), { ...none, files })).toMatchObject({ reason: 'unreadable', path: 'b' });
    expect(await explainFailure(named('NotReadableError'), { ...none, files })).toMatchObject({ reason: 'unreadable', path: 'b' });
  });

  it('trusts a NotReadableError even when every file of the batch reads now', async () => {
    expect(await explainFailure(named('NotReadableError'), { ...none, files: [readable('a')] })).toMatchObject({
      reason: 'unreadable',
      path: undefined,
      message: 'Could not read one of the files — nothing was changed.',
    });
  });

  it('reports anything else as a failure, in the words it came with', async () => {
    expect(await explainFailure(named('UnknownError', 'Internal error.'), { ...none, path: 'x', files: [readable('x')] })).toMatchObject({
      reason: 'failed',
      path: 'x',
      message: 'The import failed (Internal error.) — nothing was changed.',
    });
    expect(await explainFailure(named('DataError'), none)).toMatchObject({ message: 'The import failed (DataError) — nothing was changed.' });
    expect(await explainFailure('a string', none)).toMatchObject({ message: 'The import failed (a string) — nothing was changed.' });
  });
});

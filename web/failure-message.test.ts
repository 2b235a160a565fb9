import { describe, expect, it } from 'vitest';
import { ImportError } from '../shared/vfs/import-error.ts';
import { fakeParts } from './fake-app-parts.ts';
import { messageOf, reportFailure } from './failure-message.ts';
import { SelectionError } from './folder-selection.ts';

describe('messageOf', () => {
  it('gives our own errors’ messages as they are', () => {
    expect(messageOf(new ImportError('quota', 'The browser is out of space'))).toBe('The browser is out of space — nothing was changed.');
    expect(messageOf(new SelectionError('Drop a folder.'))).toBe('Drop a folder.');
  });

  it('says an unexpected failure as one, with nothing changed', () => {
    expect(messageOf(new Error('boom'))).toBe('The import failed (boom). Nothing was changed: your sites are as they were.');
    expect(messageOf('odd')).toBe('The import failed (odd). Nothing was changed: your sites are as they were.');
    expect(messageOf(new TypeError(''))).toBe('The import failed (). Nothing was changed: your sites are as they were.');
  });
});

describe('reportFailure', () => {
  it('hides the status and shows the error', () => {
    const parts = fakeParts();
    reportFailure(parts.notices, new SelectionError('Drop a folder.'));
    expect(parts.log).toEqual(['status hidden', 'error: Drop a folder.']);
  });
});

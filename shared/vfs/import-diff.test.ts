import { describe, expect, it } from 'vitest';
import { changesNothing, diffImport } from './import-diff.ts';
import { planImport } from './import-plan.ts';
import type { EntryRecord } from './schema.ts';
import { dirItem, fileItem } from './testing.ts';

const MTIME = 1_700_000_000_000;
const stored = (path: string, size: number, more: Partial<EntryRecord> = {}): EntryRecord => ({
  storageId: 'old',
  path,
  parent: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
  name: path.slice(path.lastIndexOf('/') + 1),
  kind: 'file',
  size,
  mtime: MTIME,
  ...more,
});
const dir = (path: string) => stored(path, 0, { kind: 'directory' });
const root = { ...dir(''), parent: null };
const everyBlob = () => true;

describe('diffImport', () => {
  it('keeps a file of the same size and mtime, and points at its bytes', () => {
    const diff = diffImport(planImport([fileItem('a.txt', 'aaa')]), [root, stored('a.txt', 3)], everyBlob);
    expect(diff.changes).toEqual({ added: [], changed: [], removed: [], unchanged: 1 });
    expect([...diff.reuse]).toEqual([['a.txt', ['old', 'a.txt']]]);
    expect(changesNothing(diff.changes)).toBe(true);
  });

  it('points where the stored entry points, never at an entry that points on', () => {
    const diff = diffImport(planImport([fileItem('a.txt', 'aaa')]), [root, stored('a.txt', 3, { blob: ['first', 'a.txt'] })], everyBlob);
    expect(diff.reuse.get('a.txt')).toEqual(['first', 'a.txt']);
  });

  it('takes another size, another mtime, or lost bytes for a change', () => {
    const items = [fileItem('size.txt', 'four'), fileItem('time.txt', 'abc', MTIME + 1), fileItem('lost.txt', 'abc')];
    const before = [root, stored('size.txt', 3), stored('time.txt', 3), stored('lost.txt', 3)];
    const diff = diffImport(planImport(items), before, ([, path]) => path !== 'lost.txt');
    expect(diff.changes).toEqual({ added: [], changed: ['lost.txt', 'size.txt', 'time.txt'], removed: [], unchanged: 0 });
    expect(diff.reuse.size).toBe(0);
  });

  it('lists added and removed files and folders, folders with a trailing slash, in path order', () => {
    const items = [fileItem('new/b.txt', 'b'), dirItem('empty'), fileItem('a.txt', 'a')];
    const before = [root, dir('old'), stored('old/x.txt', 1), stored('gone.txt', 1)];
    expect(diffImport(planImport(items), before, everyBlob).changes).toEqual({
      added: ['a.txt', 'empty/', 'new/', 'new/b.txt'],
      changed: [],
      removed: ['gone.txt', 'old/', 'old/x.txt'],
      unchanged: 0,
    });
  });

  it('takes a file that became a folder for a change', () => {
    const diff = diffImport(planImport([fileItem('x/inner.txt', 'i')]), [root, stored('x', 1)], everyBlob);
    expect(diff.changes).toEqual({ added: ['x/inner.txt'], changed: ['x/'], removed: [], unchanged: 0 });
    expect(changesNothing(diff.changes)).toBe(false);
  });
});

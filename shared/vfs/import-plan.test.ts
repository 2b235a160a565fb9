import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error.ts';
import { batches, type ImportItem, nameOf, parentOf, planImport } from './import-plan.ts';
import { dirItem, fileItem } from './testing.ts';

const paths = (items: readonly ImportItem[]) => items.map((item) => `${item.kind === 'directory' ? 'd' : 'f'}:${item.path}`);

describe('planImport', () => {
  it('adds the root and every parent a file path implies, keeps explicit empty directories, then the files', () => {
    const plan = planImport([fileItem('a/b/c.txt', 'abc'), dirItem('empty'), fileItem('top.txt', 'top!'), dirItem('a/b')]);
    expect(paths(plan.items)).toEqual(['d:', 'd:a/b', 'd:a', 'd:empty', 'f:a/b/c.txt', 'f:top.txt']);
    expect(plan).toMatchObject({ filesTotal: 2, bytesTotal: 7, dirCount: 3 });
  });

  it('plans an empty folder as the root alone', () => {
    expect(planImport([])).toEqual({ items: [{ path: '', kind: 'directory' }], filesTotal: 0, bytesTotal: 0, dirCount: 0 });
  });

  it('takes a directory given twice once', () => {
    expect(paths(planImport([dirItem('x'), dirItem('x'), dirItem('x/y')]).items)).toEqual(['d:', 'd:x', 'd:x/y']);
  });

  it('keeps any character a file name may have', () => {
    const odd = ['sp ace/#?%&<>"\'.txt', 'naïve/日本.md', '🚀/🎉.bin', 'back\\slash', '...dots', 'trailing.'];
    expect(paths(planImport(odd.map((path) => fileItem(path))).items).filter((p) => p.startsWith('f:'))).toEqual(odd.map((p) => `f:${p}`));
  });

  it.each([
    ['', 'has an empty name in it'],
    ['/abs', 'has an empty name in it'],
    ['dir/', 'has an empty name in it'],
    ['a//b', 'has an empty name in it'],
    ['./a', 'has “.” in it, which is not a name'],
    ['a/../b', 'has “..” in it, which is not a name'],
    ['a/..', 'has “..” in it, which is not a name'],
    ['nul\0byte', 'has a NUL character in it'],
  ])('refuses the path %j', (path, problem) => {
    for (const item of [fileItem(path), dirItem(path)]) {
      const error = catchError(() => planImport([fileItem('ok.txt'), item]));
      expect(error).toMatchObject({ reason: 'invalid', path, message: `The path “${path.replace('\0', '␀')}” ${problem} — nothing was changed.` });
    }
  });

  it('refuses a file given twice', () => {
    expect(catchError(() => planImport([fileItem('a/x'), fileItem('a/x')]))).toMatchObject({ reason: 'invalid', path: 'a/x', message: 'The path “a/x” is in the folder twice — nothing was changed.' });
  });

  it.each([
    [[fileItem('a'), fileItem('a/b')]],
    [[fileItem('a/b'), fileItem('a')]],
    [[fileItem('a'), dirItem('a')]],
  ])('refuses a path that is both a file and a directory', (items) => {
    expect(catchError(() => planImport(items))).toMatchObject({ reason: 'invalid', path: 'a', message: 'The path “a” is both a file and a folder — nothing was changed.' });
  });
});

describe('batches', () => {
  const sized = (...sizes: number[]) => sizes.map((size, i) => fileItem(`f${i}`, 'x'.repeat(size)));
  const cut = (items: readonly ImportItem[], maxItems: number, maxBytes: number) => [...batches(items, maxItems, maxBytes)].map((batch) => batch.length);

  it('cuts by count', () => {
    expect(cut(sized(1, 1, 1, 1, 1), 2, Infinity)).toEqual([2, 2, 1]);
  });

  it('cuts before the file that would pass the byte limit, and gives a bigger file a batch of its own', () => {
    expect(cut(sized(4, 4, 4, 20, 1, 1), 100, 10)).toEqual([2, 1, 1, 2]);
  });

  it('counts directories as entries with no bytes', () => {
    expect(cut([dirItem(''), dirItem('a'), ...sized(10)], 100, 10)).toEqual([3]);
  });

  it('yields nothing for nothing, and never an empty batch', () => {
    expect(cut([], 2, 10)).toEqual([]);
    expect(cut(sized(50, 50), 0, 0)).toEqual([1, 1]);
  });
});

describe('path helpers', () => {
  it('splits a path into parent and name', () => {
    expect([parentOf('a/b/c'), nameOf('a/b/c')]).toEqual(['a/b', 'c']);
    expect([parentOf('top'), nameOf('top')]).toEqual(['', 'top']);
    expect([parentOf(''), nameOf('')]).toEqual(['', '']);
  });
});

function catchError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

import { describe, expect, it } from 'vitest';
import { fakeFolder } from './fake-folder-handle.ts';
import { folderFromHandle, isFolderHandle } from './folder-handle.ts';
import { SelectionError } from './folder-selection.ts';

/** The selection's items as `path → content` (directories as `path/ → ''`), to compare whole. */
async function contents(items: Awaited<ReturnType<typeof folderFromHandle>>['items']): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const item of items) {
    if (item.kind === 'directory') tree[`${item.path}/`] = '';
    else tree[item.path] = await (item.file as File).text();
  }
  return tree;
}

describe('folderFromHandle', () => {
  it('walks every file and directory, keeping empty directories, and carries the handle', async () => {
    const handle = fakeFolder('My site', { 'index.html': '<p>hi', 'css/site.css': 'p{}', 'css/img/a.png': 'PNG', 'empty/': '' });
    const folder = await folderFromHandle(handle);
    expect(folder.folderName).toBe('My site');
    expect(folder.handle).toBe(handle);
    expect(await contents(folder.items)).toEqual({
      'index.html': '<p>hi',
      'css/': '',
      'css/site.css': 'p{}',
      'css/img/': '',
      'css/img/a.png': 'PNG',
      'empty/': '',
    });
  });

  it('keeps each file as the File that getFile() gave, with its modification time', async () => {
    const { items } = await folderFromHandle(fakeFolder('f', { 'a.txt': 'abc' }));
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ path: 'a.txt', kind: 'file' });
    const file = (item as { file: File }).file;
    expect(file).toBeInstanceOf(File);
    expect({ size: file.size, lastModified: file.lastModified }).toEqual({ size: 3, lastModified: 1_700_000_000_000 });
  });

  it('reads an empty folder as a folder with no items', async () => {
    expect(await folderFromHandle(fakeFolder('blank', {}))).toMatchObject({ folderName: 'blank', items: [] });
  });

  it('says which file could not be read, and that nothing was imported', async () => {
    const folder = fakeFolder('f', { 'ok.txt': 'ok', 'sub/locked.txt': new DOMException('denied', 'NotReadableError') });
    const failure = folderFromHandle(folder);
    await expect(failure).rejects.toBeInstanceOf(SelectionError);
    await expect(failure).rejects.toThrow('Could not read “sub/locked.txt” (NotReadableError) — nothing was imported and your sites are unchanged.');
  });

  it('says the folder is gone when it was moved or deleted, and to drop it again', async () => {
    const folder = fakeFolder('blog', { 'a.txt': 'a' });
    folder.gone = true;
    const failure = folderFromHandle(folder);
    await expect(failure).rejects.toBeInstanceOf(SelectionError);
    await expect(failure).rejects.toThrow(/^The folder “blog” is no longer where it was: it was moved, renamed or deleted\. Nothing was changed — drop the folder here again/);
  });
});

describe('isFolderHandle', () => {
  it('knows a directory handle from a file handle and from anything else', () => {
    expect(isFolderHandle(fakeFolder('f', {}))).toBe(true);
    expect(isFolderHandle({ kind: 'file', name: 'a.zip', getFile: () => undefined })).toBe(false);
    expect(isFolderHandle({ kind: 'directory', name: 'cloned' })).toBe(false); // a structured clone without the methods
    expect(isFolderHandle(undefined)).toBe(false);
    expect(isFolderHandle('folder')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeFolder } from './fake-folder-handle.ts';
import { SelectionError } from './folder-selection.ts';
import { readFolderAgain, storedFolderHandles } from './folder-sync.ts';

describe('readFolderAgain', () => {
  it('reads the folder without asking when read access is still granted', async () => {
    const handle = fakeFolder('blog', { 'a.txt': 'a' });
    handle.permission = 'granted';
    const folder = await readFolderAgain(handle);
    expect(handle.requests).toBe(0);
    expect(folder).toMatchObject({ folderName: 'blog', handle, items: [{ path: 'a.txt', kind: 'file' }] });
  });

  it('asks for read access when it is not granted, and reads the folder once given', async () => {
    const handle = fakeFolder('blog', { 'a.txt': 'a' });
    const folder = await readFolderAgain(handle);
    expect(handle.requests).toBe(1);
    expect(folder.items.map((item) => item.path)).toEqual(['a.txt']);
  });

  it.each(['denied', 'prompt'] as const)('refuses clearly, reading nothing, when the answer is “%s”', async (answer) => {
    const handle = fakeFolder('blog', { 'a.txt': new Error('must not be read') });
    handle.answer = answer;
    const failure = readFolderAgain(handle);
    await expect(failure).rejects.toBeInstanceOf(SelectionError);
    await expect(failure).rejects.toThrow(
      'dropserve was not allowed to read the folder “blog”. Nothing was changed — press Sync again and allow it, or drop the folder here again.',
    );
  });

  it('names the reason when asking fails (no user activation)', async () => {
    const handle = fakeFolder('blog', {});
    handle.answer = new DOMException('User activation is required to request permissions.', 'SecurityError');
    await expect(readFolderAgain(handle)).rejects.toThrow('dropserve was not allowed to read the folder “blog” (SecurityError). Nothing was changed');
  });

  it('says the folder is gone when it was moved or deleted', async () => {
    const handle = fakeFolder('blog', { 'a.txt': 'a' });
    handle.permission = 'granted';
    handle.gone = true;
    await expect(readFolderAgain(handle)).rejects.toThrow('The folder “blog” is no longer where it was');
  });
});

describe('storedFolderHandles', () => {
  it('maps each site that has a stored folder handle to it, and leaves out the others', async () => {
    const blog = fakeFolder('blog', {});
    const stored = new Map<string, unknown>([
      ['blog', blog],
      ['cloned', { kind: 'directory', name: 'cloned' }], // not a usable handle
    ]);
    const vfs = { folderHandle: async (name: string) => stored.get(name) };
    const handles = await storedFolderHandles(vfs, [{ name: 'blog' }, { name: 'cloned' }, { name: 'docs' }]);
    expect([...handles]).toEqual([['blog', blog]]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IdbVfs, VfsError } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import { closeVfs, folder, memoryVfs, readText, siteRecord, siteSnapshot, storageIdsInUse } from './testing.ts';

let vfs: IdbVfs;
beforeEach(async () => {
  vfs = await memoryVfs();
});
afterEach(() => closeVfs(vfs));

const siteNames = async () => (await vfs.listSites()).map((site) => site.name);

describe('sites', () => {
  it('lists complete sites in name order, each with its record', async () => {
    await importSite(vfs, 'zeta', folder({ 'a.txt': 'aaa', 'd/b.txt': 'bb', 'e/': '' }), { folderName: 'Zeta folder' });
    await importSite(vfs, 'alpha', []);
    expect(await siteNames()).toEqual(['alpha', 'zeta']);
    const zeta = await siteRecord(vfs, 'zeta');
    expect(zeta).toEqual({
      name: 'zeta',
      storageId: expect.any(String),
      fileCount: 2,
      dirCount: 2,
      totalBytes: 5,
      importedAt: expect.any(Number),
      folderName: 'Zeta folder',
    });
    expect((await siteRecord(vfs, 'alpha'))?.folderName).toBe('alpha');
  });

  it('knows no site that was not imported', async () => {
    expect(await siteRecord(vfs, 'nope')).toBeUndefined();
    expect(await vfs.siteFiles('nope')).toBeUndefined();
    expect(await vfs.listSites()).toEqual([]);
  });

  it('serves an empty folder as an empty site', async () => {
    await importSite(vfs, 'empty', []);
    const files = (await vfs.siteFiles('empty'))!;
    expect(await files.stat('')).toMatchObject({ kind: 'directory' });
    expect(await files.list('')).toEqual([]);
  });
});

describe('deleteSite', () => {
  it('removes the record and every entry and blob of the site, and nothing of the others', async () => {
    await importSite(vfs, 'gone', folder({ 'a.txt': 'a', 'sub/b.txt': 'b', 'empty/': '' }));
    await importSite(vfs, 'stays', folder({ 'a.txt': 'A' }));
    const stays = await siteSnapshot(vfs, 'stays');

    expect(await vfs.deleteSite('gone')).toBe(true);

    expect(await siteNames()).toEqual(['stays']);
    expect(await vfs.siteFiles('gone')).toBeUndefined();
    expect(await storageIdsInUse(vfs)).toEqual([stays!.site.storageId]);
    expect(await siteSnapshot(vfs, 'stays')).toEqual(stays);
  });

  it('answers false for a site that is not there', async () => {
    expect(await vfs.deleteSite('nope')).toBe(false);
  });
});

describe('renameSite', () => {
  it('moves the site to the new name with its files', async () => {
    await importSite(vfs, 'old', folder({ 'index.html': 'home' }));
    const before = (await siteRecord(vfs, 'old'))!;

    const renamed = await vfs.renameSite('old', 'new');

    expect(renamed).toEqual({ ...before, name: 'new' });
    expect(await siteNames()).toEqual(['new']);
    expect(await readText((await vfs.siteFiles('new'))!, 'index.html')).toBe('home');
  });

  it('refuses a name that is taken, and changes nothing', async () => {
    await importSite(vfs, 'a', folder({ 'x.txt': 'a' }));
    await importSite(vfs, 'b', folder({ 'x.txt': 'b' }));
    const [a, b] = [await siteSnapshot(vfs, 'a'), await siteSnapshot(vfs, 'b')];

    const error = await vfs.renameSite('a', 'b').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VfsError);
    expect(error).toMatchObject({ code: 'site-exists', message: 'A site named “b” already exists. Choose another name, or delete that site first.' });
    expect([await siteSnapshot(vfs, 'a'), await siteSnapshot(vfs, 'b')]).toEqual([a, b]);
  });

  it('refuses a missing site and an invalid name', async () => {
    await importSite(vfs, 'a', []);
    await expect(vfs.renameSite('nope', 'x')).rejects.toMatchObject({ code: 'no-site' });
    await expect(vfs.renameSite('a', 'no spaces')).rejects.toMatchObject({ code: 'invalid-name' });
    await expect(vfs.renameSite('a', '..')).rejects.toMatchObject({ code: 'invalid-name' });
    expect(await siteNames()).toEqual(['a']);
  });

  it('renames a site to its own name as a no-op', async () => {
    await importSite(vfs, 'a', []);
    expect(await vfs.renameSite('a', 'a')).toEqual(await siteRecord(vfs, 'a'));
  });

  it('lets a later import of the old name make a new site beside the renamed one', async () => {
    await importSite(vfs, 'blog', folder({ 'v.txt': '1' }));
    await vfs.renameSite('blog', 'blog-2023');
    await importSite(vfs, 'blog', folder({ 'v.txt': '2' }));
    expect(await readText((await vfs.siteFiles('blog-2023'))!, 'v.txt')).toBe('1');
    expect(await readText((await vfs.siteFiles('blog'))!, 'v.txt')).toBe('2');
  });
});

describe('folder handles', () => {
  // A stand-in for a FileSystemDirectoryHandle: the store keeps whatever structured-clones.
  const handle = { kind: 'directory', name: 'blog folder' };

  it('keeps a handle per site, and none for a site that has not got one', async () => {
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    await importSite(vfs, 'docs', folder({ 'b.txt': 'b' }));
    expect(await vfs.setFolderHandle('blog', handle)).toBe(true);
    expect(await vfs.folderHandle('blog')).toEqual(handle);
    expect(await vfs.folderHandle('docs')).toBeUndefined();
  });

  it('stores no handle for a site that is not there', async () => {
    expect(await vfs.setFolderHandle('nope', handle)).toBe(false);
    expect(await vfs.folderHandle('nope')).toBeUndefined();
  });

  it('goes with its site: deleted with it, moved by a rename', async () => {
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    await vfs.setFolderHandle('blog', handle);
    await vfs.renameSite('blog', 'journal');
    expect(await vfs.folderHandle('blog')).toBeUndefined();
    expect(await vfs.folderHandle('journal')).toEqual(handle);
    await vfs.deleteSite('journal');
    expect(await vfs.folderHandle('journal')).toBeUndefined();
  });
});

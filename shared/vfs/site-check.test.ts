import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdbVfs } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import { sitesMissingData } from './site-check.ts';
import { closeVfs, folder, memoryVfs, siteRecord } from './testing.ts';

let vfs: IdbVfs;
beforeEach(async () => {
  vfs = await memoryVfs();
  await importSite(vfs, 'whole', folder({ 'index.html': 'home', 'sub/a.txt': 'a', 'empty/': '' }));
  await importSite(vfs, 'empty', []);
});
afterEach(() => closeVfs(vfs));

async function storageIdOf(name: string): Promise<string> {
  return (await siteRecord(vfs, name))!.storageId;
}

describe('sitesMissingData', () => {
  it('finds nothing missing in sites as imported, empty ones included', async () => {
    expect(await sitesMissingData(vfs)).toEqual([]);
  });

  it("names a site whose file bytes are gone", async () => {
    await importSite(vfs, 'hurt', folder({ 'index.html': 'home', 'b.txt': 'b' }));
    await (await vfs.database()).delete('blobs', [await storageIdOf('hurt'), 'b.txt']);
    expect(await sitesMissingData(vfs)).toEqual(['hurt']);
  });

  it('names a site whose entries are gone, the root included', async () => {
    const db = await vfs.database();
    await db.delete('entries', [await storageIdOf('empty'), '']);
    await db.delete('entries', [await storageIdOf('whole'), 'empty']);
    expect(await sitesMissingData(vfs)).toEqual(['empty', 'whole']);
  });

  it('names a site whose data is all gone (a record left behind by a cleared store)', async () => {
    const db = await vfs.database();
    await Promise.all([db.clear('entries'), db.clear('blobs')]);
    expect(await sitesMissingData(vfs)).toEqual(['empty', 'whole']);
  });
});

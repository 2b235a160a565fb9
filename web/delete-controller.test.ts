import { describe, expect, it } from 'vitest';
import { importSite } from '../shared/vfs/import-site.ts';
import { folder, memoryVfs } from '../shared/vfs/testing.ts';
import { DeleteController } from './delete-controller.ts';
import { fakeParts } from './fake-app-parts.ts';

describe('DeleteController', () => {
  it('deletes the site with its files, says so, reloads its open previews and redraws the list', async () => {
    const vfs = await memoryVfs();
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    const parts = fakeParts();
    await new DeleteController({ vfs, ...parts }).delete('blog');
    expect(await vfs.listSites()).toEqual([]);
    expect(await vfs.siteFiles('blog')).toBeUndefined();
    expect(parts.log).toEqual(['status: Deleted “blog” and all its files.', 'previews of blog reload', 'sites changed', 'storage refreshed']);
  });

  it('says nothing when the deletion fails: the failure is the caller’s', async () => {
    const parts = fakeParts();
    const failing = { deleteSite: async () => Promise.reject(new Error('storage is gone')) };
    await expect(new DeleteController({ vfs: failing, ...parts }).delete('blog')).rejects.toThrow('storage is gone');
    expect(parts.log).toEqual([]);
  });
});

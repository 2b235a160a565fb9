import { describe, expect, it } from 'vitest';
import { importSite } from '../shared/vfs/import-site.ts';
import { folder, memoryVfs } from '../shared/vfs/testing.ts';
import { fakeParts } from './fake-app-parts.ts';
import { RenameController } from './rename-controller.ts';

async function setUp() {
  const vfs = await memoryVfs();
  await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
  await importSite(vfs, 'docs', folder({}));
  const parts = fakeParts();
  return { vfs, parts, renaming: new RenameController({ vfs, ...parts }) };
}

const names = async (vfs: Awaited<ReturnType<typeof memoryVfs>>) => (await vfs.listSites()).map((site) => site.name).sort();

describe('RenameController', () => {
  it('renames the site, says so and redraws the list', async () => {
    const { vfs, parts, renaming } = await setUp();
    await renaming.rename('blog', 'weblog');
    expect(await names(vfs)).toEqual(['docs', 'weblog']);
    expect(parts.log).toEqual(['error hidden', 'status: Renamed “blog” to “weblog”.', 'sites changed']);
  });

  it('refuses a name that cannot be a site name, saying which characters can, and redraws the old name', async () => {
    const { vfs, parts, renaming } = await setUp();
    await renaming.rename('blog', 'my blog');
    expect(await names(vfs)).toEqual(['blog', 'docs']);
    expect(parts.log).toEqual(['error hidden', 'error: “my blog” cannot be a site name: use letters, digits, “-”, “_” and “.”.', 'sites changed']);
  });

  it('refuses a name that is taken, saying why', async () => {
    const { vfs, parts, renaming } = await setUp();
    await renaming.rename('blog', 'docs');
    expect(await names(vfs)).toEqual(['blog', 'docs']);
    expect(parts.log).toEqual([
      'error hidden',
      'error: A site named “docs” already exists. Choose another name, or delete that site first.',
      'sites changed',
    ]);
  });

  it('says an unexpected failure as one, with nothing changed', async () => {
    const parts = fakeParts();
    const failing = { renameSite: async () => Promise.reject(new Error('disk on fire')) };
    await new RenameController({ vfs: failing, ...parts }).rename('blog', 'weblog');
    expect(parts.log).toEqual(['error hidden', 'error: The import failed (disk on fire). Nothing was changed: your sites are as they were.', 'sites changed']);
  });
});

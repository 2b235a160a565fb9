import { describe, expect, it } from 'vitest';
import { folder, memoryVfs, readText } from '../shared/vfs/testing.ts';
import { fakeFolder } from './fake-folder-handle.ts';
import { fakeParts } from './fake-app-parts.ts';
import type { FolderSelection } from './folder-selection.ts';
import { ImportController } from './import-controller.ts';

async function setUp() {
  const vfs = await memoryVfs();
  const parts = fakeParts();
  return { vfs, parts, imports: new ImportController({ vfs, ...parts }) };
}

const selection = (folderName: string, tree: Record<string, string>, extra: Partial<FolderSelection> = {}): FolderSelection => ({ folderName, items: folder(tree), ...extra });

describe('ImportController', () => {
  it('imports a folder into the site named after it, with the progress bar, and says so', async () => {
    const { vfs, parts, imports } = await setUp();
    await imports.enqueue([selection('My Site', { 'index.html': '<p>hi', 'css/': '' })]);
    expect(await readText((await vfs.siteFiles('My-Site'))!, 'index.html')).toBe('<p>hi');
    expect(parts.log).toEqual([
      'error hidden',
      'status hidden',
      'progress started for My Site',
      'status: Imported “My-Site” (from the folder “My Site”): 1 file, 5 bytes. Open it below.',
      'sites changed',
      'progress finished',
      'storage refreshed',
    ]);
  });

  it('says what a replacing import did, and reloads the open previews of the site', async () => {
    const { parts, imports } = await setUp();
    await imports.enqueue([selection('blog', { 'a.txt': 'a', 'b.txt': 'b' })]);
    parts.log.length = 0;
    await imports.enqueue([selection('blog', { 'a.txt': 'A!', 'c.txt': 'c' })]);
    expect(parts.log).toContain('status: Synced “blog”: 1 changed, 1 added, 1 removed, 0 files unchanged. Changed: a.txt; Added: c.txt; Removed: b.txt.');
    expect(parts.log).toContain('previews of blog reload');
  });

  it('reloads no preview when the site is new, or when nothing changed', async () => {
    const { parts, imports } = await setUp();
    await imports.enqueue([selection('blog', { 'a.txt': 'a' })]);
    await imports.enqueue([selection('blog', { 'a.txt': 'a' })]);
    expect(parts.log).toContain('status: “blog” is up to date: nothing changed since the last import (1 file unchanged).');
    expect(parts.log.filter((line) => line.startsWith('previews'))).toEqual([]);
  });

  it('imports a Sync into the given site, whatever the folder is called', async () => {
    const { vfs, imports } = await setUp();
    await imports.enqueue([selection('renamed on disk', { 'a.txt': 'a' })], 'blog');
    expect((await vfs.listSites()).map((site) => site.name)).toEqual(['blog']);
  });

  it('runs imports one after another, in the order the folders arrived', async () => {
    const { parts, imports } = await setUp();
    void imports.enqueue([selection('one', { 'a.txt': 'a' }), selection('two', { 'b.txt': 'b' })]);
    await imports.enqueue([selection('three', {})]);
    expect(parts.log.filter((line) => line.startsWith('progress'))).toEqual([
      'progress started for one',
      'progress finished',
      'progress started for two',
      'progress finished',
      'progress started for three',
      'progress finished',
    ]);
  });

  it('keeps the folder handle with the site, for Sync; a handle that cannot be stored leaves the import as it is', async () => {
    const { vfs, parts, imports } = await setUp();
    await imports.enqueue([selection('blog', { 'a.txt': 'a' }, { handle: fakeFolder('blog', {}) })]); // functions: not cloneable
    expect(parts.log).toContain('status: Imported “blog”: 1 file, 1 byte. Open it below.');
    expect(await vfs.folderHandle('blog')).toBeUndefined();
  });

  it('says why an import failed, and that nothing changed; the queue goes on', async () => {
    const { vfs, parts, imports } = await setUp();
    await imports.enqueue([selection('bad', { 'a/../b.txt': 'x' }), selection('good', { 'a.txt': 'a' })]);
    const errors = parts.log.filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: .*“a\/\.\.\/b\.txt”.* — nothing was changed\.$/);
    expect((await vfs.listSites()).map((site) => site.name)).toEqual(['good']);
  });

  it('cancels from the progress bar’s Cancel, storing nothing', async () => {
    const { vfs, parts, imports } = await setUp();
    parts.cancelOnStart = true;
    await imports.enqueue([selection('blog', { 'a.txt': 'a' })]);
    expect(parts.log).toEqual([
      'error hidden',
      'status hidden',
      'progress started for blog',
      'progress cancelling',
      'error: Import cancelled — nothing was changed.',
      'progress finished',
      'storage refreshed',
    ]);
    expect(await vfs.listSites()).toEqual([]);
  });
});

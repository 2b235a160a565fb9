import { describe, expect, it } from 'vitest';
import { makeZip } from '../../e2e/zip-fixtures.ts';
import { ImportError } from '../vfs/import-error.ts';
import type { ImportItem } from '../vfs/import-plan.ts';
import { ZipMemberSource } from './member-source.ts';
import { readZipSite } from './zip-site.ts';

const archive = (...args: Parameters<typeof makeZip>) => new Blob([makeZip(...args)]);

/** Paths with a trailing `/` for directories, in the archive's order. */
const shape = (items: readonly ImportItem[]) => items.map((item) => (item.kind === 'directory' ? `${item.path}/` : item.path));

async function refusal(blob: Blob, name = 'site.zip', limits = {}): Promise<ImportError> {
  const error = await readZipSite(blob, name, limits).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).reason).toBe('invalid');
  return error as ImportError;
}

describe('readZipSite', () => {
  it('names the site after the archive, without .zip', async () => {
    expect((await readZipSite(archive([{ name: 'a.txt', data: 'a' }]), 'My Docs.ZIP')).folderName).toBe('My Docs');
  });

  it('gives the contents of a single top-level folder as the site root, keeping empty directories', async () => {
    const site = await readZipSite(
      archive([{ name: 'blog/' }, { name: 'blog/index.html', data: '<h1>hi</h1>' }, { name: 'blog/drafts/' }, { name: 'blog/css/site.css', data: 'p{}' }]),
      'blog.zip',
    );
    expect(shape(site.items)).toEqual(['index.html', 'drafts/', 'css/site.css']);
    const index = site.items[0]!;
    if (index.kind !== 'file' || !(index.file instanceof ZipMemberSource)) throw new Error('index.html is a zip member');
    expect(await (await index.file.blob()).text()).toBe('<h1>hi</h1>');
  });

  it('strips a single top folder that has no directory record of its own', async () => {
    const site = await readZipSite(archive([{ name: 'out/a.txt', data: 'a' }, { name: 'out/b/c.txt', data: 'c' }]), 'out.zip');
    expect(shape(site.items)).toEqual(['a.txt', 'b/c.txt']);
  });

  it('keeps the paths as they are when the top level holds more than one thing, or one file', async () => {
    expect(shape((await readZipSite(archive([{ name: 'index.html', data: 'x' }, { name: 'css/a.css', data: 'y' }]), 's.zip')).items)).toEqual([
      'index.html',
      'css/a.css',
    ]);
    expect(shape((await readZipSite(archive([{ name: 'index.html', data: 'x' }]), 's.zip')).items)).toEqual(['index.html']);
  });

  it("leaves out macOS's __MACOSX metadata folder", async () => {
    const site = await readZipSite(
      archive([{ name: 'site/index.html', data: 'x' }, { name: '__MACOSX/' }, { name: '__MACOSX/site/._index.html', data: 'fork' }]),
      'site.zip',
    );
    expect(shape(site.items)).toEqual(['index.html']);
  });

  it('gives each file its declared size and time without unpacking it', async () => {
    const site = await readZipSite(archive([{ name: 'a.txt', data: 'hello', date: [2020, 1, 2, 3, 4, 6] }]), 'a.zip');
    const [item] = site.items;
    if (item?.kind !== 'file') throw new Error('a.txt is a file');
    expect(item.file.size).toBe(5);
    expect(item.file.lastModified).toBe(new Date(2020, 0, 2, 3, 4, 6).getTime());
  });

  it('refuses a path that leads out of the site, naming it', async () => {
    const error = await refusal(archive([{ name: 'ok.txt', data: 'a' }, { name: '../../etc/evil.txt', data: 'b' }]));
    expect(error.message).toBe('The archive “site.zip” has a member whose path leads out of the archive (“../../etc/evil.txt”) — nothing was changed.');
    expect(error.path).toBe('../../etc/evil.txt');
  });

  it('refuses a zip bomb from its directory, before anything is unpacked', async () => {
    const error = await refusal(archive([{ name: 'index.html', data: 'x' }, { name: 'zeros.bin', data: { zeros: 20_000_000 } }]), 'bomb.zip');
    expect(error.message).toMatch(/^The archive “bomb\.zip” looks like a zip bomb: “zeros\.bin” would unpack to 20 MB from \d+ KB \(\d{4} : 1, the limit is 1000 : 1\)/);
  });

  it('refuses an archive past the member count or total size limits it is given', async () => {
    const blob = archive([{ name: 'a.txt', data: 'aaaa' }, { name: 'b.txt', data: 'bbbb' }]);
    expect((await refusal(blob, 'many.zip', { maxMembers: 1 })).message).toMatch(/“many\.zip” has 2 members, more than the limit of 1/);
    expect((await refusal(blob, 'big.zip', { maxTotalBytes: 7 })).message).toMatch(/“big\.zip” would unpack to 8 bytes, more than the limit of 7 bytes/);
  });

  it('refuses a file that is not a zip archive', async () => {
    const error = await refusal(new Blob(['just text']), 'notes.zip');
    expect(error.message).toBe('The archive “notes.zip” is not a zip archive, or it is cut short (its end record is missing) — nothing was changed.');
  });
});

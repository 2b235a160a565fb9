import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdbVfs } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import { DEFAULT_SITE_OPTIONS, parseCgiDirectories, parseTimeLimit, siteOptionsOf } from './site-options.ts';
import { closeVfs, folder, memoryVfs } from './testing.ts';

describe('siteOptionsOf', () => {
  it('gives the defaults for a record without options: CGI off, /cgi-bin and /htbin, 10 s, no 404.html, no SPA fallback', () => {
    expect(siteOptionsOf({})).toEqual({ cgi: false, cgiDirectories: ['/cgi-bin', '/htbin'], cgiTimeLimitSeconds: 10, notFoundPage: false, spaFallback: false });
  });

  it('keeps what the record holds and defaults the rest', () => {
    expect(siteOptionsOf({ options: { cgi: true } })).toEqual({ ...DEFAULT_SITE_OPTIONS, cgi: true });
  });
});

describe('parseCgiDirectories', () => {
  it('normalises slashes and separators, and drops duplicates and the root', () => {
    expect(parseCgiDirectories(' cgi-bin/, /htbin\n/scripts//deep/ / /cgi-bin ')).toEqual(['/cgi-bin', '/htbin', '/scripts//deep']);
  });

  it('gives no directories for an empty text', () => {
    expect(parseCgiDirectories('  ')).toEqual([]);
  });
});

describe('parseTimeLimit', () => {
  it('accepts a positive number of seconds', () => {
    expect(parseTimeLimit(' 2.5 ')).toBe(2.5);
  });

  it.each(['', '0', '-3', 'ten', 'Infinity'])('refuses %j', (text) => {
    expect(parseTimeLimit(text)).toBeUndefined();
  });
});

describe('stored options', () => {
  let vfs: IdbVfs;
  beforeEach(async () => {
    vfs = await memoryVfs();
  });
  afterEach(() => closeVfs(vfs));

  it('are saved on the site and survive a re-import and a rename', async () => {
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    expect((await vfs.openSite('blog', ''))?.options).toEqual(DEFAULT_SITE_OPTIONS);
    const options = { cgi: true, cgiDirectories: ['/scripts'], cgiTimeLimitSeconds: 3, notFoundPage: true, spaFallback: true };
    await vfs.setSiteOptions('blog', options);
    expect((await vfs.openSite('blog', ''))?.options).toEqual(options);

    const { site } = await importSite(vfs, 'blog', folder({ 'b.txt': 'b' }));
    expect(site.options).toEqual(options);
    expect((await vfs.openSite('blog', ''))?.options).toEqual(options);
    await vfs.renameSite('blog', 'journal');
    expect((await vfs.openSite('journal', ''))?.options).toEqual(options);
  });

  it('change only the options given, so separate controls never undo each other', async () => {
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    await vfs.setSiteOptions('blog', { cgiTimeLimitSeconds: 4 });
    await vfs.setSiteOptions('blog', { cgi: true });
    expect((await vfs.openSite('blog', ''))?.options).toEqual({ ...DEFAULT_SITE_OPTIONS, cgi: true, cgiTimeLimitSeconds: 4 });
  });

  it('cannot be set on a site that does not exist', async () => {
    await expect(vfs.setSiteOptions('nope', DEFAULT_SITE_OPTIONS)).rejects.toThrow(/no site named/);
    expect(await vfs.openSite('nope', '')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { MemoryFiles } from './memory-files.ts';
import { withReadAhead } from './read-ahead.ts';
import { DEFAULT_SITE_OPTIONS } from './site-options.ts';
import type { FileStat, PathRead, SiteFiles } from './types.ts';

/** A store whose every call is counted, holding `a.txt` = "stored". */
function countedStore(): { files: SiteFiles; calls: string[] } {
  const store = new MemoryFiles().addFile('a.txt', 'stored').addDirectory('d');
  const calls: string[] = [];
  const files: SiteFiles = {
    stat: (path) => (calls.push(`stat ${path}`), store.stat(path)),
    list: (path) => (calls.push(`list ${path}`), store.list(path)),
    read: (path) => (calls.push(`read ${path}`), store.read(path)),
  };
  return { files, calls };
}

const STAT: FileStat = { name: 'a.txt', kind: 'file', size: 5, mtime: 1 };
const AHEAD: PathRead = { path: 'a.txt', stat: STAT, blob: new Blob(['ahead']) };

describe('withReadAhead', () => {
  it('is the files themselves when nothing was read ahead', () => {
    const { files } = countedStore();
    expect(withReadAhead({ files, options: DEFAULT_SITE_OPTIONS })).toBe(files);
  });

  it('answers the first stat of the path, and the read after it, from what was read', async () => {
    const { files, calls } = countedStore();
    const served = withReadAhead({ files, options: DEFAULT_SITE_OPTIONS, readAhead: AHEAD });
    expect(await served.stat('a.txt')).toBe(STAT);
    expect(await (await served.read('a.txt'))!.text()).toBe('ahead');
    expect(calls).toEqual([]);
  });

  it('answers a missing path as missing, without asking the store', async () => {
    const { files, calls } = countedStore();
    const served = withReadAhead({ files, options: DEFAULT_SITE_OPTIONS, readAhead: { path: 'x', stat: undefined, blob: undefined } });
    expect(await served.stat('x')).toBeUndefined();
    expect(await served.read('x')).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('asks the store for other paths, for a later stat of the path, and for a read before any stat', async () => {
    const { files, calls } = countedStore();
    const served = withReadAhead({ files, options: DEFAULT_SITE_OPTIONS, readAhead: AHEAD });
    expect(await (await served.read('a.txt'))!.text()).toBe('stored');
    expect(await served.stat('d')).toMatchObject({ kind: 'directory' });
    expect((await served.list('')).map((stat) => stat.name)).toEqual(['a.txt', 'd']);
    expect(await served.stat('a.txt')).toBe(STAT);
    expect(await served.stat('a.txt')).toMatchObject({ size: 6 });
    expect(await (await served.read('a.txt'))!.text()).toBe('stored');
    expect(calls).toEqual(['read a.txt', 'stat d', 'list ', 'stat a.txt', 'read a.txt']);
  });
});

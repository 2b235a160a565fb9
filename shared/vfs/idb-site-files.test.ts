import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdbVfs } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import { withReadAhead } from './read-ahead.ts';
import { closeVfs, dirItem, fileItem, memoryVfs, readText, siteRecord } from './testing.ts';
import type { FileStat, SiteFiles } from './types.ts';

const ODD = 'odd #?%&<>"\' name.txt';
const BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

let vfs: IdbVfs;
let files: SiteFiles;
let storedBy: string;

beforeEach(async () => {
  vfs = await memoryVfs();
  ({ site: { storageId: storedBy } } = await importSite(vfs, 'site', [
    fileItem('index.html', '<h1>hi</h1>', 1_000),
    fileItem('with space/a b.txt', 'spaced'),
    fileItem(`docs/${ODD}`, 'odd'),
    fileItem('docs/naïve café/日本語.md', 'ünïcödé'),
    fileItem('docs/🚀/🎉.bin', BYTES, 2_000),
    dirItem('empty'),
    dirItem('docs/empty too'),
  ]));
  files = (await vfs.siteFiles('site'))!;
});
afterEach(() => {
  vi.restoreAllMocks();
  closeVfs(vfs);
});

const names = (stats: FileStat[]) => stats.map((stat) => `${stat.name}${stat.kind === 'directory' ? '/' : ''}`).sort();

describe('stat', () => {
  it('describes a file', async () => {
    expect(await files.stat('index.html')).toEqual({ name: 'index.html', kind: 'file', size: 11, mtime: 1_000, storedBy });
    expect(await files.stat('docs/🚀/🎉.bin')).toEqual({ name: '🎉.bin', kind: 'file', size: 256, mtime: 2_000, storedBy });
  });

  it('describes directories, the root and empty ones included', async () => {
    for (const [path, name] of [['', ''], ['docs', 'docs'], ['empty', 'empty'], ['docs/empty too', 'empty too'], ['docs/naïve café', 'naïve café']]) {
      expect(await files.stat(path!)).toMatchObject({ name, kind: 'directory', size: 0 });
    }
  });

  it('finds names with spaces, URL metacharacters, quotes, non-ASCII and emoji', async () => {
    for (const path of ['with space/a b.txt', `docs/${ODD}`, 'docs/naïve café/日本語.md', 'docs/🚀', 'docs/🚀/🎉.bin']) {
      expect(await files.stat(path), path).toBeDefined();
    }
  });

  it('is undefined for what is not there', async () => {
    for (const path of ['missing', 'docs/missing', 'index.html/x', 'Index.html', 'docs/', '/docs']) {
      expect(await files.stat(path), path).toBeUndefined();
    }
  });
});

describe('list', () => {
  it('lists what is directly inside a directory, with stats', async () => {
    expect(names(await files.list(''))).toEqual(['docs/', 'empty/', 'index.html', 'with space/']);
    expect(names(await files.list('docs'))).toEqual(['empty too/', 'naïve café/', `${ODD}`, '🚀/']);
    expect(await files.list('docs/🚀')).toEqual([{ name: '🎉.bin', kind: 'file', size: 256, mtime: 2_000, storedBy }]);
  });

  it('lists an empty directory as empty, and never the root inside itself', async () => {
    expect(await files.list('empty')).toEqual([]);
    expect(await files.list('docs/empty too')).toEqual([]);
    expect((await files.list('')).map((stat) => stat.name)).not.toContain('');
  });

  it('lists nothing for a file or a missing path', async () => {
    expect(await files.list('index.html')).toEqual([]);
    expect(await files.list('missing')).toEqual([]);
  });

  it('is one range query on the (storageId, parent) index, touching no object store directly', async () => {
    const storeReads = ['getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'] as const;
    const storeSpies = storeReads.map((method) => vi.spyOn(IDBObjectStore.prototype, method));
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const { storageId } = (await siteRecord(vfs, 'site'))!;

    await files.list('docs');

    expect(indexGetAll).toHaveBeenCalledTimes(1);
    expect(indexGetAll.mock.contexts[0]).toMatchObject({ name: 'byParent', keyPath: ['storageId', 'parent'] });
    expect(indexGetAll.mock.calls[0]![0]).toEqual([storageId, 'docs']);
    for (const spy of storeSpies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('read', () => {
  it('gives back the bytes that were stored, as a Blob', async () => {
    const blob = await files.read('docs/🚀/🎉.bin');
    // fake-indexeddb stores Node's structuredClone of the File: a Blob with the same bytes
    // (Chromium gives back a File). Either way: a Blob, and the bytes are what counts.
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(BYTES);
    expect(await readText(files, `docs/${ODD}`)).toBe('odd');
    expect(await readText(files, 'docs/naïve café/日本語.md')).toBe('ünïcödé');
  });

  it('is undefined for a directory or a missing path', async () => {
    expect(await files.read('')).toBeUndefined();
    expect(await files.read('docs')).toBeUndefined();
    expect(await files.read('missing')).toBeUndefined();
  });

  it('keeps reading the import it was made for: after a replacement it finds nothing', async () => {
    await importSite(vfs, 'site', [fileItem('index.html', 'new')]);
    expect(await files.read('index.html')).toBeUndefined();
    expect(await readText((await vfs.siteFiles('site'))!, 'index.html')).toBe('new');
  });
});

describe('one transaction per file, and a memo of storage ids that is never trusted', () => {
  /** Two connections to one database: the app page's and the Service Worker's. */
  async function twoConnections(): Promise<{ page: IdbVfs; worker: IdbVfs }> {
    const factory = new IDBFactory();
    return { page: await IdbVfs.open(factory), worker: await IdbVfs.open(factory) };
  }

  it('serves a file seen before — lookup, stat and read — in one transaction', async () => {
    await files.stat('index.html'); // the site is in the memo now
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const again = (await vfs.siteFiles('site'))!;
    expect(await again.stat('index.html')).toMatchObject({ kind: 'file', size: 11 });
    expect(await (await again.read('index.html'))!.text()).toBe('<h1>hi</h1>');
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('opens a site for a request — options, stat and read of its path — in one transaction', async () => {
    await files.stat('index.html'); // the site is in the memo now
    await vfs.setSiteOptions('site', { spaFallback: true });
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const opened = (await vfs.openSite('site', 'index.html'))!;
    expect(opened.options.spaFallback).toBe(true);
    const served = withReadAhead(opened);
    expect(await served.stat('index.html')).toMatchObject({ kind: 'file', size: 11 });
    expect(await (await served.read('index.html'))!.text()).toBe('<h1>hi</h1>');
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('reads again what a request asks for other than the path read ahead, and reads ahead only once', async () => {
    const served = withReadAhead((await vfs.openSite('site', 'missing.txt'))!);
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await served.stat('missing.txt')).toBeUndefined();
    expect(transactions).toHaveBeenCalledTimes(0);
    expect(await served.stat('index.html')).toMatchObject({ kind: 'file' });
    expect(await served.stat('missing.txt')).toBeUndefined();
    expect(transactions).toHaveBeenCalledTimes(2);
  });

  it('opens the site as another connection just replaced it, whatever the memo says', async () => {
    const { page, worker } = await twoConnections();
    await importSite(page, 'blog', [fileItem('a.txt', 'old')]);
    await withReadAhead((await worker.openSite('blog', 'a.txt'))!).stat('a.txt'); // the worker's memo has the old import
    await importSite(page, 'blog', [fileItem('a.txt', 'new', 1_700_000_001_000)]);
    const opened = await worker.openSite('blog', 'a.txt');
    expect(await readText(opened!.files, 'a.txt')).toBe('new');
  });

  it('leaves a storage error at the path read ahead to the handler, and still opens the site', async () => {
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'blobs' && Array.isArray(key) && key[1] === 'index.html') throw new DOMException('simulated', 'UnknownError');
      return get.call(this, key);
    });
    const opened = await vfs.openSite('site', 'index.html');
    expect(opened?.options).toBeDefined();
    await expect(withReadAhead(opened!).stat('index.html')).rejects.toThrow('simulated'); // the handler reads that as "nothing there"
  });

  it('opens no site that is not there', async () => {
    expect(await vfs.openSite('nope', '')).toBeUndefined();
    await vfs.deleteSite('site');
    expect(await vfs.openSite('site', 'index.html')).toBeUndefined();
  });

  it('follows a replacement made by another connection', async () => {
    const { page, worker } = await twoConnections();
    await importSite(page, 'blog', [fileItem('index.html', 'old')]);
    expect(await readText((await worker.siteFiles('blog'))!, 'index.html')).toBe('old');
    await importSite(page, 'blog', [fileItem('index.html', 'new', 1_700_000_001_000), fileItem('added.txt', 'added')]);
    const fresh = (await worker.siteFiles('blog'))!;
    expect(await fresh.stat('added.txt')).toMatchObject({ kind: 'file' });
    expect(await readText(fresh, 'index.html')).toBe('new');
    expect(names(await fresh.list(''))).toEqual(['added.txt', 'index.html']);
  });

  it('finds nothing once another connection deleted or renamed the site', async () => {
    const { page, worker } = await twoConnections();
    await importSite(page, 'gone', [fileItem('a.txt', 'a')]);
    await importSite(page, 'moved', [fileItem('b.txt', 'b')]);
    expect(await readText((await worker.siteFiles('gone'))!, 'a.txt')).toBe('a');
    expect(await readText((await worker.siteFiles('moved'))!, 'b.txt')).toBe('b');
    await page.deleteSite('gone');
    await page.renameSite('moved', 'elsewhere');
    const gone = await worker.siteFiles('gone');
    expect([await gone?.stat('a.txt'), await gone?.read('a.txt'), await gone?.list('')]).toEqual([undefined, undefined, []]);
    expect(await (await worker.siteFiles('moved'))?.stat('b.txt')).toBeUndefined();
    expect(await readText((await worker.siteFiles('elsewhere'))!, 'b.txt')).toBe('b');
  });

  it('gives what it read ahead as data: the path, its stat and its bytes', async () => {
    const opened = (await vfs.openSite('site', 'index.html'))!;
    expect(opened.readAhead).toMatchObject({ path: 'index.html', stat: { name: 'index.html', kind: 'file', size: 11, storedBy } });
    expect(await opened.readAhead?.blob?.text()).toBe('<h1>hi</h1>');
    expect((await vfs.openSite('site', 'docs'))!.readAhead).toMatchObject({ path: 'docs', stat: { kind: 'directory' }, blob: undefined });
    expect((await vfs.openSite('site', 'nope'))!.readAhead).toEqual({ path: 'nope', stat: undefined, blob: undefined });
  });

  it('reads the Blob that a stat found whatever was asked in between, in no further transaction', async () => {
    await importSite(vfs, 'two', [fileItem('a.txt', 'first'), fileItem('b.txt', 'b')]);
    const served = (await vfs.siteFiles('two'))!;
    await served.stat('a.txt');
    await served.stat('b.txt');
    await served.list('');
    await importSite(vfs, 'two', [fileItem('a.txt', 'second!')]);
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await (await served.read('a.txt'))?.text()).toBe('first');
    expect(transactions).toHaveBeenCalledTimes(0);
  });

  it('reads the Blob that its stat found, not one stored after it', async () => {
    await importSite(vfs, 'two', [fileItem('a.txt', 'first')]);
    const served = (await vfs.siteFiles('two'))!;
    expect(await served.stat('a.txt')).toMatchObject({ size: 5 });
    await importSite(vfs, 'two', [fileItem('a.txt', 'second!')]);
    expect(await (await served.read('a.txt'))?.text()).toBe('first');
  });
});

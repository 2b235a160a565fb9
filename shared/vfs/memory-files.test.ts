import { describe, expect, it } from 'vitest';
import { MemoryFiles } from './memory-files.ts';

describe('MemoryFiles', () => {
  it('stats files and the directories created for them', async () => {
    const files = new MemoryFiles().addFile('a/b/c.txt', 'héllo', 1_000).addDirectory('a/e', 2_000);
    expect(await files.stat('a/b/c.txt')).toEqual({ name: 'c.txt', kind: 'file', size: 6, mtime: 1_000 });
    expect(await files.stat('a/b')).toEqual({ name: 'b', kind: 'directory', size: 0, mtime: 0 });
    expect(await files.stat('a/e')).toEqual({ name: 'e', kind: 'directory', size: 0, mtime: 2_000 });
    expect(await files.stat('')).toEqual({ name: '', kind: 'directory', size: 0, mtime: 0 });
    expect(await files.stat('a/x')).toBeUndefined();
  });

  it('lists children in the order added', async () => {
    const files = new MemoryFiles().addFile('b', '').addDirectory('a').addFile('a/z', '').addFile('c', '');
    expect((await files.list('')).map((entry) => entry.name)).toEqual(['b', 'a', 'c']);
    expect((await files.list('a')).map((entry) => entry.name)).toEqual(['z']);
    expect(await new MemoryFiles().list('')).toEqual([]);
  });

  it('rejects listing a file or a missing path', async () => {
    const files = new MemoryFiles().addFile('f', '');
    await expect(files.list('f')).rejects.toThrow('not a directory');
    await expect(files.list('missing')).rejects.toThrow('not a directory');
  });

  it('reads the stored Blob, whatever the content was given as', async () => {
    const blob = new Blob(['as blob']);
    const files = new MemoryFiles()
      .addFile('text', 'as text')
      .addFile('bytes', new TextEncoder().encode('as bytes'))
      .addFile('blob', blob);
    expect(await (await files.read('text'))?.text()).toBe('as text');
    expect(await (await files.read('bytes'))?.text()).toBe('as bytes');
    expect(await files.read('blob')).toBe(blob);
    expect(await files.read('')).toBeUndefined();
    expect(await files.read('missing')).toBeUndefined();
  });

  it('replaces a file in place, keeping its listing position', async () => {
    const files = new MemoryFiles().addFile('a', 'one').addFile('b', '').addFile('a', 'three', 5);
    expect((await files.list('')).map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(await files.stat('a')).toEqual({ name: 'a', kind: 'file', size: 5, mtime: 5 });
  });

  it('keeps an existing directory', async () => {
    const files = new MemoryFiles().addDirectory('d', 7).addFile('d/x', '').addDirectory('d', 9);
    expect(await files.stat('d')).toEqual({ name: 'd', kind: 'directory', size: 0, mtime: 7 });
    expect((await files.list('d')).map((entry) => entry.name)).toEqual(['x']);
  });

  it('refuses to turn a file into a directory or back', () => {
    const files = new MemoryFiles().addFile('f', '').addDirectory('d');
    expect(() => files.addDirectory('f')).toThrow('is a file');
    expect(() => files.addFile('f/x', '')).toThrow('is a file');
    expect(() => files.addFile('d', '')).toThrow('is a directory');
    expect(() => files.addFile('', '')).toThrow('is a directory');
  });

  it.each(['/a', 'a/', 'a//b', './a', 'a/..', 'a\0b'])('refuses the path %j', (path) => {
    expect(() => new MemoryFiles().addFile(path, '')).toThrow('invalid site path');
  });
});

import { describe, expect, it } from 'vitest';
import { fakeFolder } from './fake-folder-handle.ts';
import { droppedFolderHandles, withHandles } from './folder-access.ts';

/** A drop's DataTransfer as far as droppedFolderHandles reads it. */
function dropOf(items: { kind: string; getAsFileSystemHandle?: () => Promise<unknown> }[]): DataTransfer {
  return { items } as unknown as DataTransfer;
}

describe('droppedFolderHandles', () => {
  it('keeps the handles of dropped folders only', async () => {
    const blog = fakeFolder('blog', {});
    const handles = await droppedFolderHandles(
      dropOf([
        { kind: 'file', getAsFileSystemHandle: async () => blog },
        { kind: 'file', getAsFileSystemHandle: async () => ({ kind: 'file', name: 'site.zip' }) },
        { kind: 'string' },
      ]),
    );
    expect(handles).toEqual([blog]);
  });

  it('gives none, without failing, where the browser has no handles or refuses one', async () => {
    const refused = async () => {
      throw new DOMException('', 'NotAllowedError');
    };
    expect(await droppedFolderHandles(dropOf([{ kind: 'file' }, { kind: 'file', getAsFileSystemHandle: refused }]))).toEqual([]);
  });
});

describe('withHandles', () => {
  it('gives each folder the handle of its name, and leaves the others without', () => {
    const blog = fakeFolder('blog', {});
    const folders = withHandles([{ folderName: 'blog', items: [] }, { folderName: 'docs', items: [] }], [blog]);
    expect(folders[0]).toEqual({ folderName: 'blog', items: [], handle: blog });
    expect(folders[1]).toEqual({ folderName: 'docs', items: [] });
  });
});

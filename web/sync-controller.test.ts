import { describe, expect, it } from 'vitest';
import { fakeParts } from './fake-app-parts.ts';
import { fakeFolder } from './fake-folder-handle.ts';
import type { FolderSelection } from './folder-selection.ts';
import { SyncController } from './sync-controller.ts';

function setUp() {
  const parts = fakeParts();
  const enqueued: [string[], string | undefined][] = [];
  const imports = {
    enqueue: async (folders: readonly FolderSelection[], siteName?: string) => void enqueued.push([folders.map((f) => f.folderName), siteName]),
  };
  return { parts, enqueued, syncing: new SyncController({ imports, notices: parts.notices }) };
}

describe('SyncController', () => {
  it('reads the folder again through its handle and imports it into the site, whatever the folder is called now', async () => {
    const { parts, enqueued, syncing } = setUp();
    const handle = fakeFolder('Blog folder', { 'a.txt': 'a' });
    handle.permission = 'granted';
    await syncing.sync('blog', handle);
    expect(enqueued).toEqual([[['Blog folder'], 'blog']]);
    expect(parts.log).toEqual([]);
  });

  it('says why the folder could not be read, replacing the status, and imports nothing', async () => {
    const { parts, enqueued, syncing } = setUp();
    const handle = fakeFolder('Blog folder', {});
    handle.answer = 'denied';
    await syncing.sync('blog', handle);
    expect(enqueued).toEqual([]);
    expect(parts.log).toEqual([
      'status hidden',
      'error: dropserve was not allowed to read the folder “Blog folder”. Nothing was changed — press Sync again and allow it, or drop the folder here again.',
    ]);
  });

  it('reads through the reader it is given', async () => {
    const parts = fakeParts();
    const read: string[] = [];
    const syncing = new SyncController({
      imports: { enqueue: async () => undefined },
      notices: parts.notices,
      readFolder: async (handle) => (read.push(handle.name), { folderName: handle.name, items: [] }),
    });
    await syncing.sync('blog', fakeFolder('b', {}));
    expect(read).toEqual(['b']);
  });
});

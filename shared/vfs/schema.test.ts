import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { IdbVfs, VfsError } from './idb-vfs.ts';
import { importSite } from './import-site.ts';
import { DB_NAME, SCHEMA_VERSION } from './schema.ts';
import { closeVfs, fileItem, readText } from './testing.ts';

let factory: IDBFactory;
const open: IdbVfs[] = [];
const openVfs = async () => {
  const vfs = await IdbVfs.open(factory);
  open.push(vfs);
  return vfs;
};
afterEach(() => {
  for (const vfs of open.splice(0)) closeVfs(vfs);
});

/** A raw request's outcome, for the steps that bypass IdbVfs. */
function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('schema', () => {
  it('is version 2, two upgrade steps', () => {
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('creates every store and the listing index on an empty database', async () => {
    factory = new IDBFactory();
    const db = unwrap(await (await openVfs()).database());
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).toEqual(['blobs', 'entries', 'folderHandles', 'sites', 'staging']);
    const tx = db.transaction([...db.objectStoreNames]);
    const shape = (name: string) => {
      const store = tx.objectStore(name);
      return { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes: [...store.indexNames] };
    };
    expect(shape('sites')).toEqual({ keyPath: 'name', autoIncrement: false, indexes: [] });
    expect(shape('entries')).toEqual({ keyPath: ['storageId', 'path'], autoIncrement: false, indexes: ['byBlob', 'byParent'] });
    expect(shape('blobs')).toEqual({ keyPath: null, autoIncrement: false, indexes: [] });
    expect(shape('staging')).toEqual({ keyPath: 'storageId', autoIncrement: false, indexes: [] });
    expect(shape('folderHandles')).toEqual({ keyPath: null, autoIncrement: false, indexes: [] });
    const byParent = tx.objectStore('entries').index('byParent');
    expect({ keyPath: byParent.keyPath, unique: byParent.unique, multiEntry: byParent.multiEntry }).toEqual({
      keyPath: ['storageId', 'parent'],
      unique: false,
      multiEntry: false,
    });
    const byBlob = tx.objectStore('entries').index('byBlob');
    expect({ keyPath: byBlob.keyPath, unique: byBlob.unique }).toEqual({ keyPath: 'blob', unique: false });
  });

  it('keeps the stored sites when the database is opened again', async () => {
    factory = new IDBFactory();
    const first = await openVfs();
    await importSite(first, 'kept', [fileItem('a.txt', 'still here')]);
    closeVfs(first);
    const again = await openVfs();
    expect((await again.listSites()).map((site) => site.name)).toEqual(['kept']);
    expect(await readText((await again.siteFiles('kept'))!, 'a.txt')).toBe('still here');
  });

  it('says so plainly when the stored database is newer than this code', async () => {
    factory = new IDBFactory();
    (await settle(factory.open(DB_NAME, SCHEMA_VERSION + 1))).close();
    const error = await IdbVfs.open(factory).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VfsError);
    expect(error).toMatchObject({ code: 'newer-schema', message: expect.stringContaining('newer version of dropserve') });
  });

  it('steps aside for a newer version: the open connection closes instead of blocking its upgrade', async () => {
    factory = new IDBFactory();
    const vfs = await openVfs();
    let blocked = false;
    const request = factory.open(DB_NAME, SCHEMA_VERSION + 1);
    request.onblocked = () => (blocked = true);
    (await settle(request)).close();
    expect(blocked).toBe(false);
    // This code cannot use the newer layout, and says why instead of failing obscurely.
    await expect(vfs.listSites()).rejects.toMatchObject({ code: 'newer-schema' });
  });

  it('opens again when the browser closed the connection', async () => {
    factory = new IDBFactory();
    const vfs = await openVfs();
    await importSite(vfs, 'site', [fileItem('a.txt', 'a')]);
    const before = await vfs.database();
    forceCloseDatabase(unwrap(before) as never);
    await expect.poll(() => vfs.database()).not.toBe(before);
    expect((await vfs.listSites()).map((site) => site.name)).toEqual(['site']);
  });
});

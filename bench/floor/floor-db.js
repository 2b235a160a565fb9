// The floor's storage, in raw IndexedDB with no library: what any static-file SW must at least do.
// A classic script shared by the floor's page and SW (importScripts), and injected by the bench
// into dropserve's app page for the import floor ("the same Files, from the same page").
// Like dropserve, metadata and bytes live in separate stores, so a listing never touches a Blob:
//   meta  {site, path, dir, name, size, type, mtime}  key [site, path], index byDir [site, dir]
//   blobs Blob                                        key [site, path] (out of line)
var floorDb = (() => {
  const MIME = {
    html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8',
    txt: 'text/plain; charset=utf-8', png: 'image/png', woff2: 'font/woff2', dat: 'application/octet-stream',
  };
  const mimeOf = (path) => MIME[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const opened = new Map();
  function open(name = 'floor') {
    if (!opened.has(name)) {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('meta', { keyPath: ['site', 'path'] }).createIndex('byDir', ['site', 'dir']);
        r.result.createObjectStore('blobs');
      };
      opened.set(name, request(r));
    }
    return opened.get(name);
  }

  /** Stores `files` (from <input webkitdirectory>) as `site`, `batch` puts per transaction. */
  async function importFiles(files, { db: dbName, site = 'bench-site', batch = 500 } = {}) {
    const db = await open(dbName);
    let bytes = 0;
    for (let i = 0; i < files.length; i += batch) {
      const tx = db.transaction(['meta', 'blobs'], 'readwrite');
      const meta = tx.objectStore('meta');
      const blobs = tx.objectStore('blobs');
      for (const file of files.slice(i, i + batch)) {
        const rel = file.webkitRelativePath;
        const path = rel.slice(rel.indexOf('/') + 1);
        const slash = path.lastIndexOf('/');
        meta.put({ site, path, dir: path.slice(0, slash + 1), name: path.slice(slash + 1), size: file.size, type: mimeOf(path), mtime: file.lastModified });
        blobs.put(file, [site, path]);
        bytes += file.size;
      }
      tx.commit();
      await done(tx);
    }
    return { files: files.length, bytes };
  }

  async function clear(dbName) {
    const db = await open(dbName);
    const tx = db.transaction(['meta', 'blobs'], 'readwrite');
    tx.objectStore('meta').clear();
    tx.objectStore('blobs').clear();
    await done(tx);
  }

  /** One transaction, the metadata and the Blob read in parallel. */
  async function get(site, path) {
    const tx = (await open()).transaction(['meta', 'blobs']);
    const [meta, blob] = await Promise.all([request(tx.objectStore('meta').get([site, path])), request(tx.objectStore('blobs').get([site, path]))]);
    return meta && { meta, blob };
  }

  async function list(site, dir) {
    const tx = (await open()).transaction('meta');
    return request(tx.objectStore('meta').index('byDir').getAll(IDBKeyRange.only([site, dir])));
  }

  return { open, importFiles, clear, get, list };
})();

/**
 * The folder walker over what Firefox and Safari hand a page. Their automation cannot drop a
 * folder or put one on a file input, so folder import in those browsers is tested here, below the
 * browser, with fakes shaped after each engine's own code:
 *
 * - A drop (`DataTransferItem.webkitGetAsEntry()`, File and Directory Entries API): the entries,
 *   each engine's `FileSystemDirectoryReader.readEntries()` batching, and what
 *   `FileSystemFileEntry.file()` does with a file gone since the drop. Neither Firefox nor Safari
 *   has `DataTransferItem.getAsFileSystemHandle()`, so a drop there gives no folder handle.
 * - The folder picker (`<input webkitdirectory>`): a `FileList` of `File`s whose
 *   `File.webkitRelativePath` is `folder/sub/a.txt`, files only, in whatever order the browser
 *   listed them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from '../shared/vfs/import-plan.ts';
import { droppedFolderHandles, withHandles } from './folder-access.ts';
import { droppedEntries, foldersFromEntries } from './dropped-folders.ts';
import { type FolderSelection, SelectionError } from './folder-selection.ts';
import { folderFromFileList } from './folder-source.ts';

const LAST_MODIFIED = 1_700_000_000_000;

/** What each engine's entries do, where they differ. */
interface Engine {
  readonly name: string;
  /** The most entries one `readEntries()` call answers with; then it answers `[]`, for good. */
  readonly batch: number;
  /** Whether a `readEntries()` call made while one is pending fails with InvalidStateError. */
  readonly refusesOverlappingReads: boolean;
  /** Whether a directory's listing leaves out names that start with `.`. */
  readonly hidesDotNames: boolean;
  /** The DOMException name `readEntries()` fails with when the directory cannot be listed. */
  readonly listingError: string;
  /** The DOMException name `file()` fails with for a file gone since the drop; none: `file()` never fails. */
  readonly fileGoneError?: string;
}

/**
 * Firefox (dom/filesystem/compat): the first `readEntries()` answers with the whole directory
 * and marks the reader read, so every later call answers `[]`; a failed listing reaches the
 * error callback as InvalidStateError. `file()` hands over the `File` made when the directory
 * was listed, never looking at the disk again: a file gone since then fails only when it is read.
 */
const FIREFOX: Engine = { name: 'Firefox', batch: Infinity, refusesOverlappingReads: false, hidesDotNames: false, listingError: 'InvalidStateError' };

/**
 * WebKit/Safari (Source/WebCore/Modules/entriesapi): the first `readEntries()` answers with the
 * whole directory, later ones `[]`; a second call while one is pending fails (InvalidStateError);
 * hidden files (a leading `.`) are left out of every listing; a directory gone or unlistable is
 * NotFoundError. `file()` checks the path again and fails with NotFoundError when it is gone.
 */
const WEBKIT: Engine = { name: 'Safari', batch: Infinity, refusesOverlappingReads: true, hidesDotNames: true, listingError: 'NotFoundError', fileGoneError: 'NotFoundError' };

/** Chromium, for contrast: `readEntries()` answers with at most 100 entries a call, then `[]`. */
const CHROMIUM: Engine = { name: 'Chromium', batch: 100, refusesOverlappingReads: true, hidesDotNames: false, listingError: 'NotFoundError', fileGoneError: 'NotFoundError' };

/** A file deleted after the drop. */
const GONE = Symbol('gone');
/** A directory that exists but cannot be listed (no permission). */
const UNLISTABLE = Symbol('unlistable');

/**
 * A folder on disk: path → content. A path ending in `/` is a directory (`''`: nothing more than
 * what other paths put in it; `UNLISTABLE`: listing it fails); `GONE` is a file deleted after the drop.
 */
type Tree = Readonly<Record<string, string | typeof GONE | typeof UNLISTABLE>>;

/** Counts the `readEntries()` calls, per directory full path. */
type ReadLog = Map<string, number>;

/** The entry `webkitGetAsEntry()` gives for the dropped folder `name`. */
function droppedFolder(engine: Engine, name: string, tree: Tree, reads: ReadLog = new Map()): FileSystemDirectoryEntry {
  return directoryEntry(engine, tree, reads, name, `/${name}`, '');
}

function directoryEntry(engine: Engine, tree: Tree, reads: ReadLog, name: string, fullPath: string, prefix: string): FileSystemDirectoryEntry {
  const entry = {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader(): FileSystemDirectoryReader {
      let remaining: FileSystemEntry[] | undefined;
      let pending = false;
      return {
        readEntries(success: FileSystemEntriesCallback, failure?: ErrorCallback): void {
          reads.set(fullPath, (reads.get(fullPath) ?? 0) + 1);
          if (pending && engine.refusesOverlappingReads) {
            later(() => failure?.(new DOMException('Directory reader is already reading', 'InvalidStateError')));
            return;
          }
          pending = true;
          later(() => {
            pending = false;
            if (tree[prefix] === UNLISTABLE) {
              failure?.(new DOMException('The directory could not be listed', engine.listingError));
              return;
            }
            remaining ??= childrenOf(engine, tree, reads, fullPath, prefix);
            success(remaining.splice(0, engine.batch));
          });
        },
      };
    },
  };
  return entry as unknown as FileSystemDirectoryEntry;
}

/** A directory's children, in the order the tree lists them (no engine sorts its listing). */
function childrenOf(engine: Engine, tree: Tree, reads: ReadLog, parentPath: string, prefix: string): FileSystemEntry[] {
  const names = new Set<string>();
  for (const path of Object.keys(tree)) {
    if (path.startsWith(prefix) && path !== prefix) names.add(path.slice(prefix.length).split('/')[0]!);
  }
  return [...names]
    .filter((name) => !(engine.hidesDotNames && name.startsWith('.')))
    .map((name) => {
      const path = prefix + name;
      const fullPath = `${parentPath}/${name}`;
      return path in tree ? fileEntry(engine, tree[path]!, name, fullPath) : directoryEntry(engine, tree, reads, name, fullPath, `${path}/`);
    });
}

function fileEntry(engine: Engine, content: Tree[string], name: string, fullPath: string): FileSystemEntry {
  const entry = {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file(success: FileCallback, failure?: ErrorCallback): void {
      later(() => {
        if (content === GONE && engine.fileGoneError) failure?.(new DOMException('Path does not exist', engine.fileGoneError));
        else success(content === GONE ? new GoneFile(name) : new File([content as string], name, { lastModified: LAST_MODIFIED }));
      });
    },
  };
  return entry as unknown as FileSystemEntry;
}

/** The `File` Firefox hands over for a file deleted after the drop: every read of it fails. */
class GoneFile extends File {
  constructor(name: string) {
    super(['until deleted'], name, { lastModified: LAST_MODIFIED });
  }
  override text(): Promise<string> {
    return Promise.reject(new DOMException('The file was deleted', 'NotReadableError'));
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file was deleted', 'NotReadableError'));
  }
  override stream(): never {
    throw new DOMException('The file was deleted', 'NotReadableError');
  }
}

/** Entries' callbacks always come later, from a task. */
function later(run: () => void): void {
  setTimeout(run, 0);
}

/**
 * A drop's `DataTransfer` as Firefox and Safari give it: one `kind: 'file'` item per dropped
 * thing, with `webkitGetAsEntry()` and no `getAsFileSystemHandle()`. `end()` is the end of the
 * `drop` event, after which the browser empties the item list.
 */
function firefoxOrSafariDrop(entries: FileSystemEntry[]): { data: DataTransfer; end(): void } {
  const items: { kind: string; type: string; webkitGetAsEntry(): FileSystemEntry | null }[] = entries.map((entry) => ({
    kind: 'file',
    type: '',
    webkitGetAsEntry: () => entry,
  }));
  return { data: { items } as unknown as DataTransfer, end: () => void items.splice(0) };
}

/** A `File` as the folder picker gives it. */
function picked(relativePath: string, content: string, name = relativePath.slice(relativePath.lastIndexOf('/') + 1)): File {
  const file = new File([content], name, { lastModified: LAST_MODIFIED });
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath });
  return file;
}

/** `input.files`: array-like and iterable, not an Array. */
function fileList(files: readonly File[]): FileList {
  const list: Record<number, File> & { length: number; item(index: number): File | null; [Symbol.iterator](): Iterator<File> } = {
    length: files.length,
    item: (index) => files[index] ?? null,
    [Symbol.iterator]: () => files[Symbol.iterator](),
  };
  files.forEach((file, index) => (list[index] = file));
  return list as unknown as FileList;
}

/** A selection's items, sorted: `dir/` for a directory, `path (N bytes)` for a file. */
function listing(folder: FolderSelection): string[] {
  return folder.items.map((item) => (item.kind === 'directory' ? `${item.path}/` : `${item.path} (${item.file.size} bytes)`)).sort();
}

/** A folder with nested and empty directories, names with spaces and non-ASCII (a decomposed é in one), and hidden files. */
const SITE: Tree = {
  'index.html': '<h1>Hi</h1>',
  'css/site.css': 'body{}',
  'css/img/logo.svg': '<svg/>',
  'empty/': '',
  'a/b/c/': '',
  'My Docs/été 2024/photo 1.txt': 'é',
  'naïve — ünïcode.txt': 'ü!',
  'cafe\u0301.html': 'x',
  '.htaccess': 'Deny',
  '.well-known/security.txt': 'Contact: me',
};

/** SITE as every engine lists it… */
const SITE_LISTING = [
  'My Docs/',
  'My Docs/été 2024/',
  'My Docs/été 2024/photo 1.txt (2 bytes)',
  'a/',
  'a/b/',
  'a/b/c/',
  'cafe\u0301.html (1 bytes)', // as the disk spells it: the walker does not normalize names
  'css/',
  'css/img/',
  'css/img/logo.svg (6 bytes)',
  'css/site.css (6 bytes)',
  'empty/',
  'index.html (11 bytes)',
  'naïve — ünïcode.txt (3 bytes)',
].sort();

/** …and what Firefox and Chromium list besides: Safari leaves hidden files out of a drop. */
const SITE_DOT_NAMES = ['.htaccess (4 bytes)', '.well-known/', '.well-known/security.txt (11 bytes)'];

describe.each([FIREFOX, WEBKIT, CHROMIUM])('a folder dropped in $name', (engine) => {
  it('is walked into every file with its size and every directory, empty ones too', async () => {
    const [folder, ...more] = await foldersFromEntries([droppedFolder(engine, 'My site', SITE)]);
    expect(more).toEqual([]);
    expect(folder!.folderName).toBe('My site');
    expect(listing(folder!)).toEqual([...SITE_LISTING, ...(engine.hidesDotNames ? [] : SITE_DOT_NAMES)].sort());
    expect(() => planImport(folder!.items)).not.toThrow(); // every path is one the import takes
  });

  it('keeps each file as the File that file() gave, unread', async () => {
    const [folder] = await foldersFromEntries([droppedFolder(engine, 'f', { 'a b/ü.txt': 'über' })]);
    const item = folder!.items.find((candidate) => candidate.kind === 'file');
    expect(item).toMatchObject({ path: 'a b/ü.txt', kind: 'file' });
    const file = (item as { file: File }).file;
    expect(file).toBeInstanceOf(File);
    expect({ name: file.name, size: file.size, lastModified: file.lastModified, text: await file.text() }).toEqual({
      name: 'ü.txt',
      size: 5,
      lastModified: LAST_MODIFIED,
      text: 'über',
    });
  });

  it(`reads a directory to the end, however ${engine.name} batches readEntries(), and stops at its first []`, async () => {
    const tree: Tree = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`big/f${i}.txt`, 'x'.repeat(i)]));
    const reads: ReadLog = new Map();
    const [folder] = await foldersFromEntries([droppedFolder(engine, 'many', tree, reads)]);
    const expected = ['big/', ...Array.from({ length: 200 }, (_, i) => `big/f${i}.txt (${i} bytes)`)].sort();
    expect(listing(folder!)).toEqual(expected);
    // 200 entries: Chromium answers 100, 100, then []; Firefox and Safari all 200, then [].
    expect(Object.fromEntries(reads)).toEqual({ '/many': 2, '/many/big': engine.batch === 100 ? 3 : 2 });
  });

  it('reads an empty folder as a folder with no items', async () => {
    const [folder] = await foldersFromEntries([droppedFolder(engine, 'blank', {})]);
    expect(folder).toEqual({ folderName: 'blank', items: [] });
  });

  it(`says which directory ${engine.name} could not list, and that nothing was imported`, async () => {
    const walk = foldersFromEntries([droppedFolder(engine, 'f', { 'ok.txt': 'ok', 'sub/locked/': UNLISTABLE, 'sub/locked/a.txt': 'a' })]);
    await expect(walk).rejects.toBeInstanceOf(SelectionError);
    await expect(walk).rejects.toThrow(`Could not read “sub/locked” (${engine.listingError}) — nothing was imported and your sites are unchanged.`);
  });

  it('takes several folders dropped at once, one selection each, in drop order', async () => {
    const folders = await foldersFromEntries([droppedFolder(engine, 'b', { 'x.txt': 'x' }), droppedFolder(engine, 'a', { 'y/': '' })]);
    expect(folders.map((folder) => [folder.folderName, listing(folder)])).toEqual([
      ['b', ['x.txt (1 bytes)']],
      ['a', ['y/']],
    ]);
  });
});

describe.each([WEBKIT, CHROMIUM])('a file gone since the drop, in $name', (engine) => {
  it('fails the walk: file() calls its error callback, and the message names the file', async () => {
    const walk = foldersFromEntries([droppedFolder(engine, 'f', { 'ok.txt': 'ok', 'sub/gone me.txt': GONE })]);
    await expect(walk).rejects.toBeInstanceOf(SelectionError);
    await expect(walk).rejects.toThrow('Could not read “sub/gone me.txt” (NotFoundError) — nothing was imported and your sites are unchanged.');
  });
});

describe('a file gone since the drop, in Firefox', () => {
  it('is still listed, since file() never fails there: its read fails later, when the import stores it', async () => {
    const [folder] = await foldersFromEntries([droppedFolder(FIREFOX, 'f', { 'ok.txt': 'ok', 'gone.txt': GONE })]);
    expect(listing(folder!)).toEqual(['gone.txt (13 bytes)', 'ok.txt (2 bytes)']);
    const gone = folder!.items.find((item) => item.path === 'gone.txt') as { file: File };
    await expect(gone.file.text()).rejects.toThrow('The file was deleted');
  });
});

describe('a drop in Firefox or Safari, as the page handles it', () => {
  it('gives the folder without a handle (no getAsFileSystemHandle), from entries taken while the drop lasted', async () => {
    const drop = firefoxOrSafariDrop([droppedFolder(FIREFOX, 'blog', { 'index.html': 'hi', 'img/': '' })]);
    const handles = droppedFolderHandles(drop.data); // as web/main.ts does, inside `drop`
    const entries = droppedEntries(drop.data);
    drop.end();
    const [folders, folderHandles] = await Promise.all([foldersFromEntries(entries), handles]);
    expect(folderHandles).toEqual([]);
    const [folder, ...more] = withHandles(folders, folderHandles);
    expect(more).toEqual([]);
    expect(folder).not.toHaveProperty('handle');
    expect(folder!.folderName).toBe('blog');
    expect(listing(folder!)).toEqual(['img/', 'index.html (2 bytes)']);
  });

  it('refuses a loose file dropped with a folder, naming it', async () => {
    const loose = fileEntry(FIREFOX, 'hi', 'notes.txt', '/notes.txt');
    await expect(foldersFromEntries([droppedFolder(FIREFOX, 'blog', {}), loose])).rejects.toThrow(
      'dropserve serves folders and .zip archives: “notes.txt” is a file. Drop the folder that holds it.',
    );
  });
});

describe('a folder picked with <input webkitdirectory> in Firefox or Safari', () => {
  /** The files of `Pics/`, a nested folder with an empty `Pics/empty/` the picker does not report. */
  const files = () => [
    picked('Pics/2024 été/Été 1.jpg', 'JPEG-1'),
    picked('Pics/index.html', '<img>'),
    picked('Pics/2024 été/raw/x y.cr2', 'RAW'),
    picked('Pics/ünï.txt', 'ü'),
  ];
  const PICS_LISTING = ['2024 été/raw/x y.cr2 (3 bytes)', '2024 été/Été 1.jpg (6 bytes)', 'index.html (5 bytes)', 'ünï.txt (2 bytes)'].sort();

  it('gives every file at its path within the folder, with its size; no directories, no handle', () => {
    const given = files();
    const folder = folderFromFileList(fileList(given));
    expect(folder.folderName).toBe('Pics');
    expect(folder).not.toHaveProperty('handle');
    expect(listing(folder)).toEqual(PICS_LISTING);
    expect(folder.items.map((item) => (item as { file: File }).file)).toEqual(given); // the picker's own Files
    expect(planImport(folder.items)).toMatchObject({ filesTotal: 4, dirCount: 2 }); // `2024 été`, `2024 été/raw`: implied
  });

  it('gives the same folder whatever order the browser lists the files in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(files(), { minLength: 4, maxLength: 4 }), (order) => {
        const folder = folderFromFileList(fileList(order));
        expect(folder.folderName).toBe('Pics');
        expect(listing(folder)).toEqual(PICS_LISTING);
      }),
      { numRuns: 30 },
    );
  });

  it('says that a folder without files must be dropped instead', () => {
    expect(() => folderFromFileList(fileList([]))).toThrow(SelectionError);
    expect(() => folderFromFileList(fileList([]))).toThrow(/^The folder picker found no files in that folder\. If the folder is empty, drop it here instead/);
  });

  it('refuses files picked without their folder (a browser that ignores webkitdirectory) instead of making nameless paths', () => {
    const loose = [picked('', 'a', 'a.txt'), picked('', 'b', 'b.txt')];
    expect(() => folderFromFileList(fileList(loose))).toThrow(SelectionError);
    expect(() => folderFromFileList(fileList(loose))).toThrow(/^This browser picked files without the folder they are in/);
    expect(() => folderFromFileList(fileList([picked('Pics/a.txt', 'a'), picked('', 'b', 'b.txt')]))).toThrow(SelectionError);
  });
});

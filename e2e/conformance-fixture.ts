/**
 * The folders the differential suite serves from both CPython's http.server and dropserve: one
 * imported through the folder picker (`folder-input`), and one with empty directories, which only
 * a drop can import. Every file and directory gets a fixed mtime, so `Last-Modified` and
 * `If-Modified-Since` answers are the same on every run.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The site names, which are also the folders' names. */
export const PICKED_SITE = 'conformance';
export const DROPPED_SITE = 'conformance-drop';

/** The mtime of `ims.html` (and of the index page `index-html/index.html`), with a fraction Python truncates. */
export const IMS_TIME = Date.UTC(2020, 0, 2, 3, 4, 5, 678);
/** The mtime of everything else. */
const FILE_TIME = Date.UTC(2021, 2, 4, 5, 6, 7, 890);

/**
 * Names that exercise quoting, escaping, sorting and decoding. No two are equal once lowercased:
 * Python would list such a pair in the host's directory order, which nothing can reproduce.
 */
export const AWKWARD_NAMES = [
  'a b.txt', 'plus+sign.txt', '100%.txt', '%25.txt', 'amp&lt;.txt', '&<>"\'.txt', 'café.txt', 'naïve résumé.txt',
  '日本語.txt', '😀.txt', 'hash#tag.txt', 'what?.txt', 'semi;colon.txt', "eq=,$!'()*.txt", '[br].txt', '{cb}.txt',
  '^caret.txt', '|pipe.txt', '`bt`.txt', 'tilde~.txt', 'a:b.txt', 'Zed.txt', 'zed2.txt', 'Émile.txt', '_under.txt',
  '-dash.txt', 'UPPER.TXT', 'tab\tname.txt', 'ＦＵＬＬ.txt', 'k\u212a.txt', '\ue000.txt', '.dotfile',
];

/**
 * Only a drop imports this name as it is: the folder picker's `webkitRelativePath` reports the
 * backslash as a `/` (deviation 18).
 */
export const BACKSLASH_NAME = 'back\\slash.txt';

/** Directories inside `names/`, each holding `inner.txt`. */
export const AWKWARD_DIRECTORIES = ['dir with space', 'd&<>"\'x', 'Ü dir'];

/** Extensions of `types/x.<ext>`: every type a static site serves, and the odd cases of `guess_type`. */
export const EXTENSIONS = [
  'html', 'htm', 'css', 'js', 'mjs', 'json', 'map', 'svg', 'svgz', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico',
  'woff', 'woff2', 'ttf', 'otf', 'wasm', 'txt', 'md', 'xml', 'pdf', 'zip', 'gz', 'tar.gz', 'tgz', 'tar', 'mp4', 'webm',
  'mp3', 'wav', 'ogg', 'webmanifest', 'csv', 'py', 'c', 'ts', 'sh', 'svg.gz', 'js.br', 'Z', 'bz2', 'xz', 'unknownext',
];

/** Other names in `types/`: upper-case extensions, no extension, dot-only names. */
export const OTHER_TYPE_NAMES = ['PAGE.HTML', 'PIC.PNG', 'APP.JS', 'README.TXT', 'Style.Css', 'DATA.JSON', 'BACKUP.TAR.GZ', 'DUMP.GZ', 'noext', 'Makefile', '.hidden', 'f.'];

/** Some bytes that are not text: every byte value once, after a tag naming the file. */
function contentFor(name: string): Buffer {
  return Buffer.concat([Buffer.from(`${name}\n`), Buffer.from(Array.from({ length: 256 }, (_, byte) => byte))]);
}

class FolderBuilder {
  readonly #root: string;
  readonly #files: string[] = [];

  constructor(root: string) {
    this.#root = root;
    mkdirSync(root, { recursive: true });
  }

  file(relative: string, content: string | Buffer = `${relative}\n`): this {
    mkdirSync(path.dirname(path.join(this.#root, relative)), { recursive: true });
    writeFileSync(path.join(this.#root, relative), content);
    this.#files.push(relative);
    return this;
  }

  directory(relative: string): this {
    mkdirSync(path.join(this.#root, relative), { recursive: true });
    return this;
  }

  /** Sets every file's mtime (a directory's is never shown: listings have no `Last-Modified`). */
  stamp(times: ReadonlyMap<string, number> = new Map()): void {
    for (const relative of this.#files) {
      const time = (times.get(relative) ?? FILE_TIME) / 1000;
      utimesSync(path.join(this.#root, relative), time, time);
    }
  }
}

/** The folder imported through the picker: everything but empty directories. */
export function buildPickedFolder(root: string): void {
  const folder = new FolderBuilder(root)
    .file('hello.txt', 'hello\n')
    .file('empty.txt', '')
    .file('ims.html', '<!doctype html><title>ims</title>\n')
    .file('index-html/index.html', '<!doctype html><p>index.html</p>\n')
    .file('index-html/other.txt')
    .file('index-htm/index.htm', '<!doctype html><p>index.htm</p>\n')
    .file('index-both/index.html', '<!doctype html><p>both: html</p>\n')
    .file('index-both/index.htm', '<!doctype html><p>both: htm</p>\n')
    .file('index-is-dir/index.html/inner.txt')
    .file('index-is-dir-htm/index.html/inner.txt')
    .file('index-is-dir-htm/index.htm', '<!doctype html><p>htm beside a directory named index.html</p>\n')
    .file('deep/a/b/c/d/e/f/g/h/i/leaf.txt')
    .file('.dotdir/.env', 'SECRET=visible-as-in-python\n')
    .file('.dotdir/visible.txt');
  for (const name of AWKWARD_NAMES) folder.file(`names/${name}`, `name: ${name}\n`);
  for (const name of AWKWARD_DIRECTORIES) folder.file(`names/${name}/inner.txt`);
  for (const extension of EXTENSIONS) folder.file(`types/x.${extension}`, contentFor(`x.${extension}`));
  for (const name of OTHER_TYPE_NAMES) folder.file(`types/${name}`, contentFor(name));
  folder.stamp(new Map([['ims.html', IMS_TIME], ['index-html/index.html', IMS_TIME]]));
}

/** The folder imported by a drop: empty directories, and a directory named `index.html` that is empty. */
export function buildDroppedFolder(root: string): void {
  new FolderBuilder(root)
    .file('a.txt', 'a\n')
    .file(BACKSLASH_NAME)
    .directory('empty')
    .directory('nested/empty')
    .directory('nested/also empty')
    .directory('index-dir/index.html')
    .directory('.emptydot')
    .stamp();
}

/**
 * The requests the differential suite sends to both CPython's http.server and dropserve: generated
 * over the fixture's names, types and methods, plus hand-written cases for paths, queries, index
 * pages and conditional GET. Each is what a page passes to `fetch()`; the browser then normalises
 * it (encodes, resolves dot segments, upper-cases some methods), and both servers get the result.
 */
import { quoteUrlPath } from '../shared/http/percent-encoding.ts';
import { AWKWARD_DIRECTORIES, AWKWARD_NAMES, BACKSLASH_NAME, DROPPED_SITE, EXTENSIONS, IMS_TIME, OTHER_TYPE_NAMES, PICKED_SITE } from './conformance-fixture.ts';

export interface CorpusRequest {
  /** Unique and stable: `<site> <METHOD> <url>`, then any headers. Deviations are keyed by it. */
  readonly id: string;
  readonly site: string;
  /** As passed to `fetch()`. */
  readonly method: string;
  /** As passed to `fetch()`, relative to the site's root (`/a b.txt`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface RequestSpec {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

function request(site: string, url: string, { method = 'GET', headers = {}, body }: RequestSpec = {}): CorpusRequest {
  const headerText = Object.entries(headers).map(([name, value]) => ` [${name}: ${value}]`).join('');
  return { id: `${site} ${method} ${url}${headerText}`, site, method, url, headers, ...(body === undefined ? {} : { body }) };
}

const picked = (url: string, spec?: RequestSpec) => request(PICKED_SITE, url, spec);
const dropped = (url: string, spec?: RequestSpec) => request(DROPPED_SITE, url, spec);

/** Every method a page can send (fetch refuses CONNECT, TRACE and TRACK), in several spellings. */
const METHODS = [
  'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH',
  'get', 'head', 'post', 'put', 'delete', 'options', 'patch',
  'Get', 'Patch', 'PROPFIND', 'MKCOL', 'M-SEARCH', 'BREW',
];

function methods(): CorpusRequest[] {
  const bodiless = (method: string) => ['GET', 'HEAD'].includes(method.toUpperCase());
  return ['/hello.txt', '/names'].flatMap((url) =>
    METHODS.map((method) => picked(url, { method, ...(bodiless(method) ? {} : { body: 'field=value' }) })),
  );
}

/** Each name by its listing link, then a few as typed (the browser encodes what it must). */
function names(): CorpusRequest[] {
  const byLink = [...AWKWARD_NAMES, ...AWKWARD_DIRECTORIES.map((name) => `${name}/`)].map((name) =>
    picked(`/names/${quoteUrlPath(name)}`),
  );
  const asTyped = [
    'a b.txt', 'plus+sign.txt', '100%.txt', '&<>"\'.txt', 'café.txt', '日本語.txt', '😀.txt', 'hash#tag.txt', 'what?.txt',
    'semi;colon.txt', "eq=,$!'()*.txt", '[br].txt', '{cb}.txt', '^caret.txt', '|pipe.txt', '`bt`.txt', 'a:b.txt',
    'dir with space', 'dir with space/', 'Ü dir/inner.txt',
  ].map((name) => picked(`/names/${name}`));
  return [...byLink, ...asTyped];
}

/** Spellings of paths: escapes good and bad, `+`, `%25`, `%2F`, invalid UTF-8, dot segments, slashes. */
function paths(): CorpusRequest[] {
  return [
    '/', '/names/', '/deep/a/b/c/d/e/f/g/h/i/leaf.txt', '/deep/a/b/c/d/e/f/g/h/i/', '/deep/a/b/c/d/e/f/g/h/i',
    '/names/plus%20sign.txt', '/names/a+b.txt', '/names/a%2bb.txt',
    '/names/%25.txt', '/names/100%', '/names/%', '/names/%%', '/names/%zz',
    '/names/%2', '/%ZZ/', '/names/caf%c3%a9.txt', '/names/caf%E9.txt', '/names/cafe%CC%81.txt',
    '/%ff', '/%80/', '/names/%C3%28.txt', '/names/%ED%B3%BF.txt', '/names%2Fa%20b.txt',
    '/names%2f', '/names/a%20b.txt%2F', '/names/a%20b.txt/', '/names/a%20b.txt//', '/hello.txt/', '/names/%61%20b.txt',
    '/names/dir%20with%20space', '/names/d&<>"\'x',
    '/names/../hello.txt', '/names/%2e%2e/hello.txt', '/names/..%2Fhello.txt', '/names/./a%20b.txt', '/./names/',
    '//hello.txt', '//names/', '///names', '/names//', '/names//a%20b.txt', '/names/a%20b.txt%00', '/a%00b/',
    '/.dotdir/', '/.dotdir', '/.dotdir/.env', '/missing', '/missing/', '/missing.html',
  ].map((url) => picked(url));
}

/** Query strings (and fragments, which a browser never sends) on directories, files and redirects. */
function queries(): CorpusRequest[] {
  return [
    '/?', '/?q=1', '/names/?q=1', '/names/?a=1&b=2', '/names/?q=<b>&x="y"', '/names/?', '/names/?q=café',
    '/names/?q=a b', '/names/?q=%2F%3F', '/names/?%ff', '/names/?q=a\\b', '/names/?q=^|`{}',
    '/names?x=1', '/names?', '/names?x=1&y=%20', '/hello.txt?v=1', '/hello.txt?', '/hello.txt?a/b',
    '/names/#frag', '/names?x=1#frag', '/hello.txt#frag', '/names/?q=1#frag',
  ].map((url) => picked(url));
}

function types(): CorpusRequest[] {
  const files = [...EXTENSIONS.map((extension) => `x.${extension}`), ...OTHER_TYPE_NAMES].map((name) => `/types/${quoteUrlPath(name)}`);
  const heads = ['/types/x.html', '/types/x.png', '/types/x.wasm', '/types/x.tar.gz', '/types/PAGE.HTML', '/types/noext', '/types/'];
  return [...files.map((url) => picked(url)), ...heads.map((url) => picked(url, { method: 'HEAD' })), picked('/types/')];
}

function indexPages(): CorpusRequest[] {
  const urls = [
    '/index-html/', '/index-html', '/index-html/index.html', '/index-html/other.txt', '/index-htm/', '/index-htm',
    '/index-both/', '/index-both/index.htm', '/index-is-dir/', '/index-is-dir/index.html', '/index-is-dir/index.html/',
    '/index-is-dir-htm/', '/index-is-dir-htm/index.html/',
  ];
  const heads = ['/index-html/', '/index-html', '/index-is-dir/'];
  return [...urls.map((url) => picked(url)), ...heads.map((url) => picked(url, { method: 'HEAD' }))];
}

/** `If-Modified-Since` against `ims.html` (mtime `IMS_TIME`, 03:04:05.678 on 2 Jan 2020 UTC). */
function conditionals(): CorpusRequest[] {
  const exact = new Date(IMS_TIME).toUTCString(); // Thu, 02 Jan 2020 03:04:05 GMT
  const since = (value: string, extra: Record<string, string> = {}) => ({ headers: { 'If-Modified-Since': value, ...extra } });
  const values = [
    exact, 'Thu, 02 Jan 2020 03:04:04 GMT', 'Thu, 02 Jan 2020 03:04:06 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT',
    'Mon, 01 Jan 1990 00:00:00 GMT', 'garbage', '', '2020-01-02T03:04:05Z', 'Thu, 02 Jan 2020 04:04:05 +0100',
    'Thu, 02 Jan 2020 03:04:05 +0000', 'Thu, 02 Jan 2020 03:04:05 -0000', 'Thu, 02 Jan 2020 03:04:05 UT',
    'Thu, 02 Jan 2020 03:04:05 UTC', 'Thu, 02 Jan 2020 03:04:05 Z', 'Thu, 02 Jan 2020 03:04:05 EST',
    'Wed, 01 Jan 2020 22:04:05 EST', 'Thu, 02 Jan 2020 03:04:05 PST', 'Thu, 02 Jan 2020 03:04:05 XYZ',
    'Thu, 02 Jan 2020 03:04:05 +01:00', 'Thu, 02 Jan 2020 03:04:05', 'Thursday, 02-Jan-20 03:04:05 GMT',
    'Thu Jan  2 03:04:05 2020', 'thu, 02 jan 2020 03:04:05 gmt', '02 Jan 2020 03:04:05 GMT', 'Mon, 02 Jan 2020 03:04:05 GMT',
    'Thu, 02 January 2020 03:04:05 GMT', 'Thu, 32 Jan 2020 03:04:05 GMT', 'Thu, 02 Jan 2020 24:00:00 GMT',
    'Thu, 02 Jan 20 03:04:05 GMT', 'Thu, 02 Jan 2020 03.04.05 GMT', 'Thu, 02 Jan 2020 03:04 GMT',
  ];
  return [
    ...values.map((value) => picked('/ims.html', since(value))),
    picked('/ims.html', since(exact, { 'If-None-Match': '"abc"' })),
    picked('/ims.html', since(exact, { 'If-None-Match': '*' })),
    picked('/ims.html', { headers: { 'If-None-Match': '*' } }),
    picked('/ims.html', { method: 'HEAD', ...since(exact) }),
    picked('/index-html/', since(exact)),
    picked('/index-html/', since('Thu, 02 Jan 2020 03:04:04 GMT')),
    picked('/names/', since('Fri, 01 Jan 2100 00:00:00 GMT')),
    picked('/missing.html', since(exact)),
    picked('/index-html', since(exact)),
    picked('/hello.txt', { headers: { Range: 'bytes=0-1' } }),
  ];
}

/** The dropped folder: empty directories, an empty directory named `index.html`, a backslash in a name. */
function emptyDirectories(): CorpusRequest[] {
  return [
    dropped('/'), dropped('/empty/'), dropped('/empty'), dropped('/empty/?x=1'), dropped('/empty/?%ED%B3%BF'), dropped('/nested/'),
    dropped('/nested/empty/'), dropped('/nested/also%20empty/'), dropped('/nested/also empty'), dropped('/index-dir/'),
    dropped('/index-dir/index.html'), dropped('/index-dir/index.html/'), dropped('/.emptydot/'), dropped('/empty/missing'),
    dropped('/a.txt'), dropped(`/${quoteUrlPath(BACKSLASH_NAME)}`), dropped(`/${BACKSLASH_NAME}`), dropped('/empty/', { method: 'HEAD' }), dropped('/empty/', { method: 'POST', body: 'x' }),
  ];
}

export const CORPUS: readonly CorpusRequest[] = [
  ...methods(), ...names(), ...paths(), ...queries(), ...types(), ...indexPages(), ...conditionals(), ...emptyDirectories(),
];

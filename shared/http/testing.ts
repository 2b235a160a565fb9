/**
 * For tests only (never imported by the app): the site the reference captures were taken from,
 * and a way to run one request through a handler and look at everything it produced.
 */

import { MemoryFiles } from '../vfs/memory-files.ts';
import type { SiteFiles } from '../vfs/types.ts';
import { toWire } from './fetch-adapter.ts';
import type { HandlerResponse, ResponseBody } from './message.ts';
import { SimpleHTTPRequestHandler } from './simple-handler.ts';

/** The instant the Python captures were taken: `Date: Fri, 27 Nov 2026 13:02:41 GMT`. */
export const CAPTURE_TIME = Date.UTC(2026, 10, 27, 13, 2, 41);

/** The mtime of the captured files: `Last-Modified: Thu, 02 Jan 2020 03:04:05 GMT`. */
export const FILE_TIME = Date.UTC(2020, 0, 2, 3, 4, 5);

/** Names in `names/`, in the order `os.listdir` gave them during the captures. */
export const ODD_NAMES = [
  '%pct', '&<>"\'', 'plus+', 'space name', '|pipe', '\u{1F600}', '`bt`', 'Zed', '\ue000', 'ü', 'édir/', 'tab\tname',
  '#hash', '{cb}', '^caret', 'q?mark', "eq=,$!'()*", '_under', 'ＦＵＬＬ', 'k\u212a', '-dash', 'tilde~', '0zero',
  '.dot', 'zed2', 'semi;colon', 'a:b', '[br]', 'Sub Dir/', 'É', 'back\\slash', 'MiXeD.TXT',
];

/** The tree served by `python3 -m http.server` when the expected bytes were captured. */
export function capturedSite(): MemoryFiles {
  const files = new MemoryFiles()
    .addFile('a.txt', 'hello\n', FILE_TIME)
    .addFile('frac.txt', 'x', FILE_TIME + 999)
    .addFile('sub/b.txt', 'bee', FILE_TIME)
    .addDirectory('empty')
    .addFile('dir with space/c.txt', 'c', FILE_TIME)
    .addFile('withindex/index.html', '<p>index.html</p>\n', FILE_TIME)
    .addFile('withindex/index.htm', '<p>index.htm</p>\n', FILE_TIME)
    .addFile('htmonly/index.htm', '<p>htm</p>\n', FILE_TIME)
    .addDirectory('fakeindex/index.html')
    .addFile('fakeindex/index.htm', '<p>fake</p>\n', FILE_TIME)
    .addFile('d&<>"\'x/z.txt', 'z', FILE_TIME)
    .addFile('pages/page.html', '<h1>hi</h1>\n', FILE_TIME);
  for (const name of ODD_NAMES) {
    if (name.endsWith('/')) files.addDirectory(`names/${name.slice(0, -1)}`);
    else files.addFile(`names/${name}`, 'n', FILE_TIME);
  }
  for (const name of ['x.svgz', 'x.tar.gz', 'x.js', 'X.TXT.GZ', 'noext', '.hidden', 'f.', 'x.js.br', 'x.tgz']) {
    files.addFile(`ty/${name}`, name === 'x.svgz' || name === 'x.tar.gz' ? 'z' : '1', FILE_TIME);
  }
  return files;
}

export interface Exchange {
  readonly response: HandlerResponse;
  /** Status line and headers as Python writes them. */
  readonly head: string;
  /** The body's bytes (empty without a body). */
  readonly body: Uint8Array;
  /** The body as UTF-8 text. */
  readonly text: string;
  readonly log: readonly string[];
}

export interface ExchangeOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly files?: SiteFiles;
  readonly version?: string;
  readonly handler?: typeof SimpleHTTPRequestHandler;
}

/** Runs `method target` through a handler (by default over `capturedSite()`, at `CAPTURE_TIME`). */
export async function exchange(method: string, target: string, options: ExchangeOptions = {}): Promise<Exchange> {
  const log: string[] = [];
  const Handler = options.handler ?? SimpleHTTPRequestHandler;
  const handler = new Handler(
    {
      method,
      target,
      headers: new Headers(options.headers),
      version: options.version ?? 'HTTP/1.0',
      client: '127.0.0.1',
    },
    { files: options.files ?? capturedSite(), now: () => CAPTURE_TIME, log: (line) => log.push(line) },
  );
  const response = await handler.handle();
  const body = await bodyBytes(response.body);
  return { response, head: toWire(response), body, text: new TextDecoder().decode(body), log };
}

export async function bodyBytes(body: ResponseBody | null): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}

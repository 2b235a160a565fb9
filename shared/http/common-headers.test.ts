/**
 * `sendCommonHeaders` is the one step every answer passes through: a subclass that overrides it
 * adds its header to every kind of answer, once, just before the header block ends, and every
 * other byte of the answer stays what the parent class sends.
 */

import { describe, expect, it } from 'vitest';
import { FakeRunner } from '../cgi/testing.ts';
import type { BaseHTTPRequestHandler } from './base-handler.ts';
import { CGIHTTPRequestHandler, type CgiHandlerOptions } from './cgi-handler.ts';
import { toWire } from './fetch-adapter.ts';
import type { HandlerRequest } from './message.ts';
import { SimpleHTTPRequestHandler } from './simple-handler.ts';
import { bodyBytes, CAPTURE_TIME, capturedSite, FILE_TIME } from './testing.ts';

const STAMP = ['X-Stamp', 'every answer'] as const;

/** What each stamped handler's hook does: count the call and send the stamp. */
function stamp(handler: BaseHTTPRequestHandler & { hookCalls: number }): void {
  handler.hookCalls += 1;
  handler.sendHeader(...STAMP);
}

class StampedSimpleHandler extends SimpleHTTPRequestHandler {
  hookCalls = 0;
  override sendCommonHeaders(): void {
    stamp(this);
    super.sendCommonHeaders();
  }
}

/** Also the preview handler's answers (ETag 304, 206, 416, 404.html, SPA fallback), which it inherits. */
class StampedCgiHandler extends CGIHTTPRequestHandler {
  hookCalls = 0;
  override sendCommonHeaders(): void {
    stamp(this);
    super.sendCommonHeaders();
  }
}

type HandlerClass = new (request: HandlerRequest, options: CgiHandlerOptions) => BaseHTTPRequestHandler & { hookCalls?: number };

interface Request {
  readonly method?: string;
  readonly target: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly options?: Partial<CgiHandlerOptions>;
}

function site() {
  return capturedSite()
    .addFile('404.html', '<p>not here</p>', FILE_TIME)
    .addFile('index.html', '<p>app</p>', FILE_TIME)
    .addFile('cgi-bin/hello.mjs', 'script', FILE_TIME)
    .addFile('cgi-bin/moved.mjs', 'script', FILE_TIME)
    .addFile('cgi-bin/empty.mjs', 'script', FILE_TIME);
}

function runner() {
  return new FakeRunner({
    'cgi-bin/hello.mjs': ({ write }) => write('Content-Type: text/plain\n\nhello'),
    'cgi-bin/moved.mjs': ({ write }) => write('Location: /a.txt\n\n'),
    'cgi-bin/empty.mjs': ({ write }) => write('Status: 204 Nothing\n\nignored'),
  });
}

async function answer(Handler: HandlerClass, { method = 'GET', target, headers = {}, options = {} }: Request) {
  const handler = new Handler(
    { method, target, headers: new Headers(headers), version: 'HTTP/1.0', client: '127.0.0.1' },
    { files: site(), runner: runner(), now: () => CAPTURE_TIME, ...options },
  );
  const response = await handler.handle();
  return { handler, response, head: toWire(response), body: await bodyBytes(response.body) };
}

/** The parent's head with the stamp as its last header line. */
function stamped(head: string): string {
  return `${head.slice(0, -2)}${STAMP[0]}: ${STAMP[1]}\r\n\r\n`;
}

const simpleAnswers: readonly (readonly [kind: string, request: Request, status: number])[] = [
  ['a file', { target: '/a.txt' }, 200],
  ['a file for HEAD', { method: 'HEAD', target: '/a.txt' }, 200],
  ['an index page', { target: '/withindex/' }, 200],
  ['a listing', { target: '/sub/' }, 200],
  ['a listing for HEAD', { method: 'HEAD', target: '/sub/' }, 200],
  ['a redirect', { target: '/sub?q=1' }, 301],
  ['a 304 by date', { target: '/a.txt', headers: { 'If-Modified-Since': 'Thu, 02 Jan 2020 03:04:05 GMT' } }, 304],
  ['the 404 error page', { target: '/missing' }, 404],
  ['the 404 error page for HEAD', { method: 'HEAD', target: '/missing' }, 404],
  ['the 501 of an unknown method', { method: 'DELETE', target: '/a.txt' }, 501],
  ['the 414 of an overlong request line', { target: `/${'a'.repeat(70_000)}` }, 414],
];

const cgiAnswers: readonly (readonly [kind: string, request: Request, status: number])[] = [
  ['a file with validators', { target: '/a.txt' }, 200],
  ['a 304 by ETag', { target: '/a.txt', headers: { 'If-None-Match': '*' } }, 304],
  ['a 206 range', { target: '/a.txt', headers: { Range: 'bytes=1-2' } }, 206],
  ['a 416 range', { target: '/a.txt', headers: { Range: 'bytes=99-' } }, 416],
  ["the site's 404.html", { target: '/missing.css', options: { notFoundPage: true } }, 404],
  ['the SPA fallback', { target: '/docs/intro', options: { spaFallback: true } }, 200],
  ['CGI output', { target: '/cgi-bin/hello.mjs' }, 200],
  ['CGI output for HEAD', { method: 'HEAD', target: '/cgi-bin/hello.mjs' }, 200],
  ['CGI output for POST', { method: 'POST', target: '/cgi-bin/hello.mjs' }, 200],
  ["a CGI script's redirect", { target: '/cgi-bin/moved.mjs' }, 302],
  ["a CGI script's 204", { target: '/cgi-bin/empty.mjs' }, 204],
  ['the 404 of a missing CGI script', { target: '/cgi-bin/none.mjs' }, 404],
  ['the 501 of a POST to a file', { method: 'POST', target: '/a.txt' }, 501],
];

describe('sendCommonHeaders', () => {
  describe.each([
    ['SimpleHTTPRequestHandler', SimpleHTTPRequestHandler, StampedSimpleHandler, simpleAnswers],
    ['CGIHTTPRequestHandler', CGIHTTPRequestHandler, StampedCgiHandler, cgiAnswers],
  ] as const)('overridden in a %s subclass', (_name, Parent, Stamped, answers) => {
    it.each(answers)('runs once for %s, last, and changes nothing else', async (_kind, request, status) => {
      const parent = await answer(Parent, request);
      const child = await answer(Stamped, request);
      expect(child.response.status).toBe(status);
      expect(child.handler.hookCalls).toBe(1);
      expect(child.response.headers.filter(([name]) => name === STAMP[0])).toEqual([STAMP]);
      expect(child.head).toBe(stamped(parent.head));
      expect(child.body).toEqual(parent.body);
    });
  });

  it('runs before the header block is ended, so what it sends is part of it', async () => {
    const { response } = await answer(StampedSimpleHandler, { target: '/a.txt' });
    expect(response.headers.at(-1)).toEqual(STAMP);
  });

  it('sends nothing by default', async () => {
    const { response } = await answer(SimpleHTTPRequestHandler, { target: '/a.txt' });
    expect(response.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-type', 'Content-Length', 'Last-Modified']);
  });

  it('cannot run twice: a second endHeaders is refused', async () => {
    class Twice extends StampedSimpleHandler {
      override async doGET(): Promise<void> {
        this.sendResponse(200);
        this.endHeaders();
        this.endHeaders();
      }
    }
    await expect(answer(Twice, { target: '/a.txt' })).rejects.toThrow('already been ended');
  });
});

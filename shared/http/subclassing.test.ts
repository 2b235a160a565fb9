/**
 * The handlers are classes to subclass, as in Python: a `do_GET` override, a custom
 * `error_message_format`, a changed `extensions_map`, a new `do_POST` — the ways people extend
 * `SimpleHTTPRequestHandler` — work in TypeScript the same way (docs/python-api.md).
 */

import { describe, expect, it } from 'vitest';
import { toFetchResponse } from './fetch-adapter.ts';
import { COMPRESSION_TYPES } from './mime-types.ts';
import { SimpleHTTPRequestHandler } from './simple-handler.ts';
import { CAPTURE_TIME, FILE_TIME, capturedSite, exchange } from './testing.ts';

/** A handler that answers `/health` itself and hands every other GET to its parent. */
class HealthCheckHandler extends SimpleHTTPRequestHandler {
  override async doGET(): Promise<void> {
    if (this.path !== '/health') return super.doGET();
    const body = new TextEncoder().encode('ok\n');
    this.sendResponse(200);
    this.sendHeader('Content-Type', 'text/plain; charset=utf-8');
    this.sendHeader('Content-Length', String(body.length));
    this.endHeaders();
    this.sendBody(body);
  }
}

/** Python's `error_message_format` with `%(code)d`, `%(message)s` and `%(explain)s`: ours has `{…}` placeholders. */
class PlainErrorHandler extends SimpleHTTPRequestHandler {
  override errorMessageFormat = 'Error {code}: {message} ({explain})\n';
  override errorContentType = 'text/plain;charset=utf-8';
}

/** Python: `extensions_map = {**SimpleHTTPRequestHandler.extensions_map, '.md': 'text/plain'}` (the default map is `COMPRESSION_TYPES`). */
class MarkdownAsTextHandler extends SimpleHTTPRequestHandler {
  override extensionsMap: ReadonlyMap<string, string> = new Map([
    ...COMPRESSION_TYPES,
    ['.md', 'text/plain; charset=utf-8'],
    ['.gz', 'application/x-gzip'],
  ]);
}

/** A method Python's handler lacks (so it got 501), added by defining `doPOST`; and a server name of our own. */
class EchoPostHandler extends SimpleHTTPRequestHandler {
  override serverVersion = 'Echo/1.0';

  async doPOST(): Promise<void> {
    const body = new Uint8Array(await new Response(this.request.body).arrayBuffer());
    this.sendResponse(201, 'Echoed');
    this.sendHeader('Content-Length', String(body.length));
    this.endHeaders();
    this.sendBody(body);
  }
}

describe('subclassing SimpleHTTPRequestHandler', () => {
  it('a doGET override answers its own paths and defers to super for the rest', async () => {
    const health = await exchange('GET', '/health', { handler: HealthCheckHandler });
    expect(health.response.status).toBe(200);
    expect(health.text).toBe('ok\n');
    expect(health.log).toEqual([expect.stringMatching(/ "GET \/health HTTP\/1\.0" 200 -$/)]);

    const file = await exchange('GET', '/a.txt', { handler: HealthCheckHandler });
    expect(file.text).toBe('hello\n');
    expect(file.response.headers).toContainEqual(['Last-Modified', 'Thu, 02 Jan 2020 03:04:05 GMT']);
    // HEAD is still the parent's: the override is for GET only.
    expect((await exchange('HEAD', '/health', { handler: HealthCheckHandler })).response.status).toBe(404);
  });

  it('a custom errorMessageFormat and errorContentType shape every error page', async () => {
    const missing = await exchange('GET', '/missing', { handler: PlainErrorHandler });
    expect(missing.text).toBe('Error 404: File not found (Nothing matches the given URI)\n');
    expect(missing.response.headers).toContainEqual(['Content-Type', 'text/plain;charset=utf-8']);
    expect(missing.response.headers).toContainEqual(['Content-Length', String(missing.body.length)]);
    const unsupported = await exchange('DELETE', '/a.txt', { handler: PlainErrorHandler });
    expect(unsupported.text).toBe("Error 501: Unsupported method ('DELETE') (Server does not support this operation)\n");
  });

  it('a changed extensionsMap wins over the built-in types, for every file it names', async () => {
    const files = capturedSite().addFile('notes/README.MD', '# hi\n', FILE_TIME).addFile('x.gz', 'z', FILE_TIME);
    const markdown = await exchange('GET', '/notes/README.MD', { handler: MarkdownAsTextHandler, files });
    expect(markdown.response.headers).toContainEqual(['Content-type', 'text/plain; charset=utf-8']);
    const gzip = await exchange('GET', '/x.gz', { handler: MarkdownAsTextHandler, files });
    expect(gzip.response.headers).toContainEqual(['Content-type', 'application/x-gzip']);
    // The parent class keeps its own map.
    const plain = await exchange('GET', '/notes/README.MD', { files });
    expect(plain.response.headers).toContainEqual(['Content-type', 'text/markdown']);
  });

  it('a new doPOST is dispatched to, with the subclass’s Server header, through the Fetch adapter', async () => {
    const handler = new EchoPostHandler(
      { method: 'POST', target: '/anything', headers: new Headers(), body: new Blob(['name=value']).stream() },
      { files: capturedSite(), now: () => CAPTURE_TIME },
    );
    const response = toFetchResponse(await handler.handle());
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Echoed');
    expect(response.headers.get('server')).toBe('Echo/1.0 dropserve/0.1');
    expect(await response.text()).toBe('name=value');
    // Only POST was added: PUT still gets Python's 501.
    expect((await exchange('PUT', '/a.txt', { handler: EchoPostHandler })).response.status).toBe(501);
  });
});

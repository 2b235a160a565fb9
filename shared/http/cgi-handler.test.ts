import { describe, expect, it } from 'vitest';
import { FakeRunner, type FakeScript } from '../cgi/testing.ts';
import { MemoryFiles } from '../vfs/memory-files.ts';
import { CGIHTTPRequestHandler } from './cgi-handler.ts';
import { toWire } from './fetch-adapter.ts';
import { bodyBytes, CAPTURE_TIME } from './testing.ts';

const site = () =>
  new MemoryFiles()
    .addFile('a.txt', 'hello\n')
    .addFile('cgi-bin/env.mjs', 'script')
    .addFile('cgi-bin/run.sh', '#!/bin/sh')
    .addFile('cgi-bin/sub/inner.mjs', 'script')
    .addDirectory('cgi-bin/dir.mjs')
    .addFile('htbin/h.js', 'script');

const dumpEnv: FakeScript = ({ job, write }) => {
  write('Content-Type: application/json\n\n');
  write(JSON.stringify({ env: job.env, argv: job.argv }));
};

async function cgi(method: string, target: string, scripts: Record<string, FakeScript> = {}, headers: Record<string, string> = {}, body?: string) {
  const log: string[] = [];
  const runner = new FakeRunner({ 'cgi-bin/env.mjs': dumpEnv, 'cgi-bin/sub/inner.mjs': dumpEnv, 'htbin/h.js': dumpEnv, ...scripts });
  const handler = new CGIHTTPRequestHandler(
    {
      method,
      target,
      headers: new Headers(headers),
      version: 'HTTP/1.0',
      client: '127.0.0.1',
      body: body === undefined ? null : new Blob([body]).stream(),
    },
    { files: site(), runner, directory: '/site/s', server: { name: '127.0.0.1', port: '8000' }, now: () => CAPTURE_TIME, log: (line) => log.push(line.replace(/^.*?\] /, '')) },
  );
  const response = await handler.handle();
  const bytes = await bodyBytes(response.body);
  // Let the exit status reach the log.
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { response, head: toWire(response), text: new TextDecoder().decode(bytes), log, jobs: runner.jobs, runner };
}

const json = (text: string) => JSON.parse(text) as { env: Record<string, string>; argv: string[] };

describe('dispatch (docs/http-server-rules.md#c-1)', () => {
  it('serves files outside the CGI directories statically', async () => {
    const { response, text, jobs } = await cgi('GET', '/a.txt');
    expect(response.status).toBe(200);
    expect(text).toBe('hello\n');
    expect(jobs).toEqual([]);
  });

  it('redirects /cgi-bin, which is not a CGI target, like a directory', async () => {
    const { response, jobs } = await cgi('GET', '/cgi-bin');
    expect(response.status).toBe(301);
    expect(jobs).toEqual([]);
  });

  it('answers POST outside the CGI directories with 501', async () => {
    const { response, text } = await cgi('POST', '/a.txt');
    expect(response.status).toBe(501);
    expect(response.reason).toBe('Can only POST to CGI scripts');
    expect(text).toContain('<p>Message: Can only POST to CGI scripts.</p>');
  });

  it('still refuses other methods', async () => {
    expect((await cgi('PUT', '/cgi-bin/env.mjs')).response.reason).toBe("Unsupported method ('PUT')");
  });

  it('answers a path climbing above the root with 404, where Python drops the connection', async () => {
    const { response, jobs } = await cgi('GET', '/a%2F..%2F..%2Fa.txt');
    expect(response.status).toBe(404);
    expect(jobs).toEqual([]);
  });

  it.each(['/cgi%2Dbin/env%2Emjs', '//cgi-bin/env.mjs', '/foo/../cgi-bin/env.mjs', '/htbin/h.js'])('runs %s', async (target) => {
    const { response, jobs } = await cgi('GET', target);
    expect(response.status).toBe(200);
    expect(jobs).toHaveLength(1);
  });

  it('serves /sub/cgi-bin/x and /CGI-BIN/x statically (not CGI targets)', async () => {
    expect((await cgi('GET', '/CGI-BIN/env.mjs')).response.reason).toBe('File not found');
  });
});

describe('checks (docs/http-server-rules.md#c-4)', () => {
  it.each([
    ['/cgi-bin/nope.mjs', 404, "No such CGI script ('/cgi-bin/nope.mjs')"],
    ['/cgi-bin/', 403, "CGI script is not a plain file ('/cgi-bin/')"],
    ['/cgi-bin/dir.mjs', 403, "CGI script is not a plain file ('/cgi-bin/dir.mjs')"],
    ['/cgi-bin/sub?x=/inner.mjs', 403, "CGI script is not a plain file ('/cgi-bin/sub?x=/inner.mjs')"],
    ['/cgi-bin/run.sh', 403, "CGI script is not executable ('/cgi-bin/run.sh')"],
  ])('%s → %i %s', async (target, status, reason) => {
    const { response, text, jobs, log } = await cgi('GET', target);
    expect(response.status).toBe(status);
    expect(response.reason).toBe(reason);
    expect(text).toContain(`<p>Message: ${reason}.</p>`);
    expect(jobs).toEqual([]);
    expect(log[0]).toBe(`code ${status}, message ${reason}`);
  });
});

describe('environment and arguments (docs/http-server-rules.md#c-3, docs/http-server-rules.md#c-5, docs/http-server-rules.md#c-6-2)', () => {
  it('gives a GET without a query the empty argument', async () => {
    const { env, argv } = json((await cgi('GET', '/cgi-bin/env.mjs')).text);
    expect(argv).toEqual(['env.mjs', '']);
    expect(env).toMatchObject({
      SERVER_SOFTWARE: 'SimpleHTTP/0.6 dropserve/0.1',
      SERVER_NAME: '127.0.0.1',
      SERVER_PORT: '8000',
      SERVER_PROTOCOL: 'HTTP/1.0',
      GATEWAY_INTERFACE: 'CGI/1.1',
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: '/cgi-bin/env.mjs',
      PATH_INFO: '',
      PATH_TRANSLATED: '/site/s',
      QUERY_STRING: '',
      REMOTE_ADDR: '127.0.0.1',
      CONTENT_TYPE: 'text/plain',
    });
  });

  it('splits PATH_INFO and the query, decoding PATH_INFO twice', async () => {
    const { env, argv } = json((await cgi('GET', '/cgi-bin/sub/inner.mjs/extra/p%2520ath/?hello+world%21')).text);
    expect(env).toMatchObject({
      SCRIPT_NAME: '/cgi-bin/sub/inner.mjs',
      PATH_INFO: '/extra/p ath/',
      PATH_TRANSLATED: '/site/s/extra/p ath/',
      QUERY_STRING: 'hello+world%21',
    });
    expect(argv).toEqual(['inner.mjs', 'hello world%21']);
  });

  it('adds no argument for a query with “=”, and passes Basic auth’s user', async () => {
    const auth = `Basic ${Buffer.from('alice:secret').toString('base64')}`;
    const { env, argv } = json((await cgi('GET', '/cgi-bin/env.mjs?a=1&b=2', {}, { Authorization: auth })).text);
    expect(argv).toEqual(['env.mjs']);
    expect(env).toMatchObject({ QUERY_STRING: 'a=1&b=2', AUTH_TYPE: 'Basic', REMOTE_USER: 'alice' });
    expect(JSON.stringify(env)).not.toContain('secret');
  });

  it('hands the request body to the script as stdin', async () => {
    let received = '';
    const echo: FakeScript = async ({ job, write }) => {
      received = await new Response(job.stdin).text();
      write('\n');
    };
    const { jobs } = await cgi('POST', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': echo }, { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1&b=%FF');
    const { env } = jobs[0]!;
    expect(received).toBe('a=1&b=%FF');
    expect(env).toMatchObject({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'application/x-www-form-urlencoded' });
  });
});

describe('response (issue item 4)', () => {
  it('is 200 Script output follows, with Server and Date before the script’s headers', async () => {
    const { head, text, log } = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': ({ write }) => write('Content-Type: text/plain\r\nX-One: 1\r\n\r\nbody\n') });
    expect(head).toBe('HTTP/1.0 200 Script output follows\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-Type: text/plain\r\nX-One: 1\r\n\r\n');
    expect(text).toBe('body\n');
    expect(log).toEqual(['"GET /cgi-bin/env.mjs HTTP/1.0" 200 -', 'CGI script exited OK']);
  });

  it('takes Status and Location, beyond Python', async () => {
    const notFound = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': ({ write }) => write('Status: 404 Nothing here\nContent-Type: text/plain\n\ngone') });
    expect([notFound.response.status, notFound.response.reason, notFound.text]).toEqual([404, 'Nothing here', 'gone']);
    expect(notFound.response.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type']);
    const moved = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': ({ write }) => write('Location: /a.txt\n\n') });
    expect([moved.response.status, moved.response.reason]).toEqual([302, 'Found']);
    expect(moved.response.headers).toContainEqual(['Location', '/a.txt']);
  });

  it('runs the script for HEAD but sends no body', async () => {
    const { response, jobs, log } = await cgi('HEAD', '/cgi-bin/env.mjs');
    expect(response.body).toBeNull();
    expect(response.status).toBe(200);
    expect(jobs).toHaveLength(1);
    expect(log.at(-1)).toBe('CGI script exited OK');
  });

  it('logs a nonzero exit status in hex, and stderr lines', async () => {
    const { log, response } = await cgi('GET', '/cgi-bin/env.mjs', {
      'cgi-bin/env.mjs': ({ job, write }) => {
        job.onStderr?.('warning: x');
        write('\n');
        return { kind: 'exit', code: 26 };
      },
    });
    expect(response.status).toBe(200);
    expect(log).toEqual(['warning: x', '"GET /cgi-bin/env.mjs HTTP/1.0" 200 -', 'CGI script exit status 0x1a']);
  });

  it('answers a script that exits without output with an empty 200', async () => {
    const { response, text } = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': () => {} });
    expect([response.status, text]).toEqual([200, '']);
  });
});

describe('failures (issue item 5)', () => {
  it('answers a throw with 500, the message escaped in the page and the stack in the log', async () => {
    const { response, text, log } = await cgi('GET', '/cgi-bin/env.mjs', {
      'cgi-bin/env.mjs': () => ({ kind: 'error', message: 'Error: <b>boom</b>', stack: 'Error: <b>boom</b>\n    at env.mjs:1:7' }),
    });
    expect(response.status).toBe(500);
    expect(text).toContain('<p>Message: Error: &lt;b&gt;boom&lt;/b&gt;.</p>');
    expect(log).toEqual([
      'code 500, message Error: <b>boom</b>',
      '"GET /cgi-bin/env.mjs HTTP/1.0" 500 -',
      'Error: <b>boom</b>',
      '    at env.mjs:1:7',
      'CGI script exit status 0x1',
    ]);
  });

  it('answers a script stopped at the time limit with 504', async () => {
    const { response, text } = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': () => ({ kind: 'timeout', seconds: 2 }) });
    expect(response.status).toBe(504);
    expect(text).toContain('limit of 2 s');
  });

  it('ends the body and logs when the script fails after its headers', async () => {
    const { response, text, log } = await cgi('GET', '/cgi-bin/env.mjs', {
      'cgi-bin/env.mjs': ({ write }) => {
        write('Content-Type: text/plain\n\npartial');
        return { kind: 'output-cap', bytes: 7 };
      },
    });
    expect([response.status, text]).toEqual([200, 'partial']);
    expect(log.at(-1)).toMatch(/^CGI script output exceeded 7 bytes/);
  });

  it('answers malformed output with 500 and says what was wrong', async () => {
    const { response, text } = await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': ({ write }) => write('hello world\n') });
    expect(response.status).toBe(500);
    expect(text).toContain('malformed header line: "hello world"');
  });

  it('answers 503 when no app page can run the script', async () => {
    const log: string[] = [];
    const runner = new FakeRunner({});
    runner.available = false;
    const handler = new CGIHTTPRequestHandler({ method: 'GET', target: '/cgi-bin/env.mjs', headers: new Headers() }, { files: site(), runner, log: (line) => log.push(line) });
    const response = await handler.handle();
    expect(response.status).toBe(503);
    expect(new TextDecoder().decode(await bodyBytes(response.body))).toContain('CGI needs the dropserve app open in a tab');
  });

  it('answers 502 when the page running the script went away', async () => {
    expect((await cgi('GET', '/cgi-bin/env.mjs', { 'cgi-bin/env.mjs': () => ({ kind: 'lost' }) })).response.status).toBe(502);
  });
});

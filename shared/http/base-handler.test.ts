import { describe, expect, it } from 'vitest';
import { BaseHTTPRequestHandler, type HandlerOptions } from './base-handler.ts';
import { toWire } from './fetch-adapter.ts';
import { formatHttpDate } from './http-date.ts';
import type { HandlerRequest } from './message.ts';
import { bodyBytes } from './testing.ts';

/** A local-time instant, so that log lines read `27/Nov/2026 11:20:48` in any time zone. */
const NOW = new Date(2026, 10, 27, 11, 20, 48).getTime();
const LOG_PREFIX = '127.0.0.1 - - [27/Nov/2026 11:20:48] ';
const DATE = formatHttpDate(NOW);

type Action = (handler: BaseHTTPRequestHandler) => void | Promise<void>;

/** Runs `action` as the handler's `doGET`/`doHEAD`, by default for `GET /x HTTP/1.0`. */
async function run(action: Action, request: Partial<HandlerRequest> = {}, options: HandlerOptions = {}) {
  class Probe extends BaseHTTPRequestHandler {
    doGET(): void | Promise<void> {
      return action(this);
    }
    doHEAD(): void | Promise<void> {
      return action(this);
    }
  }
  return send(Probe, request, options);
}

async function send(
  Handler: typeof BaseHTTPRequestHandler,
  request: Partial<HandlerRequest> = {},
  options: HandlerOptions = {},
) {
  const log: string[] = [];
  const handler = new Handler(
    { method: 'GET', target: '/x', headers: new Headers(), version: 'HTTP/1.0', client: '127.0.0.1', ...request },
    { now: () => NOW, log: (line) => log.push(line), ...options },
  );
  const response = await handler.handle();
  const body = await bodyBytes(response.body);
  return { handler, response, head: toWire(response), text: new TextDecoder().decode(body), body, log };
}

/** Python 3.11.7's page for `code`, message and explain (already escaped). */
function errorPage(code: number, message: string, explain: string): string {
  return (
    '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n' +
    '        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n' +
    `        <p>Error code: ${code}</p>\n        <p>Message: ${message}.</p>\n` +
    `        <p>Error code explanation: ${code} - ${explain}.</p>\n    </body>\n</html>\n`
  );
}

describe('sendError', () => {
  // Heads and bodies from Python 3.11.7's send_error, `Python/3.11.7` replaced by ours.
  const server = 'Server: BaseHTTP/0.6 dropserve/0.1\r\n';

  it('answers an unknown code with ??? as message and explanation', async () => {
    const { head, text, log } = await run((h) => h.sendError(599));
    expect(head).toBe(
      `HTTP/1.0 599 ???\r\n${server}Date: ${DATE}\r\nConnection: close\r\n` +
        'Content-Type: text/html;charset=utf-8\r\nContent-Length: 298\r\n\r\n',
    );
    expect(text).toBe(errorPage(599, '???', '???'));
    expect(log).toEqual([`${LOG_PREFIX}code 599, message ???`, `${LOG_PREFIX}"GET /x HTTP/1.0" 599 -`]);
  });

  it.each([
    [100, 'Continue'],
    [204, 'No Content'],
    [205, 'Reset Content'],
    [304, 'Not Modified'],
  ])('sends no body, Content-Type or Content-Length for %i', async (code, phrase) => {
    const { head, response } = await run((h) => h.sendError(code));
    expect(head).toBe(`HTTP/1.0 ${code} ${phrase}\r\n${server}Date: ${DATE}\r\nConnection: close\r\n\r\n`);
    expect(response.body).toBeNull();
  });

  it('escapes &, < and > of message and explanation in the body only', async () => {
    const { head, text } = await run((h) => h.sendError(404, 'a <b> & "c"', 'x < y & z'));
    expect(head).toBe(
      `HTTP/1.0 404 a <b> & "c"\r\n${server}Date: ${DATE}\r\nConnection: close\r\n` +
        'Content-Type: text/html;charset=utf-8\r\nContent-Length: 329\r\n\r\n',
    );
    expect(text).toBe(errorPage(404, 'a &lt;b&gt; &amp; "c"', 'x &lt; y &amp; z'));
  });

  it('shows an empty explanation as such', async () => {
    const { head, body } = await run((h) => h.sendError(422));
    expect(head).toContain('HTTP/1.0 422 Unprocessable Entity\r\n');
    expect(new TextDecoder().decode(body)).toBe(errorPage(422, 'Unprocessable Entity', ''));
    expect(body.length).toBe(312);
  });

  it('keeps Content-Length but sends no body for HEAD', async () => {
    const { head, response, log } = await run((h) => h.sendError(404), { method: 'HEAD' });
    expect(head).toBe(
      `HTTP/1.0 404 Not Found\r\n${server}Date: ${DATE}\r\nConnection: close\r\n` +
        'Content-Type: text/html;charset=utf-8\r\nContent-Length: 330\r\n\r\n',
    );
    expect(response.body).toBeNull();
    expect(log[1]).toBe(`${LOG_PREFIX}"HEAD /x HTTP/1.0" 404 -`);
  });

  it('encodes the body as UTF-8', async () => {
    const { text, body } = await run((h) => h.sendError(400, 'tab\there', 'ü'));
    expect(text).toBe(errorPage(400, 'tab\there', 'ü'));
    expect(body.length).toBe(302);
  });

  it('replaces what a Fetch statusText cannot hold with ?, in the reason phrase only', async () => {
    const { response, text, log } = await run((h) => h.sendError(400, 'bad € \u{1F600} thing\x01'));
    expect(response.reason).toBe('bad ? ? thing?');
    expect(text).toContain('<p>Message: bad € \u{1F600} thing\x01.</p>');
    expect(log[0]).toBe(`${LOG_PREFIX}code 400, message bad € \u{1F600} thing\\x01`);
  });

  it('uses the overridden page template and content type', async () => {
    class Plain extends BaseHTTPRequestHandler {
      override errorMessageFormat = '{code}: {message} ({explain}) {code}\n';
      override errorContentType = 'text/plain';
    }
    const { head, text } = await send(Plain, { method: 'BREW' });
    expect(text).toBe("501: Unsupported method ('BREW') (Server does not support this operation) 501\n");
    expect(head).toContain('Content-Type: text/plain\r\nContent-Length: 78\r\n');
  });

  it('fills the template once, so a message may contain a placeholder', async () => {
    const { text } = await run((h) => h.sendError(400, '{code}{explain}', '{message}'));
    expect(text).toBe(errorPage(400, '{code}{explain}', '{message}'));
  });
});

describe('sendResponse', () => {
  it('logs, then sends the status line with Server and Date', async () => {
    const { head, log } = await run((h) => {
      h.sendResponse(200, 'Fine & dandy');
      h.sendHeader('X-A', '1');
      h.endHeaders();
    });
    expect(head).toBe(`HTTP/1.0 200 Fine & dandy\r\nServer: BaseHTTP/0.6 dropserve/0.1\r\nDate: ${DATE}\r\nX-A: 1\r\n\r\n`);
    expect(log).toEqual([`${LOG_PREFIX}"GET /x HTTP/1.0" 200 -`]);
  });

  it('leaves the reason of an unknown code empty', async () => {
    const { head } = await run((h) => {
      h.sendResponse(599);
      h.endHeaders();
    });
    expect(head.split('\r\n')[0]).toBe('HTTP/1.0 599 ');
  });

  it('writes protocolVersion in the status line', async () => {
    class Http11 extends BaseHTTPRequestHandler {
      override protocolVersion = 'HTTP/1.1';
    }
    const { head, response } = await send(Http11, { method: 'GET' });
    expect(response.version).toBe('HTTP/1.1');
    expect(head).toMatch(/^HTTP\/1\.1 501 /);
  });

  it('refuses a second response', async () => {
    await expect(
      run((h) => {
        h.sendResponse(200);
        h.sendResponse(200);
      }),
    ).rejects.toThrow('already');
  });
});

describe('handle', () => {
  it("answers 501 for any method without a do<METHOD>, with Python's exact page", async () => {
    const { head, text } = await send(BaseHTTPRequestHandler, { method: 'GET' });
    expect(head).toBe(
      "HTTP/1.0 501 Unsupported method ('GET')\r\nServer: BaseHTTP/0.6 dropserve/0.1\r\n" +
        `Date: ${DATE}\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 356\r\n\r\n`,
    );
    expect(text).toBe(errorPage(501, "Unsupported method ('GET')", 'Server does not support this operation'));
  });

  it('looks the method up case-sensitively', async () => {
    const { response } = await run(() => {}, { method: 'get' });
    expect(response.reason).toBe("Unsupported method ('get')");
  });

  it('awaits an async do<METHOD>', async () => {
    const { response } = await run(async (h) => {
      await Promise.resolve();
      h.sendResponse(204);
      h.endHeaders();
    });
    expect(response.status).toBe(204);
  });

  it('calls only functions, and only for a method that is a token', async () => {
    class Odd extends BaseHTTPRequestHandler {
      doPUT = 'not a method';
      ['doA B'](): void {
        this.sendResponse(200);
        this.endHeaders();
      }
    }
    expect((await send(Odd, { method: 'PUT' })).response.reason).toBe("Unsupported method ('PUT')");
    expect((await send(Odd, { method: 'A B' })).response.reason).toBe("Unsupported method ('A B')");
  });

  it('reprs the method as Python does', async () => {
    const { response } = await send(BaseHTTPRequestHandler, { method: "A'B" });
    expect(response.reason).toBe('Unsupported method ("A\'B")');
  });

  it('fails when the handler sent no complete response', async () => {
    await expect(run(() => {})).rejects.toThrow('sent no complete response for GET /x HTTP/1.0');
    await expect(run((h) => h.sendResponse(200))).rejects.toThrow('sent no complete response');
  });
});

describe('request attributes', () => {
  it('collapses leading slashes in path, but logs the target as sent', async () => {
    const { handler, log } = await run(
      (h) => {
        h.sendResponse(200);
        h.endHeaders();
      },
      { target: '//evil.com/x' },
    );
    expect(handler.path).toBe('/evil.com/x');
    expect(handler.requestLine).toBe('GET //evil.com/x HTTP/1.0');
    expect(log).toEqual([`${LOG_PREFIX}"GET //evil.com/x HTTP/1.0" 200 -`]);
  });

  it('defaults to HTTP/1.1 and an unknown client', () => {
    const handler = new BaseHTTPRequestHandler({ method: 'GET', target: '/', headers: new Headers() });
    expect(handler.requestVersion).toBe('HTTP/1.1');
    expect(handler.requestLine).toBe('GET / HTTP/1.1');
    expect(handler.addressString()).toBe('-');
    expect(handler.command).toBe('GET');
  });
});

describe('logging', () => {
  it('escapes control characters and backslashes of the message only', async () => {
    const { log } = await run(
      (h) => {
        h.logRequest(200, 123);
        h.logError('x\ty');
        h.sendError(404);
      },
      { target: '/a\x1b[31m\\b', client: 'client\x01' },
    );
    expect(log).toEqual([
      'client\x01 - - [27/Nov/2026 11:20:48] "GET /a\\x1b[31m\\\\b HTTP/1.0" 200 123',
      'client\x01 - - [27/Nov/2026 11:20:48] x\\x09y',
      'client\x01 - - [27/Nov/2026 11:20:48] code 404, message Not Found',
      'client\x01 - - [27/Nov/2026 11:20:48] "GET /a\\x1b[31m\\\\b HTTP/1.0" 404 -',
    ]);
  });

  it('logs - for a request without code', async () => {
    const { log } = await run((h) => {
      h.logRequest();
      h.sendError(404);
    });
    expect(log[0]).toBe(`${LOG_PREFIX}"GET /x HTTP/1.0" - -`);
  });

  it('logs nothing without a sink', async () => {
    const handler = new BaseHTTPRequestHandler({ method: 'GET', target: '/', headers: new Headers() });
    expect((await handler.handle()).status).toBe(501);
  });
});

describe('strings', () => {
  const handler = new BaseHTTPRequestHandler({ method: 'GET', target: '/', headers: new Headers() }, { now: () => NOW });

  it('joins server and sys version', () => {
    expect(handler.versionString()).toBe('BaseHTTP/0.6 dropserve/0.1');
  });

  it('formats now, or a given time, as an HTTP date', () => {
    expect(handler.dateTimeString()).toBe(DATE);
    expect(handler.dateTimeString(Date.UTC(2020, 0, 2, 3, 4, 5))).toBe('Thu, 02 Jan 2020 03:04:05 GMT');
  });

  it('formats now in local time for logs', () => {
    expect(handler.logDateTimeString()).toBe('27/Nov/2026 11:20:48');
  });
});

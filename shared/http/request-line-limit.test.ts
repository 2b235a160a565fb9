import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_LINE_BYTES } from './base-handler.ts';
import { formatHttpDate } from './http-date.ts';
import { CAPTURE_TIME, exchange } from './testing.ts';

/** A target that makes `GET <target> HTTP/1.1\r\n` exactly `bytes` long. */
function targetFor(bytes: number): string {
  return `/${'a'.repeat(bytes - 'GET / HTTP/1.1\r\n'.length)}`;
}

describe('the request-line limit (docs/http-server-rules.md#a-2-2)', () => {
  it('is 65,536 bytes, CRLF included', () => {
    expect(MAX_REQUEST_LINE_BYTES).toBe(65_536);
  });

  it('accepts a line of exactly 65,536 bytes, as Python does (here: 404, nothing is there)', async () => {
    const { response } = await exchange('GET', targetFor(65_536), { version: 'HTTP/1.1' });
    expect(response.status).toBe(404);
  });

  it("answers one byte more with Python 3.11.7's 414, page and log line", async () => {
    const { head, text, log } = await exchange('GET', targetFor(65_537), { version: 'HTTP/1.1' });
    // Captured from `python3 -m http.server` 3.11.7 with a raw socket, our Server header.
    expect(head).toBe(
      'HTTP/1.0 414 Request-URI Too Long\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\n' +
        `Date: ${formatHttpDate(CAPTURE_TIME)}\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 327\r\n\r\n`,
    );
    expect(text).toContain('<p>Error code explanation: 414 - URI is too long.</p>');
    expect(log.map((line) => line.replace(/\[.*?\] /, ''))).toEqual([
      '127.0.0.1 - - code 414, message Request-URI Too Long',
      '127.0.0.1 - - "" 414 -',
    ]);
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // 16 bytes of `GET / HTTP/1.1\r\n` + 32,760 × 2 bytes of `é` = 65,536 bytes in 32,776 characters.
    const atLimit = `/${'é'.repeat(32_760)}`;
    expect((await exchange('GET', atLimit, { version: 'HTTP/1.1' })).response.status).toBe(404);
    expect((await exchange('GET', `${atLimit}a`, { version: 'HTTP/1.1' })).response.status).toBe(414);
  });

  it('sends the page even for HEAD: Python has not parsed the method yet', async () => {
    const { response, body } = await exchange('HEAD', targetFor(70_000));
    expect(response.status).toBe(414);
    expect(body.length).toBe(327);
  });

  it('answers a 2 MB target at once, without decoding or echoing it', async () => {
    const started = performance.now();
    const { response, body } = await exchange('GET', `/?${'%41'.repeat(700_000)}`);
    expect(response.status).toBe(414);
    expect(body.length).toBe(327);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

import { describe, expect, it } from 'vitest';
import { cgiStatus, MalformedCgiOutputError, MAX_HEADER_BYTES, readCgiOutput } from './cgi-output.ts';

const encoder = new TextEncoder();

/** A stream that yields each of `chunks` as written, like a script's separate writes. */
function output(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('readCgiOutput', () => {
  it('splits LF header lines from the body', async () => {
    const { fields, body, endedInHeaders } = await readCgiOutput(output('Content-Type: text/plain\nX-A:  spaced \n\nhello\n'));
    expect(fields).toEqual([['Content-Type', 'text/plain'], ['X-A', 'spaced']]);
    expect(await text(body)).toBe('hello\n');
    expect(endedInHeaders).toBe(false);
  });

  it('accepts CRLF, and an empty line split across writes', async () => {
    const { fields, body } = await readCgiOutput(output('Content-Type: text/html\r', '\n\r', '\n<p>', 'hi</p>'));
    expect(fields).toEqual([['Content-Type', 'text/html']]);
    expect(await text(body)).toBe('<p>hi</p>');
  });

  it('gives no fields and the whole body after a leading empty line', async () => {
    const { fields, body } = await readCgiOutput(output('\nbody'));
    expect(fields).toEqual([]);
    expect(await text(body)).toBe('body');
  });

  it('keeps body bytes exactly, binary included, and streams what follows', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const { body } = await readCgiOutput(output('A: 1\n\n', bytes, bytes));
    const got = new Uint8Array(await new Response(body).arrayBuffer());
    expect(Array.from(got)).toEqual([...bytes, ...bytes]);
  });

  it('says when the output ended inside the header lines', async () => {
    const result = await readCgiOutput(output('Content-Type: text/plain\n'));
    expect(result.endedInHeaders).toBe(true);
    expect(result.fields).toEqual([['Content-Type', 'text/plain']]);
    expect(await text(result.body)).toBe('');
  });

  it.each(['hello world\n\n', ': no name\n\n', 'Bad Name: x\n\n'])('refuses the malformed header block %j', async (written) => {
    await expect(readCgiOutput(output(written))).rejects.toThrow(MalformedCgiOutputError);
  });

  it('gives up on a header block that never ends', async () => {
    await expect(readCgiOutput(output(`X: ${'a'.repeat(MAX_HEADER_BYTES + 10)}`))).rejects.toThrow(/without ending its header lines/);
  });

  it('takes header bytes as Latin-1', async () => {
    const { fields } = await readCgiOutput(output(Uint8Array.from([...encoder.encode('X-L: '), 0xfc, 0x0a, 0x0a])));
    expect(fields).toEqual([['X-L', '\u00fc']]);
  });
});

describe('cgiStatus', () => {
  it('is 200 “Script output follows” by default', () => {
    expect(cgiStatus([['Content-Type', 'text/plain']])).toEqual({ code: 200, reason: 'Script output follows', headers: [['Content-Type', 'text/plain']] });
  });

  it('takes the code and reason of Status, which is not sent on', () => {
    expect(cgiStatus([['Status', '404 Not Here'], ['Content-Type', 'text/plain']])).toEqual({
      code: 404,
      reason: 'Not Here',
      headers: [['Content-Type', 'text/plain']],
    });
    expect(cgiStatus([['status', '201']])).toEqual({ code: 201, reason: undefined, headers: [] });
  });

  it('redirects with 302 for Location, unless Status says otherwise', () => {
    expect(cgiStatus([['Location', '/elsewhere']])).toEqual({ code: 302, reason: undefined, headers: [['Location', '/elsewhere']] });
    expect(cgiStatus([['Location', '/x'], ['Status', '303 See Other']]).code).toBe(303);
  });

  it.each(['abc', '99', '600 Too big', '2000'])('refuses Status: %s', (value) => {
    expect(() => cgiStatus([['Status', value]])).toThrow(MalformedCgiOutputError);
  });
});

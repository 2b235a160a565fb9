/**
 * A CGI script's output as a response: header lines up to the first empty line, then the body,
 * which streams on as the script writes it. Lines may end in LF or CRLF. Beyond Python (which
 * relays the lines unread), `Status:` sets the status and `Location:` without it redirects with 302.
 */
import type { HeaderLine } from '../http/message.ts';

/** The most header bytes read before giving up on finding the empty line. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** The script's output is not a CGI response; the message says why (shown on the error page). */
export class MalformedCgiOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedCgiOutputError';
  }
}

export interface CgiOutput {
  /** The script's header lines as written (a `Status` line included). */
  readonly fields: HeaderLine[];
  /** The rest of the output. */
  readonly body: ReadableStream<Uint8Array>;
  /** The output ended before an empty line: everything it wrote was header lines. */
  readonly endedInHeaders: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Reads the header block off `stdout`; the body stream continues from where it stopped. */
export async function readCgiOutput(stdout: ReadableStream<Uint8Array>): Promise<CgiOutput> {
  const reader = stdout.getReader();
  let buffered: Uint8Array = new Uint8Array(0);
  for (;;) {
    const end = headerEnd(buffered);
    if (end) {
      return { fields: parseFields(buffered.subarray(0, end.block)), body: continueWith(buffered.subarray(end.body), reader), endedInHeaders: false };
    }
    if (buffered.length > MAX_HEADER_BYTES) {
      await reader.cancel();
      throw new MalformedCgiOutputError(`The script wrote more than ${MAX_HEADER_BYTES} bytes without ending its header lines with an empty line.`);
    }
    const { done, value } = await reader.read();
    if (done) return { fields: parseFields(buffered), body: continueWith(new Uint8Array(0), reader), endedInHeaders: true };
    buffered = concat(buffered, value);
  }
}

/** Where the header block ends (before its last line break) and the body starts, if they do yet. */
function headerEnd(bytes: Uint8Array): { block: number; body: number } | undefined {
  if (bytes[0] === 0x0a) return { block: 0, body: 1 };
  if (bytes[0] === 0x0d && bytes[1] === 0x0a) return { block: 0, body: 2 };
  for (let index = bytes.indexOf(0x0a); index >= 0; index = bytes.indexOf(0x0a, index + 1)) {
    if (bytes[index + 1] === 0x0a) return { block: index, body: index + 2 };
    if (bytes[index + 1] === 0x0d && bytes[index + 2] === 0x0a) return { block: index, body: index + 3 };
  }
  return undefined;
}

/** `Name: value` lines, bytes taken as Latin-1 as HTTP does; a line of another shape is an error. */
function parseFields(block: Uint8Array): HeaderLine[] {
  const text = Array.from(block, (byte) => String.fromCharCode(byte)).join('');
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  return lines.filter((line) => line !== '').map((line): HeaderLine => {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0));
    const value = line.slice(colon + 1).trim();
    if (colon < 1 || !TOKEN.test(name) || /[\0\r\n]/.test(value)) {
      throw new MalformedCgiOutputError(`The script wrote a malformed header line: ${JSON.stringify(line.slice(0, 200))}. A CGI script must start its output with header lines such as “Content-Type: text/html”, then an empty line, then the body.`);
    }
    return [name, value];
  });
}

export interface CgiStatus {
  readonly code: number;
  /** From the `Status` line; undefined means the table's phrase. */
  readonly reason: string | undefined;
  /** The fields to send: all but `Status`. */
  readonly headers: HeaderLine[];
}

/** The status the fields ask for: `Status:`, else 302 with `Location:`, else 200 `Script output follows`. */
export function cgiStatus(fields: readonly HeaderLine[]): CgiStatus {
  const status = fields.find(([name]) => name.toLowerCase() === 'status');
  const headers = fields.filter((field) => field !== status);
  if (status) {
    const match = /^(\d{3})(?:\s+(.*))?$/.exec(status[1]);
    const code = Number(match?.[1]);
    if (!match || code < 200 || code > 599) {
      throw new MalformedCgiOutputError(`The script wrote “Status: ${status[1]}”; it must be a code from 200 to 599, optionally followed by a reason.`);
    }
    return { code, reason: match[2] || undefined, headers };
  }
  if (headers.some(([name]) => name.toLowerCase() === 'location')) return { code: 302, reason: undefined, headers };
  return { code: 200, reason: 'Script output follows', headers };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** `first`, then whatever `reader` still yields; cancelling the stream cancels the reader. */
function continueWith(first: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let pending: Uint8Array | undefined = first.length > 0 ? first : undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending) {
        controller.enqueue(pending);
        pending = undefined;
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

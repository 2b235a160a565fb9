/**
 * From the handler's response to what leaves the core: a Fetch `Response` for the Service Worker,
 * or the bytes Python would have written before the body, for tests.
 */

import { type HandlerResponse, NULL_BODY_STATUSES } from './message.ts';

/**
 * A Fetch `Response` with the same status, reason, headers (Fetch lowercases their names) and body;
 * a Blob body is streamed, never read here. The status must be 200–599, as Fetch requires.
 */
export function toFetchResponse(response: HandlerResponse): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  // `new Response(body)` throws for these statuses, so their body is dropped.
  const body = NULL_BODY_STATUSES.has(response.status) ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.reason, headers });
}

/** The status line and header block, CRLF-terminated and ending with the empty line. */
export function toWire(response: HandlerResponse): string {
  const statusLine = `${response.version ?? 'HTTP/1.0'} ${response.status} ${response.reason}\r\n`;
  return statusLine + response.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') + '\r\n';
}

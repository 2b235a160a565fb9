/**
 * Python writes the status line as Latin-1 and drops the connection when a reason phrase does not
 * fit (docs/http-server-rules.md#a-6-2). Fetch is stricter: `statusText` must match RFC 9110's reason-phrase (HTAB,
 * SP, VCHAR, obs-text) or `new Response` throws. So any other character (a control, DEL, or
 * anything beyond U+00FF) becomes `?`, one per code point, as docs/http-server-rules.md#g-8 suggests.
 */
export function toReasonPhrase(message: string): string {
  return message.replace(/[^\t\x20-\x7e\x80-\xff]/gu, '?');
}

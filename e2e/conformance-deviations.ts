/**
 * The corpus requests where dropserve is meant to answer differently from CPython's http.server,
 * each with the row of docs/deviations.md that explains it and the exact differences expected: a
 * listed deviation is asserted, not skipped, and one that stops happening fails the suite too.
 */
import type { Difference } from './conformance-compare.ts';

export interface ExpectedDeviation {
  /** The row (`#`) of docs/deviations.md. */
  readonly row: number;
  readonly differences: readonly Difference[];
}

const contentType = (dropserve: string, python: string): Difference => ({ field: 'content-type', dropserve, python });

/** dropserve's 304 where Python sends the file (`length` bytes of `type`, hash and first bytes as the comparison shows them). */
function notModified(requestLine: string, length: number, type: string, hash: string, firstBytes: string): Difference[] {
  return [
    { field: 'status', dropserve: '304', python: '200' },
    { field: 'reason', dropserve: 'Not Modified', python: 'OK' },
    { field: 'header names', dropserve: JSON.stringify(['date', 'server']), python: JSON.stringify(['content-length', 'content-type', 'date', 'last-modified', 'server']) },
    { field: 'content-type', dropserve: 'undefined', python: type },
    { field: 'content-length', dropserve: 'undefined', python: String(length) },
    { field: 'last-modified', dropserve: 'undefined', python: 'Thu, 02 Jan 2020 03:04:05 GMT' },
    { field: 'body', dropserve: '0 bytes, sha256 e3b0c44298fc1c14; from byte 0: ', python: `${length} bytes, sha256 ${hash}; from byte 0: ${firstBytes}` },
    { field: 'log', dropserve: JSON.stringify([`${requestLine} 304 -`]), python: JSON.stringify([`${requestLine} 200 -`]) },
  ];
}

export const EXPECTED_DEVIATIONS: ReadonlyMap<string, ExpectedDeviation> = new Map([
  // Python crashes on the NUL (`open` raises ValueError) and closes the connection unanswered.
  [
    'conformance GET /names/a%20b.txt%00',
    {
      row: 6,
      differences: [
        { field: 'answer', dropserve: '404 File not found', python: 'no answer: the connection was closed' },
        { field: 'log', dropserve: JSON.stringify(['code 404, message File not found', '"GET /names/a%20b.txt%00 HTTP/1.1" 404 -']), python: '[]' },
      ],
    },
  ],
  // Python's listing title keeps the lone surrogate and writes it as the raw byte 0xFF.
  [
    'conformance-drop GET /empty/?%ED%B3%BF',
    {
      row: 14,
      differences: [
        { field: 'content-length', dropserve: '219', python: '203' },
        {
          field: 'body',
          dropserve: '219 bytes, sha256 e7890f6cdc91d2ac; from byte 100: ef bf bd ef bf bd ef bf bd 3c 2f 74 69 74 6c 65',
          python: '203 bytes, sha256 f5bff0135c65d28d; from byte 100: ff 3c 2f 74 69 74 6c 65 3e 0a 3c 2f 68 65 61 64',
        },
      ],
    },
  ],
  ['conformance GET /types/x.map', { row: 15, differences: [contentType('application/json', 'application/octet-stream')] }],
  // `If-None-Match: *` matches any file: 304 (its ETag and Cache-Control are left out of the names).
  ...['conformance GET /ims.html [If-Modified-Since: Thu, 02 Jan 2020 03:04:05 GMT] [If-None-Match: *]', 'conformance GET /ims.html [If-None-Match: *]'].map(
    (id) => [id, { row: 33, differences: notModified('"GET /ims.html HTTP/1.1"', 34, 'text/html', '238c2fcea072cd0c', '3c 21 64 6f 63 74 79 70 65 20 68 74 6d 6c 3e 3c') }] as const,
  ),
  [
    'conformance GET /hello.txt [Range: bytes=0-1]',
    {
      row: 34,
      differences: [
        { field: 'status', dropserve: '206', python: '200' },
        { field: 'reason', dropserve: 'Partial Content', python: 'OK' },
        {
          field: 'header names',
          dropserve: JSON.stringify(['content-length', 'content-range', 'content-type', 'date', 'last-modified', 'server']),
          python: JSON.stringify(['content-length', 'content-type', 'date', 'last-modified', 'server']),
        },
        { field: 'content-length', dropserve: '2', python: '6' },
        { field: 'body', dropserve: '2 bytes, sha256 372f7e2fd2d01ce2; from byte 2: ', python: '6 bytes, sha256 5891b5b522d5df08; from byte 2: 6c 6c 6f 0a' },
        { field: 'log', dropserve: JSON.stringify(['"GET /hello.txt HTTP/1.1" 206 -']), python: JSON.stringify(['"GET /hello.txt HTTP/1.1" 200 -']) },
      ],
    },
  ],
  // Beyond the pinned table, the `mime` package answers (docs/mime-types.md).
  ['conformance GET /types/x.sh', { row: 11, differences: [contentType('application/x-sh', 'text/x-sh')] }],
]);

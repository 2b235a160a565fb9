import { describe, expect, it } from 'vitest';
import { toFetchResponse, toWire } from './fetch-adapter.ts';
import type { HandlerResponse } from './message.ts';

const NOT_FOUND: HandlerResponse = {
  status: 404,
  reason: 'File not found',
  headers: [
    ['Server', 'SimpleHTTP/0.6 dropserve/0.1'],
    ['Connection', 'close'],
    ['Content-Type', 'text/html;charset=utf-8'],
    ['Content-Length', '3'],
  ],
  body: new TextEncoder().encode('abc'),
};

describe('toFetchResponse', () => {
  it('carries status, reason, headers and body', async () => {
    const response = toFetchResponse(NOT_FOUND);
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('File not found');
    expect([...response.headers]).toEqual([
      ['connection', 'close'],
      ['content-length', '3'],
      ['content-type', 'text/html;charset=utf-8'],
      ['server', 'SimpleHTTP/0.6 dropserve/0.1'],
    ]);
    expect(await response.text()).toBe('abc');
  });

  it('streams a Blob body', async () => {
    const response = toFetchResponse({ ...NOT_FOUND, status: 200, reason: 'OK', body: new Blob(['file']) });
    expect(await response.text()).toBe('file');
  });

  it('keeps Content-Length for a bodiless HEAD response', () => {
    const response = toFetchResponse({ ...NOT_FOUND, body: null });
    expect(response.body).toBeNull();
    expect(response.headers.get('Content-Length')).toBe('3');
  });

  it.each([204, 205, 304])('drops the body of a %i, which Fetch forbids', (status) => {
    const response = toFetchResponse({ ...NOT_FOUND, status, reason: 'x' });
    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
  });

  it('keeps repeated headers', () => {
    const response = toFetchResponse({
      ...NOT_FOUND,
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
    });
    expect(response.headers.get('x-a')).toBe('1, 2');
  });
});

describe('toWire', () => {
  it('writes the status line and headers as sent, then an empty line', () => {
    expect(toWire(NOT_FOUND)).toBe(
      'HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nConnection: close\r\n' +
        'Content-Type: text/html;charset=utf-8\r\nContent-Length: 3\r\n\r\n',
    );
  });

  it('uses the response version, and keeps the space before an empty reason', () => {
    expect(toWire({ version: 'HTTP/1.1', status: 599, reason: '', headers: [], body: null })).toBe('HTTP/1.1 599 \r\n\r\n');
  });
});

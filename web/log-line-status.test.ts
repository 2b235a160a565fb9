import { describe, expect, it } from 'vitest';
import { statusClassOf } from './log-line-status.ts';

const PREFIX = '127.0.0.1 - - [27/Nov/2026 11:20:48] ';

describe('statusClassOf', () => {
  it('reads the status of a request line', () => {
    expect(statusClassOf(`${PREFIX}"GET /index.html HTTP/1.1" 200 -`)).toBe('2xx');
    expect(statusClassOf(`${PREFIX}"GET /sub HTTP/1.1" 301 -`)).toBe('3xx');
    expect(statusClassOf(`${PREFIX}"PATCH / HTTP/1.1" 501 -`)).toBe('5xx');
    expect(statusClassOf(`${PREFIX}"GET /] code 404, message x HTTP/1.1" 200 -`)).toBe('2xx');
  });

  it('reads the status of an error line, whatever its message says', () => {
    expect(statusClassOf(`${PREFIX}code 404, message File not found`)).toBe('4xx');
    expect(statusClassOf(`${PREFIX}code 501, message Unsupported method ('" 200 -')`)).toBe('5xx');
  });

  it('finds none in other lines', () => {
    expect(statusClassOf(`${PREFIX}CGI script exit code 1`)).toBeUndefined();
    expect(statusClassOf(`${PREFIX}"GET / HTTP/1.1" 099 -`)).toBeUndefined();
    expect(statusClassOf('')).toBeUndefined();
    expect(statusClassOf('"GET / HTTP/1.1" 200 -')).toBeUndefined();
  });
});

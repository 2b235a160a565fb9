import { describe, expect, it } from 'vitest';
import { networkBody, withContentLength } from './request-body.ts';

const URL_ = 'http://127.0.0.1/site/s/cgi-bin/a.mjs';

describe('networkBody', () => {
  it('reads the bytes and counts them, as the browser does on the network', async () => {
    const body = await networkBody(new Request(URL_, { method: 'POST', body: 'a=b&c=d' }));
    expect(new TextDecoder().decode(body.bytes!)).toBe('a=b&c=d');
    expect(body.contentLength).toBe('7');
  });

  it('counts bytes, not characters', async () => {
    const body = await networkBody(new Request(URL_, { method: 'POST', body: 'é€' }));
    expect(body.contentLength).toBe('5');
    const binary = await networkBody(new Request(URL_, { method: 'PUT', body: new Uint8Array([0, 255, 13, 10]) }));
    expect([...binary.bytes!]).toEqual([0, 255, 13, 10]);
    expect(binary.contentLength).toBe('4');
  });

  it('gives POST and PUT without a body a length of 0, and other methods none', async () => {
    expect(await networkBody(new Request(URL_, { method: 'POST' }))).toEqual({ bytes: null, contentLength: '0' });
    expect(await networkBody(new Request(URL_, { method: 'PUT' }))).toEqual({ bytes: null, contentLength: '0' });
    expect(await networkBody(new Request(URL_, { method: 'DELETE' }))).toEqual({ bytes: null, contentLength: null });
  });

  it('has nothing for GET and HEAD', async () => {
    expect(await networkBody(new Request(URL_))).toEqual({ bytes: null, contentLength: null });
    expect(await networkBody(new Request(URL_, { method: 'HEAD' }))).toEqual({ bytes: null, contentLength: null });
  });
});

describe('withContentLength', () => {
  it('sets the computed length and drops one that a caller made up', () => {
    const given = new Headers({ 'Content-Type': 'text/plain', 'Content-Length': '99' });
    expect(withContentLength(given, { bytes: null, contentLength: '3' }).get('content-length')).toBe('3');
    expect(withContentLength(given, { bytes: null, contentLength: null }).has('content-length')).toBe(false);
    expect(given.get('content-length')).toBe('99');
  });
});

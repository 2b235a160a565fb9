import { describe, expect, it } from 'vitest';
import { authorizationVariables, cgiArgv, cgiEnvironment, decodeBase64Leniently } from './cgi-environment.ts';

const FACTS = {
  serverSoftware: 'SimpleHTTP/0.6 dropserve/0.1',
  serverName: 'localhost',
  serverPort: '8000',
  serverProtocol: 'HTTP/1.0',
  method: 'GET',
  pathInfo: '/x',
  pathTranslated: '/site/s/x',
  scriptName: '/cgi-bin/env.mjs',
  query: '',
  remoteAddr: '127.0.0.1',
};

describe('cgiEnvironment (docs/http-server-rules.md#c-5)', () => {
  it('sets the server variables and Python’s empty defaults, with CONTENT_TYPE text/plain', () => {
    expect(cgiEnvironment({ ...FACTS, headers: new Headers() })).toEqual({
      SERVER_SOFTWARE: 'SimpleHTTP/0.6 dropserve/0.1',
      SERVER_NAME: 'localhost',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.0',
      SERVER_PORT: '8000',
      REQUEST_METHOD: 'GET',
      PATH_INFO: '/x',
      PATH_TRANSLATED: '/site/s/x',
      SCRIPT_NAME: '/cgi-bin/env.mjs',
      QUERY_STRING: '',
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_HOST: '',
      CONTENT_TYPE: 'text/plain',
      CONTENT_LENGTH: '',
      HTTP_ACCEPT: '',
      HTTP_REFERER: '',
      HTTP_USER_AGENT: '',
      HTTP_COOKIE: '',
    });
  });

  it('passes the request headers Python passes, and no others', () => {
    const headers = new Headers({
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': '7',
      Referer: 'http://h/from',
      Accept: 'text/html,application/json, */*',
      'User-Agent': 'UA/1',
      Cookie: 'a=1; b=2',
      Host: 'h',
      'X-Other': 'no',
      Authorization: 'Bearer token',
    });
    const env = cgiEnvironment({ ...FACTS, method: 'POST', query: 'q=1', headers });
    expect(env).toMatchObject({
      REQUEST_METHOD: 'POST',
      QUERY_STRING: 'q=1',
      CONTENT_TYPE: 'application/x-www-form-urlencoded',
      CONTENT_LENGTH: '7',
      HTTP_REFERER: 'http://h/from',
      HTTP_ACCEPT: 'text/html,application/json, */*',
      HTTP_USER_AGENT: 'UA/1',
      HTTP_COOKIE: 'a=1; b=2',
      AUTH_TYPE: 'Bearer',
    });
    expect(env.REMOTE_USER).toBeUndefined();
    expect(Object.keys(env).filter((name) => name.startsWith('HTTP_')).sort()).toEqual(['HTTP_ACCEPT', 'HTTP_COOKIE', 'HTTP_REFERER', 'HTTP_USER_AGENT']);
  });
});

describe('authorizationVariables', () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  it.each([
    [basic('bob:secret'), { AUTH_TYPE: 'Basic', REMOTE_USER: 'bob' }],
    [`basic ${Buffer.from('bob:pw').toString('base64')}`, { AUTH_TYPE: 'basic', REMOTE_USER: 'bob' }],
    [basic('bob:a:b'), { AUTH_TYPE: 'Basic' }],
    [basic('bob'), { AUTH_TYPE: 'Basic' }],
    [basic('bøb:pw'), { AUTH_TYPE: 'Basic' }],
    ['Basic Ym9iOnB3ZA', { AUTH_TYPE: 'Basic' }],
    ['Basic Ym9i*OnB3', { AUTH_TYPE: 'Basic', REMOTE_USER: 'bob' }],
    ['Basic a b', {}],
    ['Basic', {}],
    ['', {}],
  ])('%j → %j', (header, variables) => {
    expect(authorizationVariables(header)).toEqual(variables);
  });

  it('gives nothing without the header', () => {
    expect(authorizationVariables(null)).toEqual({});
  });
});

describe('decodeBase64Leniently (binascii non-strict)', () => {
  const text = (input: string) => {
    const bytes = decodeBase64Leniently(input);
    return bytes && String.fromCharCode(...bytes);
  };
  it.each([
    ['Ym9iOnB3', 'bob:pw'],
    ['Ym9iOnB3ZA==', 'bob:pwd'],
    ['Ym9iOnB3ZA==junk', 'bob:pwd'],
    ['Ym9iOnB3ZA=x=', 'bob:pwd\x0c'],
    ['=Ym9iOnB3', 'bob:pw'],
    ['Ym==Ym9i', 'b'],
    ['Ym9i Onb3', 'bob:v\xf7'],
  ])('%s decodes as Python decodes it', (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(['Ym9iOnB3ZA', 'Y', 'Ym9iOnB3Z', 'Ym9iOnB3ZA='])('%s fails as in Python', (input) => {
    expect(decodeBase64Leniently(input)).toBeUndefined();
  });
});

describe('cgiArgv (docs/http-server-rules.md#c-6-2)', () => {
  it.each([
    ['hello+world%21', ['env.mjs', 'hello world%21']],
    ['a%3Db', ['env.mjs', 'a%3Db']],
    ['', ['env.mjs', '']],
    ['a=1&b', ['env.mjs']],
  ])('query %j → %j', (query, argv) => {
    expect(cgiArgv('env.mjs', query)).toEqual(argv);
  });
});

import { describe, expect, it } from 'vitest';
import { quoteUrlPath, unquote } from './percent-encoding.ts';

describe('quoteUrlPath', () => {
  // [text, urllib.parse.quote(text, errors='surrogatepass')] from Python 3.11.7.
  const cases: readonly (readonly [string, string])[] = [
    ['a b', 'a%20b'],
    [
      'a:b@c+d!e\'f(g)h*i"j#k?l%m&n;o=p,q$r[s\\t|u\tv\nw',
      'a%3Ab%40c%2Bd%21e%27f%28g%29h%2Ai%22j%23k%3Fl%25m%26n%3Bo%3Dp%2Cq%24r%5Bs%5Ct%7Cu%09v%0Aw',
    ],
    ['/a/b/', '/a/b/'],
    ['~_.-', '~_.-'],
    ['ü', '%C3%BC'],
    ['€', '%E2%82%AC'],
    ['😀', '%F0%9F%98%80'],
    ['ＦＵＬＬ', '%EF%BC%A6%EF%BC%B5%EF%BC%AC%EF%BC%AC'],
    ['\udcff', '%ED%B3%BF'],
    ['\ud800', '%ED%A0%80'],
  ];
  it.each(cases)('quotes %j as Python does', (text, expected) => {
    expect(quoteUrlPath(text)).toBe(expected);
  });

  it('differs from encodeURIComponent on / and !\'()*', () => {
    expect(quoteUrlPath("/!'()*")).toBe('/%21%27%28%29%2A');
    expect(encodeURIComponent("/!'()*")).toBe("%2F!'()*");
  });
});

describe('unquote', () => {
  // [text, urllib.parse.unquote(text)] from Python 3.11.7.
  const cases: readonly (readonly [string, string])[] = [
    ['/a%20b', '/a b'],
    ['/100%', '/100%'],
    ['/a%zz', '/a%zz'],
    ['/a%2', '/a%2'],
    ['%', '%'],
    ['%%41', '%A'],
    ['/%2F', '//'],
    ['+%2B', '++'],
    ['/%C3%BC', '/\u00fc'],
    ['/%c3%bc', '/\u00fc'],
    ['%C3', '\ufffd'],
    ['%C3%28', '\ufffd('],
    ['%E2%82', '\ufffd'],
    ['%E2%82%28', '\ufffd('],
    ['%F0%9F%98', '\ufffd'],
    ['%F0%9F%98%80', '\ud83d\ude00'],
    ['%ED%A0%80', '\ufffd\ufffd\ufffd'],
    ['%ED%B3%BF', '\ufffd\ufffd\ufffd'],
    ['%F4%90%80%80', '\ufffd\ufffd\ufffd\ufffd'],
    ['%C0%AF', '\ufffd\ufffd'],
    ['%FF%FE', '\ufffd\ufffd'],
    ['%EF%BB%BFx', '\ufeffx'],
    ['%E2%82\u00fc%AC', '\ufffd\u00fc\ufffd'],
    ['\u00fc%C3%BC', '\u00fc\u00fc'],
    ['%C3\u00fc%BC', '\ufffd\u00fc\ufffd'],
    ['%00', '\u0000'],
    ['%41%4a%4A', 'AJJ'],
    ['no escapes', 'no escapes'],
  ];
  it.each(cases)('unquotes %j as Python does', (text, expected) => {
    expect(unquote(text)).toBe(expected);
  });

  it('accepts what decodeURIComponent throws on', () => {
    expect(() => decodeURIComponent('/100%')).toThrow(URIError);
    expect(unquote('/100%')).toBe('/100%');
  });
});

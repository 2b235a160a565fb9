import { describe, expect, it } from 'vitest';
import {
  collapseLeadingSlashes,
  joinTarget,
  splitTarget,
  toSitePath,
  translateTarget,
  type TargetParts,
} from './request-target.ts';

describe('collapseLeadingSlashes', () => {
  it('turns a run of leading slashes into one', () => {
    expect(collapseLeadingSlashes('//evil.com/x')).toBe('/evil.com/x');
    expect(collapseLeadingSlashes('///a//b')).toBe('/a//b');
  });

  it('leaves other targets alone', () => {
    expect(collapseLeadingSlashes('/a//b')).toBe('/a//b');
    expect(collapseLeadingSlashes('')).toBe('');
    expect(collapseLeadingSlashes('a//')).toBe('a//');
  });
});

describe('translateTarget', () => {
  // [target, Python 3.11.7's translate_path(target) with the directory `/R/` cut off].
  const cases: readonly (readonly [string, string])[] = [
    ['/', '/'],
    ['', ''],
    ['/a.txt', 'a.txt'],
    ['/a.txt/', 'a.txt/'],
    ['/sub/', 'sub/'],
    ['/sub', 'sub'],
    ['/a/b/c.txt?x=1#f', 'a/b/c.txt'],
    ['/a?b/c/', 'a'],
    ['/a#b?c/', 'a'],
    ['/a%20b', 'a b'],
    ['/a%2Fb', 'a/b'],
    ['/a%2F', 'a'],
    ['/a/%2e%2e/b', 'b'],
    ['/../a.txt', 'a.txt'],
    ['/../../', '/'],
    ['/%2e%2e/%2e%2e/a', 'a'],
    ['/a/./b/.', 'a/b'],
    ['/a//b///c', 'a/b/c'],
    ['/a/..', ''],
    ['/a/../', '/'],
    ['/a/b/../../..', ''],
    ['a/b', 'a/b'],
    ['../a', 'a'],
    ['a/../../b', 'b'],
    ['/a/ ', 'a/ /'],
    ['/a/\t', 'a/\t/'],
    ['/a/%20', 'a/ '],
    ['/a%00b', 'a\u0000b'],
    ['/c:/x', 'c:/x'],
    ['/a\\b', 'a\\b'],
    ['/%C3%BC', '\u00fc'],
    ['/..', ''],
    ['/.', ''],
    ['/...', '...'],
    ['?x', ''],
    ['#x', ''],
    ['/a%zz/100%', 'a%zz/100%'],
  ];
  it.each(cases)('translates %j as Python does', (target, expected) => {
    expect(translateTarget(target)).toBe(expected);
  });

  it('decodes an encoded surrogate to U+FFFD, where Python keeps the surrogate', () => {
    expect(translateTarget('/%ED%B3%BF')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('toSitePath', () => {
  it('drops the trailing slash of a translated path', () => {
    expect(toSitePath('/')).toBe('');
    expect(toSitePath('')).toBe('');
    expect(toSitePath('a/b/')).toBe('a/b');
    expect(toSitePath('a/b')).toBe('a/b');
  });
});

describe('splitTarget and joinTarget', () => {
  // [target, urlsplit(target), urlunsplit with '/' appended to the path] from Python 3.11.7.
  const cases: readonly (readonly [string, TargetParts, string])[] = [
    ['/sub', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/sub?q=1', { path: '/sub', query: 'q=1', fragment: '' }, '/sub/?q=1'],
    ['/sub?', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/sub#frag', { path: '/sub', query: '', fragment: 'frag' }, '/sub/#frag'],
    ['/sub?x=1#frag', { path: '/sub', query: 'x=1', fragment: 'frag' }, '/sub/?x=1#frag'],
    ['/sub#', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/sub?#', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/a#b?c', { path: '/a', query: '', fragment: 'b?c' }, '/a/#b?c'],
    ['/a?b#c?d', { path: '/a', query: 'b', fragment: 'c?d' }, '/a/?b#c?d'],
    [' \u0001/sub', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/s\tu\rb\n', { path: '/sub', query: '', fragment: '' }, '/sub/'],
    ['/sub?q=1&r=%20#f%20', { path: '/sub', query: 'q=1&r=%20', fragment: 'f%20' }, '/sub/?q=1&r=%20#f%20'],
    ['', { path: '', query: '', fragment: '' }, '/'],
  ];
  it.each(cases)('splits %j as urlsplit does', (target, parts, redirect) => {
    expect(splitTarget(target)).toEqual(parts);
    expect(joinTarget({ ...parts, path: `${parts.path}/` })).toBe(redirect);
  });
});

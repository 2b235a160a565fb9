import { describe, expect, it } from 'vitest';
import { resolveSitePath } from './site-path.ts';

describe('resolveSitePath', () => {
  it.each([
    ['data/x.txt', '', 'data/x.txt'],
    ['/data/./x.txt', 'cgi-bin', 'data/x.txt'],
    ['../lib/u.mjs', 'cgi-bin/sub', 'cgi-bin/lib/u.mjs'],
    ['x.mjs', 'cgi-bin', 'cgi-bin/x.mjs'],
    ['/', '', ''],
  ])('%s from %j is %s', (path, base, resolved) => {
    expect(resolveSitePath(path, base)).toBe(resolved);
  });

  it('refuses to climb above the root', () => {
    expect(resolveSitePath('../x', '')).toBeUndefined();
    expect(resolveSitePath('../../x', 'a')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { collapseUrlPath, findCgiDirectory, PathEscapesRootError } from './cgi-path.ts';

describe('collapseUrlPath (docs/http-server-rules.md#c-2-1)', () => {
  it.each([
    ['/', '//'],
    ['/a/b/.', '/a/b/'],
    ['/a/b/..', '/a/'],
    ['//cgi-bin/env.sh', '/cgi-bin/env.sh'],
    ['/foo/../cgi-bin/env.sh', '/cgi-bin/env.sh'],
    ['/cgi-bin/./subdir//inner.sh', '/cgi-bin/subdir/inner.sh'],
    ['/cgi%2Dbin/env%2Esh', '/cgi-bin/env.sh'],
    ['/cgi-bin/a%2Fb', '/cgi-bin/a/b'],
    ['/cgi-bin/x%3Fy?q=1/2', '/cgi-bin/x?y?q=1/2'],
    ['/cgi-bin/env.sh?a%20b', '/cgi-bin/env.sh?a%20b'],
    ['/cgi-bin/env.sh#frag', '/cgi-bin/env.sh#frag'],
    ['/a/?', '/a/'],
  ])('%s → %s', (target, collapsed) => {
    expect(collapseUrlPath(target)).toBe(collapsed);
  });

  it.each(['/..', '/../a.txt', '/%2e%2e/x', '/a/../../b'])('refuses %s, which climbs above the root', (target) => {
    expect(() => collapseUrlPath(target)).toThrow(PathEscapesRootError);
  });
});

describe('findCgiDirectory (docs/http-server-rules.md#c-2-3)', () => {
  const dirs = ['/cgi-bin', '/htbin'];
  it.each([
    ['/cgi-bin/env.sh', { directory: '/cgi-bin', rest: 'env.sh' }],
    ['/cgi-bin/', { directory: '/cgi-bin', rest: '' }],
    ['/htbin/a/b?x=/y', { directory: '/htbin', rest: 'a/b?x=/y' }],
    ['/cgi-bin//', { directory: '/cgi-bin', rest: '/' }],
  ])('%s is a CGI target', (collapsed, found) => {
    expect(findCgiDirectory(collapsed, dirs)).toEqual(found);
  });

  it.each(['/cgi-bin', '/cgi-bin-not/x', '/sub/cgi-bin/x', '/CGI-BIN/x', '//'])('%s is not', (collapsed) => {
    expect(findCgiDirectory(collapsed, dirs)).toBeUndefined();
  });

  it('matches a nested directory of the list by its whole prefix', () => {
    expect(findCgiDirectory('/a/b/c', ['/a/b'])).toEqual({ directory: '/a/b', rest: 'c' });
  });
});

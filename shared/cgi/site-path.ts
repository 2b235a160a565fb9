/** Paths a CGI script names inside its own site (for `site.readFile` and imports). */

/**
 * The site path (`a/b.txt`, root `''`) that `path` names: from the site's root when it starts with
 * `/`, else from the directory `base`. `.` and empty segments are dropped and `..` goes up;
 * undefined when it would climb above the root.
 */
export function resolveSitePath(path: string, base = ''): string | undefined {
  const segments = path.startsWith('/') || base === '' ? [] : base.split('/');
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (segments.pop() === undefined) return undefined;
    } else if (segment !== '' && segment !== '.') {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

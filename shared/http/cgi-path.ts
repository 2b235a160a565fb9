/**
 * How `CGIHTTPRequestHandler` sees a request path (docs/http-server-rules.md#c-2): the URL "collapse" that decides
 * whether a target is a CGI target, and the CGI directory it falls in.
 */
import { unquote } from './percent-encoding.ts';

/** Python raises IndexError here and drops the connection; the handler answers 404 instead. */
export class PathEscapesRootError extends Error {
  constructor(path: string) {
    super(`more “..” segments than directories in ${path}`);
    this.name = 'PathEscapesRootError';
  }
}

/**
 * `_url_collapse_path`: the path before the first `?` percent-decoded, empty and `.` segments
 * dropped and `..` resolved; the raw query is appended to the last segment. The result always
 * starts with `/`, and has a `/` before its last segment (the root is `//`). Throws
 * `PathEscapesRootError` when a `..` has nothing left to remove.
 */
export function collapseUrlPath(target: string): string {
  const question = target.indexOf('?');
  const path = unquote(question < 0 ? target : target.slice(0, question));
  const query = question < 0 ? '' : target.slice(question + 1);
  const segments = path.split('/');
  let tail = segments.pop() ?? '';
  const head: string[] = [];
  const up = () => {
    if (head.pop() === undefined) throw new PathEscapesRootError(path);
  };
  for (const segment of segments) {
    if (segment === '..') up();
    else if (segment !== '' && segment !== '.') head.push(segment);
  }
  if (tail === '..') {
    up();
    tail = '';
  } else if (tail === '.') {
    tail = '';
  }
  if (query) tail = `${tail}?${query}`;
  return `/${head.join('/')}/${tail}`;
}

/**
 * `is_cgi`'s search: the first `/` (after the leading one) whose prefix is one of `directories`
 * splits the collapsed path into that directory and the rest; undefined when none does.
 */
export function findCgiDirectory(collapsed: string, directories: readonly string[]): { directory: string; rest: string } | undefined {
  for (let slash = collapsed.indexOf('/', 1); slash > 0; slash = collapsed.indexOf('/', slash + 1)) {
    const directory = collapsed.slice(0, slash);
    if (directories.includes(directory)) return { directory, rest: collapsed.slice(slash + 1) };
  }
  return undefined;
}

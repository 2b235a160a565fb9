/**
 * The request-target, taken apart the ways `http.server` does: for the handler's `path`, for the
 * file it names (`translate_path`) and for the redirect that appends a slash (`urlsplit`).
 */

import { unquote } from './percent-encoding.ts';
import { stripTrailingWhitespace } from './python-text.ts';

/**
 * A run of leading slashes becomes one (gh-87389), so that `//evil.com/x` can never come back as a
 * scheme-relative `Location`. Browsers do send such paths (`http://host//evil.com/`).
 */
export function collapseLeadingSlashes(target: string): string {
  return target.startsWith('//') ? `/${target.replace(/^\/+/, '')}` : target;
}

/**
 * The site-relative file path a target names (`translate_path`, docs/http-server-rules.md#b-3): query and fragment
 * cut off, percent-decoded once (so `%2F` separates segments), then normalised lexically with
 * empty, `.` and `..` segments dropped, so nothing can leave the site root. A slash at the end of
 * the target (before decoding, so `%2F` does not count) is kept as a trailing `/`.
 *
 * Root is `''`, or `'/'` when the target ended with a slash; `a/b/` stands for Python's
 * `<directory>/a/b/`.
 */
export function translateTarget(target: string): string {
  const path = target.split('?', 1)[0].split('#', 1)[0];
  const trailingSlash = stripTrailingWhitespace(path).endsWith('/');
  const words: string[] = [];
  for (const word of unquote(path).split('/')) {
    if (word === '..') words.pop();
    else if (word !== '' && word !== '.') words.push(word);
  }
  return words.join('/') + (trailingSlash ? '/' : '');
}

export interface TargetParts {
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
}

/**
 * `urllib.parse.urlsplit` for a request-target: leading C0 controls and spaces dropped, tabs and
 * line breaks removed anywhere, then the fragment split off before the query (`/a#b?c` has the
 * fragment `b?c`). Python would also split off a scheme and an authority; joining the parts back
 * gives the same text for every target but a `http:`-like one without `//`, which only a direct
 * caller can send.
 */
export function splitTarget(target: string): TargetParts {
  let rest = target.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let fragment = '';
  let query = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf('?');
  if (question >= 0) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  return { path: rest, query, fragment };
}

/** `urlunsplit`: an empty query or fragment is dropped with its `?` or `#`. */
export function joinTarget({ path, query, fragment }: TargetParts): string {
  return path + (query ? `?${query}` : '') + (fragment ? `#${fragment}` : '');
}

/** The `SiteFiles` path of a translated path: without its trailing slash (root is `''`). */
export function toSitePath(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * Comparing what dropserve and CPython's http.server did with one request: the status, reason,
 * headers and body a client sees, and the log lines. `Server` and `Date` differ by design
 * (deviations 1 and 3) and are compared by shape only; a `Location` is compared in the site's space.
 */
import { createHash } from 'node:crypto';
import type { Answer, Exchange } from './conformance-exchange.ts';

export interface Difference {
  readonly field: string;
  readonly dropserve: string;
  readonly python: string;
  /** More to read for a person (both bodies as text); not part of what is compared. */
  readonly detail?: string;
}

/** Headers whose values must be equal (the set of header names is compared too). */
const COMPARED_HEADERS = ['content-type', 'content-length', 'location', 'last-modified', 'connection'];

/**
 * Validators and ranges dropserve adds to every file answer (docs/deviations.md, "ETag, Cache-Control
 * and Accept-Ranges"): where Python sends no such header, they are left out of the header names and
 * compared by shape.
 */
const PREVIEW_HEADERS: Readonly<Record<string, RegExp>> = { etag: /^"[0-9A-Za-z-]+"$/, 'cache-control': /^no-cache$/, 'accept-ranges': /^bytes$/ };

/** `SimpleHTTP/0.6 Python/3.11.7` and `SimpleHTTP/0.6 dropserve/0.1`: `<server_version> <sys_version>`. */
const SERVER = /^SimpleHTTP\/0\.6 [A-Za-z]+\/\d+(?:\.\d+)+$/;
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
/** `<client> - - [DD/Mon/YYYY HH:MM:SS] <message>` */
const LOG_LINE = /^(\S+) - - \[\d\d\/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/\d{4} \d\d:\d\d:\d\d\] (.*)$/s;
/** The two servers' clocks are one machine's; answers to one request come within this of each other. */
const DATE_SLACK = 120_000;

/** Every difference between dropserve's exchange and Python's for the site `site`. */
export function compareExchanges(site: string, ours: Exchange, theirs: Exchange): Difference[] {
  const differences =
    ours.answer && theirs.answer
      ? compareAnswers(site, ours.answer, theirs.answer)
      : differing('answer', summary(ours.answer), summary(theirs.answer));
  return [...differences, ...differing('log', logMessages(ours.log), logMessages(theirs.log))];
}

/** The difference in `field`, if the two values differ. */
function differing(field: string, dropserve: unknown, python: unknown): Difference[] {
  const [a, b] = [describe(dropserve), describe(python)];
  return a === b ? [] : [{ field, dropserve: a, python: b }];
}

function compareAnswers(site: string, ours: Answer, theirs: Answer): Difference[] {
  const [ourDate, theirDate] = [Date.parse(ours.headers.date ?? ''), Date.parse(theirs.headers.date ?? '')];
  return [
    ...differing('status', ours.status, theirs.status),
    ...differing('reason', ours.reason, theirs.reason),
    ...differing('header names', Object.keys(ours.headers).filter((name) => !(name in PREVIEW_HEADERS) || name in theirs.headers).sort(), Object.keys(theirs.headers).sort()),
    ...Object.entries(PREVIEW_HEADERS).flatMap(([name, shape]) => {
      const value = ours.headers[name];
      return value === undefined || name in theirs.headers || shape.test(value) ? [] : differing(`${name} (shape)`, value, String(shape));
    }),
    ...COMPARED_HEADERS.flatMap((name) =>
      differing(name, ours.headers[name], name === 'location' ? intoSite(site, theirs.headers[name]) : theirs.headers[name]),
    ),
    ...differing('server (shape)', SERVER.test(ours.headers.server ?? ''), SERVER.test(theirs.headers.server ?? '')),
    ...differing('date (shape)', dateShape(ours.headers.date), dateShape(theirs.headers.date)),
    ...(Math.abs(ourDate - theirDate) <= DATE_SLACK ? [] : differing('date', ours.headers.date, theirs.headers.date)),
    ...compareBodies(ours.body, theirs.body ?? ''),
  ];
}

/** A redirect's body cannot be seen through the Service Worker (null): Python's must be empty, as its Content-Length says. */
function compareBodies(ours: string | null, theirs: string): Difference[] {
  if (ours === null) return theirs === '' ? [] : differing('body', '(a redirect: not visible)', bodySummary(Buffer.from(theirs, 'base64')));
  return ours === theirs ? [] : [bodyDifference(Buffer.from(ours, 'base64'), Buffer.from(theirs, 'base64'))];
}

/** Python's `Location: /a/` is `/site/<name>/a/` in dropserve. */
function intoSite(site: string, location: string | undefined): string | undefined {
  return location?.startsWith('/') ? `/site/${site}${location}` : location;
}

function dateShape(date: string | undefined): string {
  return date !== undefined && HTTP_DATE.test(date) ? 'an HTTP date' : `not an HTTP date: ${date}`;
}

/** The messages after `<client> - - [<time>] `; the client must be 127.0.0.1 on both sides. */
function logMessages(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const match = LOG_LINE.exec(line);
    if (!match) return `(not a log line) ${line}`;
    return match[1] === '127.0.0.1' ? match[2]! : `(client ${match[1]}) ${match[2]}`;
  });
}

function summary(answer: Answer | undefined): string {
  return answer ? `${answer.status} ${answer.reason}` : 'no answer: the connection was closed';
}

/** Bodies differ: their sizes, hashes and bytes from the first difference on; both texts to read. */
function bodyDifference(ours: Buffer, theirs: Buffer): Difference {
  let first = 0;
  while (first < ours.length && first < theirs.length && ours[first] === theirs[first]) first++;
  const from = (bytes: Buffer) => `${bodySummary(bytes)}; from byte ${first}: ${bytes.subarray(first, first + 16).toString('hex').replace(/../g, '$& ').trim()}`;
  const detail = `dropserve's body:\n${ours.toString('utf8')}\nPython's body:\n${theirs.toString('utf8')}`;
  return { field: 'body', dropserve: from(ours), python: from(theirs), detail };
}

function bodySummary(bytes: Buffer): string {
  return `${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
}


function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
}

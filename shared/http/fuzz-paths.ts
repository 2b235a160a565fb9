/**
 * For tests only (never imported by the app): request targets made to attack path handling —
 * traversal in every spelling, percent-escapes of random bytes, overlong and invalid UTF-8, NUL,
 * backslashes, very long segments and thousands of segments. The unit fuzz test and the e2e sample
 * through the real Service Worker draw from the same generator.
 */
import fc from 'fast-check';

/** The names the fuzzed sites hold (see `fuzzSiteFiles`), so that paths often hit real entries. */
export const FUZZ_SITE_NAMES = ['alpha', 'beta'] as const;
export type FuzzSiteName = (typeof FUZZ_SITE_NAMES)[number];

/** Ways to climb or separate that some decoder somewhere has been fooled by. */
const TRICKS = [
  '..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%2e', '..%2f', '..%2F', '%2f', '%2F', '%5c', '%5C', '\\', '..\\', '..%5c',
  '%00', '%00.html', 'a%00b', '%c0%ae%c0%ae', '%c0%af', '%e0%80%ae', '%c0%2e', '%ff', '%80', '%ed%a0%80', '%ed%b3%bf',
  '%25', '%252e%252e', '%252f', '%', '%g1', '%2', '..;', ';', '?', '#', '%3f', '%23', '~', '%7e', ' ', '%20', '%0a', '%0d%0a',
  '..%00', '%u002e', '\u2024\u2024', '\uff0e\uff0e', '%e2%80%a4', 'site', ...FUZZ_SITE_NAMES,
];

/** Names that exist in both fuzzed sites, or nearly. */
const NAMES = [
  'index.html', 'common.txt', 'docs', 'docs/page.html', 'noindex', 'withindex', 'empty', 'secret.txt',
  'alpha-only.txt', 'beta-only.txt', 'common.txt/', 'INDEX.HTML', 'docs%2fpage.html', 'noindex%2F',
];

const hex = (byte: number) => `%${byte.toString(16).padStart(2, '0')}`;

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TRICKS) },
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 6 }).map((bytes) => [...bytes].map(hex).join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 70_000 }).map((length) => 'a'.repeat(length)) }, // 1 in 19: very long
);

const prefix = fc.constantFrom('/', '/', '/', '//', '///', '/./', '/../', '\\', '/%2e%2e/', '');
const suffix = fc.constantFrom('', '', '/', '?', '?x=1', '#f', '?a=../../beta', '/?q=%2e%2e', '%2f', '#/../beta/');

/** A few segments, the common case. */
const shortPath = fc.tuple(prefix, fc.array(segment, { maxLength: 10 }), suffix).map(([start, parts, end]) => start + parts.join('/') + end);

/** Thousands of segments: one segment repeated, as a climb `../../…` would be. */
const manySegments = fc
  .tuple(prefix, fc.integer({ min: 1000, max: 6000 }), fc.constantFrom(...TRICKS, ...NAMES), suffix)
  .map(([start, count, part, end]) => start + Array.from({ length: count }, () => part).join('/') + end);

/** A request-target: mostly short hostile paths, sometimes thousands of segments. */
export const fuzzTarget: fc.Arbitrary<string> = fc.oneof({ weight: 20, arbitrary: shortPath }, { weight: 1, arbitrary: manySegments });

/** A path of `bytes` bytes, far over any request-line limit. */
export function hugeTarget(bytes = 2 * 2 ** 20): string {
  return `/${'a%2e/'.repeat(Math.ceil(bytes / 5)).slice(0, bytes - 1)}`;
}

/** Text that only a response from `site` can contain: every fuzzed file and listed name carries it. */
export function siteMark(site: string): string {
  return `owner:${site}:`;
}

/**
 * The files of one fuzzed site (as `[path, content]`; a path ending in `/` is an empty directory).
 * Every file's content and every entry name a listing shows carries `siteMark(site)`, so that a
 * response from the wrong site gives itself away.
 */
export function fuzzSiteFiles(site: string): [path: string, content: string][] {
  const mark = siteMark(site);
  return [
    ['index.html', `<p>${mark} home</p>\n`],
    ['common.txt', `${mark} common\n`],
    [`${site}-only.txt`, `${mark} only\n`],
    [`docs/page.html`, `<p>${mark} page</p>\n`],
    [`docs/${mark}doc.txt`, `${mark} doc\n`],
    [`noindex/${mark}listed.txt`, `${mark} listed\n`],
    [`noindex/${mark}sub/${mark}deep.txt`, `${mark} deep\n`],
    [`withindex/index.html`, `<p>${mark} index</p>\n`],
    [`withindex/${mark}beside.txt`, `${mark} beside\n`],
    [`empty/`, ''],
  ];
}

/**
 * A site's serving options, stored on its site record and kept when the folder is imported again.
 * CGI is off by default, as `python -m http.server` runs without `--cgi`.
 */

export interface SiteOptions {
  /** Run scripts in the CGI directories (`--cgi`). */
  readonly cgi: boolean;
  /** `cgi_directories`: URL paths, each `/`-led with no trailing slash, matched case-sensitively. */
  readonly cgiDirectories: readonly string[];
  /** A script still running after this long is stopped and answered with 504. */
  readonly cgiTimeLimitSeconds: number;
  /** Answer a missing file with the site's `/404.html` (status 404), as GitHub Pages and Netlify do. */
  readonly notFoundPage: boolean;
  /** Answer a missing path without a file extension with `/index.html` (a single-page app's routes). */
  readonly spaFallback: boolean;
}

export const DEFAULT_SITE_OPTIONS: SiteOptions = {
  cgi: false,
  cgiDirectories: ['/cgi-bin', '/htbin'],
  cgiTimeLimitSeconds: 10,
  notFoundPage: false,
  spaFallback: false,
};

/** The options a stored record holds, each missing field at its default (records from before options). */
export function siteOptionsOf(record: { readonly options?: Partial<SiteOptions> }): SiteOptions {
  return { ...DEFAULT_SITE_OPTIONS, ...record.options };
}

/**
 * The CGI directories a person typed, separated by commas, spaces or line breaks: each gets a
 * leading slash and loses trailing ones (`cgi-bin/` → `/cgi-bin`); duplicates and `/` alone are
 * dropped, since Python's detection can never match an empty prefix.
 */
export function parseCgiDirectories(text: string): string[] {
  const directories = text
    .split(/[\s,]+/)
    .map((word) => `/${word.replace(/^\/+|\/+$/g, '')}`)
    .filter((directory) => directory !== '/');
  return [...new Set(directories)];
}

/** A time limit a person typed, in seconds: a positive number, else undefined. */
export function parseTimeLimit(text: string): number | undefined {
  const seconds = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** The URL space of stored sites (DESIGN.md §2): site `<name>` lives at `/site/<name>/`. */

export const SITE_PREFIX = '/site/';

/** Where the site named `name` is served. Site names are URL-safe, so no escaping is needed. */
export function sitePath(name: string): string {
  return `${SITE_PREFIX}${name}/`;
}

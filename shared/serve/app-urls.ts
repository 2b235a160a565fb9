/**
 * The app's URL space, and its only home: the app lives in a folder — the Service Worker's scope,
 * `/` under `npm start`, `/tools/dropserve/` on someone's static host — with the Service Worker
 * at `<app>/sw.js` and site `<name>` served at `<app>/site/<name>/` (docs/deployment.md). The
 * folder is found at run time, from the registration's scope or the page's own URL, so one build
 * works unchanged at any path.
 */

/** The Service Worker's file, in the app's folder. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The folder of the app's folder that holds the sites. */
const SITES_FOLDER = 'site';

export class AppUrls {
  /** The app folder's path, with its trailing slash: `/` or `/tools/dropserve/`. */
  readonly root: string;
  /** Where the sites are: `<root>site/`. */
  readonly sitePrefix: string;

  constructor(root: string) {
    if (!root.startsWith('/') || !root.endsWith('/')) throw new Error(`an app folder's path starts and ends with "/": ${JSON.stringify(root)}`);
    this.root = root;
    this.sitePrefix = `${root}${SITES_FOLDER}/`;
  }

  /** The app whose folder is `folderUrl` (a registration's scope, or `new URL('./', page)`). */
  static at(folderUrl: string | URL): AppUrls {
    return new AppUrls(new URL(folderUrl).pathname);
  }

  /** The Service Worker's path. */
  get serviceWorker(): string {
    return this.root + SERVICE_WORKER_FILE;
  }

  /** Where the site named `name` is served. Site names are URL-safe, so no escaping is needed. */
  sitePath(name: string): string {
    return `${this.sitePrefix}${name}/`;
  }

  /** Whether a URL path is in the sites' space (a site, or `<root>site/` itself). */
  isSitePath(pathname: string): boolean {
    return pathname.startsWith(this.sitePrefix);
  }

  /** Whether a URL path is the app's own page: its folder, or the folder's index.html. */
  isAppPage(pathname: string): boolean {
    return pathname === this.root || pathname === `${this.root}index.html`;
  }

  /**
   * Splits `<root>site/<name><target>` (a path and query, origin removed) into the site's name
   * and the handler's request-target; undefined when the URL names no site.
   */
  splitSiteUrl(pathAndQuery: string): { name: string; target: string } | undefined {
    if (!this.isSitePath(pathAndQuery)) return undefined;
    const rest = pathAndQuery.slice(this.sitePrefix.length);
    const end = rest.search(/[/?]/);
    const name = end < 0 ? rest : rest.slice(0, end);
    if (name === '') return undefined;
    // `<root>site/<name>` with no slash is the site's root without its slash: the handler redirects it.
    return { name, target: end < 0 ? '' : rest.slice(end) };
  }

  /**
   * The app folders a site URL may belong to, nearest the origin first, when nothing says which
   * (a static host's 404.html, shown before the Service Worker is installed): each path before a
   * `site/<name>` segment pair.
   */
  static candidatesFor(pathname: string): AppUrls[] {
    const segments = pathname.split('/');
    const found: AppUrls[] = [];
    for (let i = 1; i + 1 < segments.length; i++) {
      if (segments[i] === SITES_FOLDER && segments[i + 1] !== '') found.push(new AppUrls(`${segments.slice(0, i).join('/')}/`));
    }
    return found;
  }
}

/**
 * A URL's path and query as the browser sent them, which is what `splitSiteUrl` takes. Not
 * `URL.pathname + URL.search`: those drop an empty `?`, which Python's listing title shows. The
 * fragment, which `Request.url` keeps and a browser never sends to a server, is cut off.
 */
export function pathAndQueryOf(url: URL): string {
  return url.href.slice(url.origin.length).split('#', 1)[0]!;
}

/** The app at an origin's root, as `npm start` serves it (and as tests of the handler edge assume). */
export const APP_AT_ROOT = new AppUrls('/');

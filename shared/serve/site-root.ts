/**
 * Site-root links (docs/deviations.md): a page under `<app>/site/<name>/` that asks for `/css/a.css` or
 * navigates to `/about/` means its own site's root, as it would deployed at a domain's root. Which
 * site a request belongs to is the URL of the page that made it; this module holds the pure part —
 * what to do with a request, given that page's URL.
 */
import { type AppUrls, pathAndQueryOf } from './app-urls.ts';

/** What becomes of an origin-root request from a site's page. */
export type SiteRootAnswer =
  /** A subresource: answer it with the site's file at `url`, the URL unchanged for the page. */
  | { readonly kind: 'serve'; readonly url: string }
  /** A navigation: send the browser to `url`, so the address bar and relative links are right. */
  | { readonly kind: 'redirect'; readonly url: string };

export interface SiteRootRequest {
  /** The request's URL. */
  readonly url: string;
  readonly navigation: boolean;
  /** The URL of the page the request comes from (its client, else its referrer), if known. */
  readonly pageUrl: string | undefined;
}

/** The site a same-origin page URL is in, or undefined for the app's own pages and other origins. */
export function siteOfPage(pageUrl: string, origin: string, app: AppUrls): string | undefined {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined; // `about:client`, an empty referrer
  }
  if (url.origin !== origin) return undefined;
  const site = app.splitSiteUrl(url.pathname);
  return site?.name === '' ? undefined : site?.name;
}

/**
 * How to answer a request outside `<app>/site/` made by a site's page; undefined when it is not one
 * (a request from the app's own pages, or already under `<app>/site/`), which is then answered as usual.
 */
export function resolveSiteRoot({ url, navigation, pageUrl }: SiteRootRequest, app: AppUrls): SiteRootAnswer | undefined {
  const target = new URL(url);
  if (app.isSitePath(target.pathname) || pageUrl === undefined) return undefined;
  const site = siteOfPage(pageUrl, target.origin, app);
  if (site === undefined) return undefined;
  const inSite = `${target.origin}${app.sitePath(site)}${pathAndQueryOf(target).slice(1)}`;
  return { kind: navigation ? 'redirect' : 'serve', url: inSite };
}

/**
 * Reloading open previews when their site changes (a re-sync, a re-import, a deletion): the app
 * page tells the Service Worker, which sends each of its windows showing that site to the URL it
 * is at — the site's bytes are never touched to do it.
 */
import type { AppUrls } from './app-urls.ts';

export const SITE_CHANGED = 'dropserve:site-changed';

export interface SiteChangedMessage {
  readonly type: typeof SITE_CHANGED;
  readonly name: string;
}

export function siteChanged(name: string): SiteChangedMessage {
  return { type: SITE_CHANGED, name };
}

export function isSiteChanged(data: unknown): data is SiteChangedMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SITE_CHANGED && typeof (data as { name?: unknown }).name === 'string';
}

/** Whether the page at `url` shows the site `name`: `<app>/site/<name>` itself or anything below it. */
export function showsSite(url: string, name: string, app: AppUrls): boolean {
  const { pathname } = new URL(url);
  const sitePath = app.sitePath(name);
  return pathname === sitePath.slice(0, -1) || pathname.startsWith(sitePath);
}

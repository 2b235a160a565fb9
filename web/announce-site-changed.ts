import { siteChanged } from '../shared/serve/site-changed.ts';

/**
 * Tells the Service Worker that the site `name` changed (imported again, or deleted), so
 * that it reloads the site's open previews (shared/serve/site-changed.ts): only it can reach
 * preview windows that this page did not open.
 */
export async function announceSiteChanged(name: string): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(siteChanged(name));
}

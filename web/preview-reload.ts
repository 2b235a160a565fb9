import { siteChanged } from '../shared/serve/site-changed.ts';

/**
 * Asks the Service Worker to reload the open previews of `name` (shared/serve/site-changed.ts):
 * only it can reach preview windows that this page did not open.
 */
export async function reloadPreviews(name: string): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(siteChanged(name));
}

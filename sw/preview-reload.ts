/**
 * The Service Worker's side of reloading previews (shared/serve/site-changed.ts): each window it
 * controls that shows the changed site is navigated to the URL it is at, which reloads it from the
 * site as it is now.
 */
import { showsSite } from '../shared/serve/site-changed.ts';
import { app } from './app.ts';

declare const self: ServiceWorkerGlobalScope;

/** Navigates each window this worker controls that shows the site `name` to its own URL. */
export async function navigateSitePreviews(name: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  // A window closed or navigated away meanwhile has nothing left to reload.
  await Promise.all(windows.filter((client) => showsSite(client.url, name, app)).map((client) => client.navigate(client.url).catch(() => null)));
}

/**
 * Registers the Service Worker that serves `<app>/site/…`, with the app's folder as its scope
 * (shared/serve/app-urls.ts), and resolves once it controls this page, so
 * that an Open link right after an import is answered by it. It is an ES module in dev (Vite
 * serves its TS source) and one bundled file in a build; `type: 'module'` fits both.
 */
import { app } from './app.ts';

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error('This browser has no Service Workers (or they are disabled here, as in private windows of some browsers): dropserve cannot serve sites.');
  }
  await navigator.serviceWorker.register(app.serviceWorker, { type: 'module', scope: app.root });
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/**
 * Where this app lives, as the Service Worker knows it: its registration's scope is the app's
 * folder (shared/serve/app-urls.ts), whatever path the app was deployed under.
 */
import { AppUrls } from '../shared/serve/app-urls.ts';

declare const self: ServiceWorkerGlobalScope;

export const app = AppUrls.at(self.registration.scope);

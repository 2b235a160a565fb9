/**
 * The app's own files, precached at install so that the app opens with the network gone
 * (docs/design.md#service-worker). One cache per build version; older ones are deleted when a new version activates.
 */
import type { AppUrls } from '../shared/serve/app-urls.ts';

const CACHE_PREFIX = 'dropserve-shell-';

export class AppShell {
  readonly #urls: readonly string[];
  readonly #cacheName: string;
  readonly #app: AppUrls;
  readonly #ownPrefix: string;

  /** `urls`: the shell's paths, the app's folder (its page) among them. */
  constructor(urls: readonly string[], version: string, app: AppUrls) {
    this.#urls = urls;
    // Apps deployed under two paths of one origin share its caches: each keeps to its own names.
    this.#ownPrefix = `${CACHE_PREFIX}${app.root}@`;
    this.#cacheName = this.#ownPrefix + version;
    this.#app = app;
  }

  async install(): Promise<void> {
    if (this.#urls.length === 0) return; // dev: Vite serves modules on demand
    const cache = await caches.open(this.#cacheName);
    // `reload`: the HTTP cache must not hand us an older build's files.
    await cache.addAll(this.#urls.map((url) => new Request(url, { cache: 'reload' })));
  }

  async removeOldVersions(): Promise<void> {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => (n.startsWith(this.#ownPrefix) || (this.#app.root === '/' && isBeforeAppFolders(n))) && n !== this.#cacheName).map((n) => caches.delete(n)));
  }

  /** Whether this request is the shell's to answer: a precached file, or a navigation to the app. */
  covers(request: Request, url: URL): boolean {
    if (this.#urls.length === 0 || request.method !== 'GET') return false;
    return this.#urls.includes(url.pathname) || (request.mode === 'navigate' && this.#app.isAppPage(url.pathname));
  }

  /** Cache first: the shell changes only with a new SW version, which brings a new cache. */
  async respond(request: Request, url: URL): Promise<Response> {
    const cache = await caches.open(this.#cacheName);
    // Vite's and other servers' `Vary: Origin` would make a plain match miss (docs/design.md#service-worker).
    const key = this.#app.isAppPage(url.pathname) ? this.#app.root : url.pathname;
    return (await cache.match(key, { ignoreVary: true, ignoreSearch: true })) ?? fetch(request);
  }
}

/** A cache of a build that named its caches without the app's folder: the app lived only at `/`, so only that app removes them. */
function isBeforeAppFolders(name: string): boolean {
  return name.startsWith(CACHE_PREFIX) && !name.slice(CACHE_PREFIX.length).startsWith('/');
}

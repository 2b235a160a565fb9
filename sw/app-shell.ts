/**
 * The app's own files, precached at install so that the app opens with the network gone
 * (DESIGN.md §5). One cache per build version; older ones are deleted when a new version activates.
 */
const CACHE_PREFIX = 'dropserve-shell-';

export class AppShell {
  readonly #urls: readonly string[];
  readonly #cacheName: string;

  constructor(urls: readonly string[], version: string) {
    this.#urls = urls;
    this.#cacheName = CACHE_PREFIX + version;
  }

  async install(): Promise<void> {
    if (this.#urls.length === 0) return; // dev: Vite serves modules on demand
    const cache = await caches.open(this.#cacheName);
    // `reload`: the HTTP cache must not hand us an older build's files.
    await cache.addAll(this.#urls.map((url) => new Request(url, { cache: 'reload' })));
  }

  async removeOldVersions(): Promise<void> {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== this.#cacheName).map((n) => caches.delete(n)));
  }

  /** Whether this request is the shell's to answer: a precached file, or a navigation to the app. */
  covers(request: Request, url: URL): boolean {
    if (this.#urls.length === 0 || request.method !== 'GET') return false;
    return this.#urls.includes(url.pathname) || (request.mode === 'navigate' && url.pathname === '/index.html');
  }

  /** Cache first: the shell changes only with a new SW version, which brings a new cache. */
  async respond(request: Request, url: URL): Promise<Response> {
    const cache = await caches.open(this.#cacheName);
    // Vite's and other servers' `Vary: Origin` would make a plain match miss (DESIGN.md §5).
    const key = url.pathname === '/index.html' ? '/' : url.pathname;
    return (await cache.match(key, { ignoreVary: true, ignoreSearch: true })) ?? fetch(request);
  }
}

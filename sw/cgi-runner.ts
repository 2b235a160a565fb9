/**
 * The Service Worker's side of CGI (DESIGN.md §6): a SW cannot create Workers, so each run is
 * handed to an open app page over a fresh `MessageChannel`, and the page's answer streams back.
 * Nothing outlives the request, so a restarted SW simply opens a new channel for the next one.
 */
import { CGI_RUN, type CgiRunRequest, type HostMessage, type ServerMessage } from '../shared/cgi/messages.ts';
import { CgiUnavailableError, type ScriptEnd, type ScriptJob, type ScriptProcess, type ScriptRunner } from '../shared/cgi/script-runner.ts';
import type { CgiSupport } from '../shared/serve/site-handler.ts';
import { app } from './app.ts';

declare const self: ServiceWorkerGlobalScope;

/** How long a page has to take a run before the next page is asked. */
const ACCEPT_TIMEOUT_MS = 3000;
/**
 * How often the SW checks that the page running a script is still there (not closed, reloaded or
 * crashed). The SW asks `clients` rather than waiting for a heartbeat: a hidden tab's timers may
 * fire only once a minute.
 */
const PAGE_CHECK_MS = 1000;

/** CGI for one fetch event: the event is kept alive until the script ends. */
export function cgiSupport(event: FetchEvent): CgiSupport {
  return {
    runner: (site, options) => new AppPageRunner(site, options.cgiTimeLimitSeconds, (ended) => event.waitUntil(ended)),
    requestHeaders: (headers) => networkHeaders(event.request, headers),
  };
}

/**
 * The request's headers plus the `Referer` and `Cookie` the browser adds on the network. Cookies
 * come from the Cookie Store API, which does not show HttpOnly ones; Chromium refuses its `url`
 * filter in a worker, so the cookie paths are matched here.
 */
async function networkHeaders(request: Request, given: Headers): Promise<Headers> {
  const headers = new Headers(given);
  if (request.referrer && request.referrer !== 'about:client' && !headers.has('Referer')) headers.set('Referer', request.referrer);
  if (request.credentials !== 'omit' && !headers.has('Cookie') && 'cookieStore' in self) {
    const path = new URL(request.url).pathname;
    const cookies = (await self.cookieStore.getAll().catch(() => [])).filter((cookie) => pathMatches(path, (cookie as { path?: string }).path ?? '/'));
    if (cookies.length > 0) headers.set('Cookie', cookies.map(({ name, value }) => (name ? `${name}=${value}` : value)).join('; '));
  }
  return headers;
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(path: string, cookiePath: string): boolean {
  return path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));
}

class AppPageRunner implements ScriptRunner {
  readonly #site: string;
  readonly #timeLimitSeconds: number;
  readonly #keepAliveUntil: (ended: Promise<unknown>) => void;

  constructor(site: string, timeLimitSeconds: number, keepAliveUntil: (ended: Promise<unknown>) => void) {
    this.#site = site;
    this.#timeLimitSeconds = timeLimitSeconds;
    this.#keepAliveUntil = keepAliveUntil;
  }

  async run(job: ScriptJob): Promise<ScriptProcess> {
    const stdin = job.stdin ? await new Response(job.stdin).arrayBuffer() : null;
    for (const page of await appPages()) {
      const request: CgiRunRequest = { type: CGI_RUN, site: this.#site, script: job.script, env: job.env, argv: job.argv, stdin: stdin?.slice(0) ?? null, timeLimitSeconds: this.#timeLimitSeconds };
      const process = await offer(page, request, job);
      if (process) {
        this.#keepAliveUntil(process.end);
        return process;
      }
    }
    throw new CgiUnavailableError();
  }
}

/** The open tabs of the app, the focused and visible ones first. */
async function appPages(): Promise<WindowClient[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const rank = (page: WindowClient) => (page.focused ? 0 : page.visibilityState === 'visible' ? 1 : 2);
  return windows.filter((page) => app.isAppPage(new URL(page.url).pathname)).sort((a, b) => rank(a) - rank(b));
}

/** Posts the run to `page`; the process once the page takes it, undefined if it does not answer in time. */
function offer(page: WindowClient, request: CgiRunRequest, job: ScriptJob): Promise<ScriptProcess | undefined> {
  const { port1: port, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    let resolveEnd!: (end: ScriptEnd) => void;
    const end = new Promise<ScriptEnd>((settle) => (resolveEnd = settle));
    let output!: ReadableStreamDefaultController<Uint8Array>;
    let finished = false;
    const finish = (ended: ScriptEnd) => {
      if (finished) return;
      finished = true;
      clearTimeout(acceptTimeout);
      clearInterval(pageCheck);
      port.close();
      try {
        output.close();
      } catch {
        // Already cancelled by the client.
      }
      resolveEnd(ended);
      resolve(undefined); // no effect once accepted; else the next page is asked
    };
    const stdout = new ReadableStream<Uint8Array>({
      start: (controller) => void (output = controller),
      cancel: () => {
        port.postMessage({ type: 'cancel' } satisfies ServerMessage);
        finish({ kind: 'cancelled' });
      },
    });
    const acceptTimeout = setTimeout(() => {
      port.close();
      resolve(undefined);
    }, ACCEPT_TIMEOUT_MS);
    let pageCheck: ReturnType<typeof setInterval> | undefined;
    port.onmessage = ({ data }: MessageEvent<HostMessage>) => {
      if (finished) return;
      switch (data.type) {
        case 'accepted':
          clearTimeout(acceptTimeout);
          pageCheck = setInterval(() => void self.clients.get(page.id).then((client) => client || finish({ kind: 'lost' })), PAGE_CHECK_MS);
          resolve({ stdout, end });
          break;
        case 'stdout':
          output.enqueue(data.chunk);
          break;
        case 'stderr':
          job.onStderr?.(data.line);
          break;
        case 'end':
          finish(data.end);
          break;
      }
    };
    page.postMessage(request, [port2, ...(request.stdin ? [request.stdin] : [])]);
  });
}

/**
 * The Service Worker's side of CGI (docs/design.md#cgi-sandbox): a SW cannot create Workers, so each run is
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
      const process = await new PageRun(page, job).offer(request);
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

/**
 * One run offered to one app page, over a channel of its own: the page accepts it (or does not
 * answer in time, and the next page is asked), then streams the script's output back until it ends.
 */
class PageRun {
  readonly #page: WindowClient;
  readonly #job: ScriptJob;
  readonly #port: MessagePort;
  /** The channel's other end, handed to the page with the run. */
  readonly #pagePort: MessagePort;
  readonly #stdout: ReadableStream<Uint8Array>;
  #output!: ReadableStreamDefaultController<Uint8Array>;
  readonly #end: Promise<ScriptEnd>;
  #settleEnd!: (end: ScriptEnd) => void;
  /** Settles `offer`: with the process once the page accepts; undefined when it does not (no effect once accepted). */
  #answer!: (process: ScriptProcess | undefined) => void;
  #acceptTimeout: ReturnType<typeof setTimeout> | undefined;
  #pageCheck: ReturnType<typeof setInterval> | undefined;
  #finished = false;

  constructor(page: WindowClient, job: ScriptJob) {
    this.#page = page;
    this.#job = job;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#pagePort = channel.port2;
    this.#end = new Promise<ScriptEnd>((settle) => (this.#settleEnd = settle));
    this.#stdout = new ReadableStream<Uint8Array>({
      start: (controller) => void (this.#output = controller),
      cancel: () => this.#cancel(),
    });
  }

  /** Posts the run to the page; the process once the page takes it, undefined if it does not answer in time. */
  offer(request: CgiRunRequest): Promise<ScriptProcess | undefined> {
    const answered = new Promise<ScriptProcess | undefined>((resolve) => (this.#answer = resolve));
    this.#acceptTimeout = setTimeout(() => this.#giveUp(), ACCEPT_TIMEOUT_MS);
    this.#port.onmessage = ({ data }: MessageEvent<HostMessage>) => this.#receive(data);
    this.#page.postMessage(request, [this.#pagePort, ...(request.stdin ? [request.stdin] : [])]);
    return answered;
  }

  #receive(message: HostMessage): void {
    if (this.#finished) return;
    switch (message.type) {
      case 'accepted':
        this.#accepted();
        break;
      case 'stdout':
        this.#output.enqueue(message.chunk);
        break;
      case 'stderr':
        this.#job.onStderr?.(message.line);
        break;
      case 'end':
        this.#finish(message.end);
        break;
    }
  }

  /** The page runs the script: from now on, the run ends if the page goes away. */
  #accepted(): void {
    clearTimeout(this.#acceptTimeout);
    this.#pageCheck = setInterval(() => this.#checkPage(), PAGE_CHECK_MS);
    this.#answer({ stdout: this.#stdout, end: this.#end });
  }

  /** The page did not take the run in time: the next page is asked. */
  #giveUp(): void {
    this.#port.close();
    this.#answer(undefined);
  }

  #checkPage(): void {
    void self.clients.get(this.#page.id).then((client) => client || this.#finish({ kind: 'lost' }));
  }

  /** The client stopped reading the output: the page stops the script. */
  #cancel(): void {
    this.#port.postMessage({ type: 'cancel' } satisfies ServerMessage);
    this.#finish({ kind: 'cancelled' });
  }

  #finish(ended: ScriptEnd): void {
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#acceptTimeout);
    clearInterval(this.#pageCheck);
    this.#port.close();
    try {
      this.#output.close();
    } catch {
      // Already cancelled by the client.
    }
    this.#settleEnd(ended);
    this.#answer(undefined); // no effect once accepted; else the next page is asked
  }
}

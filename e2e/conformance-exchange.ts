/**
 * What the differential suite sees of one request on either side: the answer a client can see,
 * and the lines the server logged for it.
 */
import net from 'node:net';
import { type Page, type Response, expect } from '@playwright/test';
import { LOG_CHANNEL } from '../shared/serve/log-message.ts';
import type { PythonServer } from './python-server.ts';

export interface Answer {
  readonly status: number;
  readonly reason: string;
  /** Lowercased names; repeated fields joined with `, `, as Fetch's `Headers` does. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, base64; null where it cannot be seen (a redirect's, through a Service Worker). */
  readonly body: string | null;
}

export interface Exchange {
  /** undefined: the server closed the connection without answering. */
  readonly answer: Answer | undefined;
  /** Complete log lines (`<client> - - [<time>] <message>`), in the order logged. */
  readonly log: readonly string[];
}

/** The line `log_request` writes, which is the last one logged for a request. */
export const REQUEST_LOG_LINE = /^\S+ - - \[[^\]]*\] ".*" \d{3} \S+$/s;

/** The statuses a `redirect: 'manual'` fetch sees only as an opaque redirect (a 304 it sees whole). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** How long a server may take to log a request after answering it (it logs before it answers). */
const LOG_WAIT = 5_000;

/**
 * Sends CPython's server exactly `method target` (no client library: `node:http` upper-cases
 * methods) and reads until it closes the connection, as HTTP/1.0's http.server does after each answer.
 */
export async function exchangeWithPython(
  python: PythonServer,
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): Promise<Exchange> {
  const { hostname, port } = new URL(python.url);
  const logStart = python.stderrLines.length;
  const bodyBytes = body === undefined ? undefined : Buffer.from(body);
  const head = [
    `${method} ${target} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(bodyBytes ? [`Content-Length: ${bodyBytes.length}`] : []),
  ];
  // One write: a small body reaches the server with the head, and is read (and dropped) with it.
  const raw = await roundTrip(hostname, Number(port), Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), bodyBytes ?? Buffer.alloc(0)]));
  const answer = parseAnswer(raw);
  const log = answer ? await logLinesSince(python, logStart) : [];
  return { answer, log };
}

function roundTrip(host: string, port: number, request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host, port }, () => socket.end(request));
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${host}:${port} within 10 s`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

function parseAnswer(raw: Buffer): Answer | undefined {
  if (raw.length === 0) return undefined;
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`not an HTTP response: ${JSON.stringify(raw.toString('latin1').slice(0, 200))}`);
  const [statusLine, ...fields] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/\d\.\d (\d{3}) (.*)$/.exec(statusLine!);
  if (!status) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    const name = field.slice(0, colon).toLowerCase();
    const value = field.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { status: Number(status[1]), reason: status[2]!, headers, body: raw.subarray(end + 4).toString('base64') };
}

/** The log lines since `start`, up to the request's own line (tracebacks and other output left out). */
async function logLinesSince(python: PythonServer, start: number): Promise<string[]> {
  const deadline = Date.now() + LOG_WAIT;
  for (;;) {
    const lines = python.stderrLines.slice(start).filter((line) => /^\S+ - - \[/.test(line));
    const last = lines.findIndex((line) => REQUEST_LOG_LINE.test(line));
    if (last >= 0) return lines.slice(0, last + 1);
    if (Date.now() > deadline) throw new Error(`Python logged no request line; its stderr: ${python.stderrLines.slice(start).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What a page's `fetch()` sent for a corpus request, and what came back through the Service Worker. */
export interface PageExchange extends Exchange {
  /** The URL and method the browser made of what the page passed to `fetch()`. */
  readonly sentUrl: string;
  readonly sentMethod: string;
}

export interface PageRequest {
  /** Absolute path, `/site/<name>/…`, as passed to `fetch()`. */
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * Sends `requests` one after another from the (controlled) page, each with the lines the Service
 * Worker logged for it. A redirect's status line and headers cannot be read by the page
 * (`redirect: 'manual'` gives an opaque response): they are taken from the browser's network events.
 */
export async function exchangeWithDropserve(page: Page, requests: readonly PageRequest[]): Promise<PageExchange[]> {
  const redirects = new Map<string, Promise<Answer>[]>();
  const fromNetwork: string[] = [];
  const onResponse = (response: Response) => {
    const url = response.url();
    if (!new URL(url).pathname.startsWith('/site/')) return;
    if (!response.fromServiceWorker()) fromNetwork.push(url);
    if (!REDIRECT_STATUSES.has(response.status())) return;
    const key = `${response.request().method()} ${url}`;
    const answer = response.allHeaders().then((headers) => ({ status: response.status(), reason: response.statusText(), headers, body: null }));
    redirects.set(key, [...(redirects.get(key) ?? []), answer]);
  };
  page.on('response', onResponse);
  try {
    const results = await page.evaluate(runInPage, { requests, logChannel: LOG_CHANNEL, requestLogLine: REQUEST_LOG_LINE.source, logWait: LOG_WAIT });
    expect(fromNetwork, 'requests the Service Worker did not answer').toEqual([]);
    return await Promise.all(
      results.map(async ({ answer, ...rest }) => {
        if (answer) return { answer, ...rest };
        const key = `${rest.sentMethod} ${rest.sentUrl.split('#', 1)[0]}`;
        await expect.poll(() => redirects.get(key)?.length ?? 0, `the redirect of ${key}`).toBeGreaterThan(0);
        return { answer: await redirects.get(key)!.shift()!, ...rest };
      }),
    );
  } finally {
    page.off('response', onResponse);
  }
}

/** Runs in the page: fetch each request in turn, and wait for its log lines on the log channel. */
async function runInPage(options: { requests: readonly PageRequest[]; logChannel: string; requestLogLine: string; logWait: number }) {
  const { requests, logChannel, requestLogLine, logWait } = options;
  const isRequestLine = (line: string) => new RegExp(requestLogLine, 's').test(line);
  const log: string[] = [];
  const channel = new BroadcastChannel(logChannel);
  channel.onmessage = ({ data }) => {
    if (data?.kind === 'log-lines') log.push(...data.lines.map((entry: { line: string }) => entry.line));
  };
  const base64 = (bytes: Uint8Array) => {
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  };
  const results = [];
  for (const { url, method, headers, body } of requests) {
    const sent = new Request(url, { method });
    const start = log.length;
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual', cache: 'no-store' });
    const answer =
      response.type === 'opaqueredirect'
        ? undefined
        : {
            status: response.status,
            reason: response.statusText,
            headers: Object.fromEntries(response.headers),
            body: base64(new Uint8Array(await response.arrayBuffer())),
          };
    const deadline = performance.now() + logWait;
    while (!log.slice(start).some(isRequestLine) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    const end = log.findIndex((line, index) => index >= start && isRequestLine(line));
    results.push({ sentUrl: sent.url, sentMethod: sent.method, answer, log: log.slice(start, end < 0 ? undefined : end + 1) });
  }
  channel.close();
  return results;
}

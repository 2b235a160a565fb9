/**
 * Requests made by a page in any engine (so the Service Worker answers them), and the same
 * requests to `python3 -m http.server`, in one shape for comparing byte for byte.
 */
import http from 'node:http';
import type { EnginePage } from './driver.ts';

export interface Answer {
  readonly status: number;
  readonly statusText: string;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface PageRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Base64 of the body's bytes. */
  readonly body64?: string;
  /** FormData fields: text, or a file whose bytes are given in base64. */
  readonly form?: Record<string, string | { name: string; type: string; bytes64: string }>;
}

interface RawAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body64: string;
}

/** `fetch(url)` in the page, `redirect: 'manual'`, `cache: 'no-store'`, read whole. */
export async function fetchInPage(page: EnginePage, url: string, init: PageRequest = {}): Promise<Answer> {
  const raw = await page.evaluate(
    async (url: string, init: PageRequest): Promise<RawAnswer> => {
      const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      let body: BodyInit | undefined;
      if (init.form) {
        const form = new FormData();
        for (const [name, value] of Object.entries(init.form)) {
          if (typeof value === 'string') form.append(name, value);
          else form.append(name, new File([bytesOf(value.bytes64)], value.name, { type: value.type }));
        }
        body = form;
      } else if (init.body64 !== undefined) {
        body = bytesOf(init.body64);
      }
      const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, body, cache: 'no-store', redirect: 'manual' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return { status: response.status, statusText: response.statusText, headers, body64: btoa(binary) };
    },
    url,
    init,
  );
  return { status: raw.status, statusText: raw.statusText, headers: raw.headers, body: Buffer.from(raw.body64, 'base64') };
}

/**
 * The same request to python's server with node:http: its CGI answers have no length and end when
 * the connection closes, with header lines ending in a bare LF, which Node's `fetch` rejects.
 */
export function requestPython(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false, insecureHTTPParser: true }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, statusText: response.statusMessage!, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Driving CGI from e2e tests: a fixture site with CGI switched on, and requests made by the app page. */
import http from 'node:http';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { copyFixture, importWithPicker, openApp, site } from './app.ts';

export const CGI_SITE = 'cgi-site';

export interface PageResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly bytes: number[];
}

export interface FetchInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent as is; a string is sent as UTF-8. */
  readonly body?: string | number[];
  /** FormData fields: a string value, or a file `{ name, type, bytes }`. */
  readonly form?: Record<string, string | { name: string; type: string; bytes: number[] }>;
}

/** A `fetch` made by the page (so the Service Worker answers it), read whole. */
export async function fetchInPage(page: Page, url: string, init: FetchInit = {}): Promise<PageResponse> {
  return page.evaluate(
    async ({ url, init }) => {
      let body: BodyInit | undefined;
      if (init.form) {
        const form = new FormData();
        for (const [name, value] of Object.entries(init.form)) {
          if (typeof value === 'string') form.append(name, value);
          else form.append(name, new File([new Uint8Array(value.bytes)], value.name, { type: value.type }));
        }
        body = form;
      } else if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : new Uint8Array(init.body);
      }
      const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, body, cache: 'no-store', redirect: 'manual' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        statusText: response.statusText,
        headers: Object.fromEntries(response.headers),
        text: new TextDecoder().decode(bytes),
        bytes: Array.from(bytes),
      };
    },
    { url, init },
  );
}

/** Opens the app, imports the CGI fixture and, unless told otherwise, switches CGI on for it. */
export async function openCgiSite(page: Page, { cgi = true } = {}): Promise<{ remove: () => void }> {
  await openApp(page);
  const fixture = copyFixture(CGI_SITE);
  await importWithPicker(page, fixture.dir);
  if (cgi) await setCgi(page, true);
  return fixture;
}

/** Ticks or clears the site's `cgi-toggle` and waits until the Service Worker serves accordingly. */
export async function setCgi(page: Page, on: boolean): Promise<void> {
  const toggle = site(page, CGI_SITE).getByTestId('cgi-toggle');
  await toggle.setChecked(on);
  await expect.poll(async () => (await fetchInPage(page, `/site/${CGI_SITE}/cgi-bin/env.mjs`)).headers['content-type']).toBe(on ? 'application/json' : 'text/javascript');
}

/** Sets the site's CGI time limit in its options and waits until it is stored, where the SW reads it. */
export async function setCgiTimeLimit(page: Page, seconds: number): Promise<void> {
  const entry = site(page, CGI_SITE);
  await entry.locator('summary').click();
  await entry.getByTestId('cgi-time-limit').fill(String(seconds));
  await entry.getByTestId('cgi-time-limit').press('Enter');
  await expect.poll(() => storedTimeLimit(page)).toBe(seconds);
}

/** The time limit stored for the CGI site, read from IndexedDB as the Service Worker reads it. */
function storedTimeLimit(page: Page): Promise<number | undefined> {
  return page.evaluate(
    (name) =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('dropserve');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sites').objectStore('sites').get(name);
          get.onsuccess = () => {
            resolve(get.result?.options?.cgiTimeLimitSeconds);
            open.result.close();
          };
        };
      }),
    CGI_SITE,
  );
}

export function cgiUrl(path: string): string {
  return `/site/${CGI_SITE}${path}`;
}

/**
 * A request to `python3 -m http.server --cgi` with node:http: its CGI responses have no length and
 * end when the connection closes, and their header lines end in a bare LF (the script's `print`):
 * Node's `fetch` rejects both.
 */
export function requestPython(url: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; statusText: string; headers: Record<string, string>; text: string }>((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false, insecureHTTPParser: true }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          statusText: response.statusMessage!,
          headers: response.headers as Record<string, string>,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

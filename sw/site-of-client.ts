/**
 * Site-root links in the Service Worker: a request outside `<app>/site/` from a site's page is answered
 * from that site (see shared/serve/site-root.ts). A subresource's page is its client — found by
 * `clientId`, which a page's `no-referrer` policy cannot hide — else its referrer. A navigation's
 * is only its referrer: Chromium gives a navigation typed into the address bar the tab's current
 * document as its client, and going to the app from a preview must reach the app.
 */
import { resolveSiteRoot } from '../shared/serve/site-root.ts';
import { app } from './app.ts';

declare const self: ServiceWorkerGlobalScope;

/** Whether the request may come from a site's page; false is certain, and answerable at once. */
export function mayComeFromPage(event: FetchEvent): boolean {
  return event.clientId !== '' || event.request.referrer !== '';
}

/** The site's answer to a site page's request for an origin-root URL; undefined when it is not one. */
export async function siteRootResponse(event: FetchEvent, serve: (request: Request) => Promise<Response>): Promise<Response | undefined> {
  const { request } = event;
  const answer = resolveSiteRoot({ url: request.url, navigation: request.mode === 'navigate', pageUrl: await pageUrlOf(event) }, app);
  if (answer === undefined) return undefined;
  if (answer.kind === 'redirect') return Response.redirect(answer.url, 302);
  return serve(await retarget(request, answer.url));
}

/**
 * The same request to another URL. Not `new Request(url, request)`: for a media element's
 * `no-cors` request that drops the `Range` header, and seeking with it.
 */
async function retarget(request: Request, url: string): Promise<Request> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.blob();
  return new Request(url, { method: request.method, headers: request.headers, body, mode: 'same-origin', credentials: request.credentials });
}

async function pageUrlOf(event: FetchEvent): Promise<string | undefined> {
  const fromClient = event.clientId !== '' && event.request.mode !== 'navigate';
  const client = fromClient ? await self.clients.get(event.clientId) : undefined;
  return client?.url ?? (event.request.referrer || undefined);
}

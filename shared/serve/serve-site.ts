/**
 * The edge between Fetch and the handler core for `<app>/site/<name>/…` (docs/design.md#url-space): the part after
 * the site name is the handler's request-target, as if the site were the server's root, and every
 * `Location` the handler makes is turned back into the site's space.
 */
import type { HandlerRequest, HandlerResponse } from '../http/message.ts';
import { toFetchResponse } from '../http/fetch-adapter.ts';
import type { HandlerOptions } from '../http/base-handler.ts';
import { toSitePath, translateTarget } from '../http/request-target.ts';
import { withReadAhead } from '../vfs/read-ahead.ts';
import type { OpenedSite, SiteFiles } from '../vfs/types.ts';
import { type CgiSupport, siteHandler } from './site-handler.ts';
import { type AppUrls, pathAndQueryOf } from './app-urls.ts';
import { networkBody, withContentLength } from './request-body.ts';

export interface SiteDirectory {
  /**
   * The files and options of the site named `name`, or undefined when no such site is stored.
   * `readAhead` is the path the handler looks up first; a store may read it along with the options
   * and give what it found as the opened site's `readAhead` (IdbVfs does), which the handler then
   * takes instead of reading it again (`withReadAhead`).
   */
  openSite(name: string, readAhead: string): Promise<OpenedSite | undefined>;
}

export interface ServeOptions extends Omit<HandlerOptions, 'log'> {
  /** Where the app, and so the sites, live. */
  readonly app: AppUrls;
  /** Receives each log line, as `HandlerOptions.log` does, with the name of the site the request is for. */
  readonly log?: (line: string, site: string) => void;
  /** Stands for the client address in log lines. */
  readonly client?: string;
  /** Runs CGI scripts for the sites that have CGI switched on; without it, none runs. */
  readonly cgi?: CgiSupport;
}

/** A site that does not exist: every path in it is missing, so the handler answers 404 as Python would. */
const NO_FILES: SiteFiles = {
  stat: async () => undefined,
  list: async () => [],
  read: async () => undefined,
};

export async function serveSite(request: Request, sites: SiteDirectory, options: ServeOptions): Promise<Response> {
  const { app, log, ...handlerOptions } = options;
  const url = new URL(request.url);
  const pathAndQuery = pathAndQueryOf(url);
  const site = app.splitSiteUrl(pathAndQuery) ?? unnamedSite(pathAndQuery, app);
  if (!site) throw new Error(`not a site URL: ${request.url}`);
  // The path the handler looks up first, read with the options; a wrong guess costs only that read.
  const opened = await sites.openSite(site.name, toSitePath(translateTarget(site.target)));
  // Only a CGI script reads a body (Python's other handlers never do): don't buffer one for a 501.
  const body = opened?.options.cgi && handlerOptions.cgi ? await networkBody(request) : undefined;
  const handlerRequest: HandlerRequest = {
    method: request.method,
    target: site.target,
    headers: body ? withContentLength(request.headers, body) : request.headers,
    body: body?.bytes ? new Blob([body.bytes]).stream() : null,
    ...(options.client === undefined ? {} : { client: options.client }),
  };
  const files = opened ? withReadAhead(opened) : NO_FILES;
  const siteLog = log && ((line: string) => log(line, site.name));
  const handler = await siteHandler({ request: handlerRequest, url, app, site: site.name, files, options: opened?.options }, { ...handlerOptions, log: siteLog });
  const response = await handler.handle();
  return toFetchResponse(intoSiteSpace(response, app.sitePath(site.name)));
}

/**
 * `<app>/site/` with no name (`site/?x`, `site//a`): no stored site has the empty name, so it is
 * answered as an unknown site is, with the handler's 404 — never with an exception, which the
 * Service Worker would turn into a network error.
 */
function unnamedSite(pathAndQuery: string, app: AppUrls): { name: string; target: string } | undefined {
  return app.isSitePath(pathAndQuery) ? { name: '', target: pathAndQuery.slice(app.sitePrefix.length - 1) } : undefined;
}

/** A `Location` of the handler's (`/a/`) points into the site (`<app>/site/<name>/a/`). */
function intoSiteSpace(response: HandlerResponse, sitePath: string): HandlerResponse {
  const mapped = response.headers.map(([header, value]) =>
    header.toLowerCase() === 'location' && value.startsWith('/') ? ([header, sitePath + value.slice(1)] as const) : ([header, value] as const),
  );
  return { ...response, headers: mapped };
}

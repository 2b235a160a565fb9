/**
 * Which handler answers a request to a site: `CGIHTTPRequestHandler` when the site has CGI switched
 * on (and something can run scripts), else `PreviewHTTPRequestHandler` — Python's `--cgi` per site.
 * Both have the preview extensions (ETag, ranges, and the site's 404.html and SPA options).
 */
import type { ScriptRunner } from '../cgi/script-runner.ts';
import type { HandlerOptions } from '../http/base-handler.ts';
import { CGIHTTPRequestHandler } from '../http/cgi-handler.ts';
import type { HandlerRequest } from '../http/message.ts';
import { PreviewHTTPRequestHandler } from '../http/preview-handler.ts';
import type { SiteOptions } from '../vfs/site-options.ts';
import type { SiteFiles } from '../vfs/types.ts';
import type { AppUrls } from './app-urls.ts';

/** What running CGI scripts takes, for one request. */
export interface CgiSupport {
  /** The runner for the site `site`. */
  runner(site: string, options: SiteOptions): ScriptRunner;
  /**
   * `headers` as the browser sends them to a server: a Service Worker's `Request` lacks `Cookie`
   * and `Referer`, which the script's environment has.
   */
  requestHeaders(headers: Headers): Promise<Headers>;
}

export interface SiteRequest {
  readonly request: HandlerRequest;
  /** The request's full URL: `SERVER_NAME` and `SERVER_PORT` come from it. */
  readonly url: URL;
  readonly app: AppUrls;
  readonly site: string;
  readonly files: SiteFiles;
  /** Undefined for a site that does not exist. */
  readonly options: SiteOptions | undefined;
}

export async function siteHandler({ request, url, app, site, files, options }: SiteRequest, handlerOptions: HandlerOptions & { readonly cgi?: CgiSupport }): Promise<PreviewHTTPRequestHandler> {
  const { cgi, ...base } = handlerOptions;
  const preview = { ...base, files, notFoundPage: options?.notFoundPage ?? false, spaFallback: options?.spaFallback ?? false };
  if (!options?.cgi || !cgi) return new PreviewHTTPRequestHandler(request, preview);
  return new CGIHTTPRequestHandler({ ...request, headers: await cgi.requestHeaders(request.headers) }, {
    ...preview,
    runner: cgi.runner(site, options),
    cgiDirectories: options.cgiDirectories,
    directory: app.sitePath(site).slice(0, -1),
    server: { name: url.hostname, port: url.port || (url.protocol === 'https:' ? '443' : '80') },
  });
}

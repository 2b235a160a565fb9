/**
 * `SimpleHTTPRequestHandler` of CPython 3.11 (docs/http-server-rules.md#b): GET and HEAD over a site's files,
 * with directory redirects, index pages, listings and `If-Modified-Since`.
 */

import type { FileStat, SiteFiles } from '../vfs/types.ts';
import { BaseHTTPRequestHandler, type HandlerOptions } from './base-handler.ts';
import { parseEmailDate } from './email-date.ts';
import { renderListing } from './listing-page.ts';
import type { HandlerRequest } from './message.ts';
import { COMPRESSION_TYPES, guessMimeType, splitExtension } from './mime-types.ts';
import { unquote } from './percent-encoding.ts';
import { encodeUtf8, escapeHtml, sortByListingName } from './python-text.ts';
import { joinTarget, splitTarget, toSitePath, translateTarget } from './request-target.ts';

export interface SimpleHandlerOptions extends HandlerOptions {
  readonly files: SiteFiles;
}

export class SimpleHTTPRequestHandler extends BaseHTTPRequestHandler {
  override serverVersion = 'SimpleHTTP/0.6';
  /** Extension → type, consulted as is and then lowercased before the general tables. */
  extensionsMap: ReadonlyMap<string, string> = COMPRESSION_TYPES;
  /** Served for a directory, first match wins (3.12's `index_pages`; fixed in 3.11). */
  indexPages: readonly string[] = ['index.html', 'index.htm'];

  readonly files: SiteFiles;

  constructor(request: HandlerRequest, options: SimpleHandlerOptions) {
    super(request, options);
    this.files = options.files;
  }

  async doGET(): Promise<void> {
    const body = await this.sendHead();
    if (body !== undefined) this.sendBody(body);
  }

  /** The same status and headers as GET, the file or listing unsent. */
  async doHEAD(): Promise<void> {
    await this.sendHead();
  }

  /**
   * Sends the status and headers for the target and returns the body GET would send, or undefined
   * when there is none (redirect, 304, error). The order of checks is docs/http-server-rules.md#b-4.
   */
  async sendHead(): Promise<Blob | Uint8Array<ArrayBuffer> | undefined> {
    let path = this.translatePath(this.path);
    let entry = await this.#stat(path);
    if (entry?.kind === 'directory') {
      const target = splitTarget(this.path);
      if (!target.path.endsWith('/')) {
        // Relative links in the page resolve against the directory only with the slash.
        this.sendResponse(301);
        this.sendHeader('Location', joinTarget({ ...target, path: `${target.path}/` }));
        this.sendHeader('Content-Length', '0');
        this.endHeaders();
        return undefined;
      }
      const index = await this.#findIndexPage(path);
      if (index === undefined) return this.listDirectory(path);
      [path, entry] = index;
    }
    // A trailing slash after a file's name (`/a.txt/`) names nothing.
    const blob = path.endsWith('/') || entry?.kind !== 'file' ? undefined : await this.#read(path);
    if (entry === undefined || blob === undefined) return this.sendNotFound();
    return this.sendFile(path, entry, blob);
  }

  /** Sends the status and headers for a stored file (200, or 304) and returns what GET sends of it. */
  async sendFile(path: string, entry: FileStat, blob: Blob): Promise<Blob | undefined> {
    if (this.isNotModified(entry)) {
      this.sendResponse(304);
      this.endHeaders();
      return undefined;
    }
    this.sendResponse(200);
    this.sendHeader('Content-type', this.guessType(path));
    this.sendHeader('Content-Length', String(blob.size));
    this.sendHeader('Last-Modified', this.dateTimeString(entry.mtime));
    this.endHeaders();
    return blob;
  }

  /** The answer for a target that names no file or directory: Python's 404. */
  async sendNotFound(): Promise<Blob | Uint8Array<ArrayBuffer> | undefined> {
    this.sendError(404, 'File not found');
    return undefined;
  }

  /**
   * Sends the headers of the listing of the directory at `path` (a translated path) and returns
   * its HTML (docs/http-server-rules.md#b-5); a directory that cannot be listed gets 404.
   */
  async listDirectory(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    let entries: FileStat[];
    try {
      entries = await this.files.list(toSitePath(path));
    } catch {
      this.sendError(404, 'No permission to list directory');
      return undefined;
    }
    const sorted = sortByListingName(entries);
    // Python shows the whole target, query and fragment included, decoded but not normalised.
    const body = encodeUtf8(renderListing(escapeHtml(unquote(this.path)), sorted));
    this.sendResponse(200);
    this.sendHeader('Content-type', 'text/html; charset=utf-8');
    this.sendHeader('Content-Length', String(body.length));
    this.endHeaders();
    return body;
  }

  /**
   * The site path a target names (docs/http-server-rules.md#b-3); see `translateTarget`. Unlike Python, an
   * encoded surrogate (`%ED%B3%BF`) decodes to U+FFFD, as does any invalid UTF-8: site names are
   * well-formed Unicode, so the two can only differ for a path that matches nothing anyway.
   */
  translatePath(target: string): string {
    return translateTarget(target);
  }

  /**
   * The `Content-type` for `path`: `extensionsMap` for its extension as is, then lowercased, then
   * the fixed tables of `guessMimeType`, else `application/octet-stream`.
   */
  guessType(path: string): string {
    const [, extension] = splitExtension(path);
    return (
      this.extensionsMap.get(extension) ??
      this.extensionsMap.get(extension.toLowerCase()) ??
      guessMimeType(path) ??
      'application/octet-stream'
    );
  }

  /** `index.html`, then `index.htm`: the first that is a file (a directory of that name is not). */
  async #findIndexPage(directory: string): Promise<[path: string, entry: FileStat] | undefined> {
    const base = toSitePath(directory);
    for (const name of this.indexPages) {
      const path = base === '' ? name : `${base}/${name}`;
      const entry = await this.#stat(path);
      if (entry?.kind === 'file') return [path, entry];
    }
    return undefined;
  }

  /**
   * Like Python's `isdir`/`isfile`, any storage error reads as "nothing there". A NUL can name no
   * file; Python crashes on it (`open` raises ValueError) and drops the connection, we answer 404.
   */
  async #stat(path: string): Promise<FileStat | undefined> {
    if (path.includes('\0')) return undefined;
    return this.files.stat(toSitePath(path)).catch(() => undefined);
  }

  /** Like Python's `open`, any storage error means 404. */
  async #read(path: string): Promise<Blob | undefined> {
    return this.files.read(path).catch(() => undefined);
  }

  /**
   * Conditional GET (docs/http-server-rules.md#b-7): only with `If-Modified-Since` and no `If-None-Match` at all;
   * a date Python cannot parse, or one with a non-zero offset, is ignored; no zone means UTC. The
   * mtime counts in whole seconds.
   */
  isNotModified(entry: FileStat): boolean {
    const since = this.headers.get('If-Modified-Since');
    if (since === null || this.headers.has('If-None-Match')) return false;
    const date = parseEmailDate(since);
    if (date === undefined || (date.offset !== null && date.offset !== 0)) return false;
    return Math.floor(entry.mtime / 1000) * 1000 <= date.time;
  }
}

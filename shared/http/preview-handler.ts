/**
 * dropserve's extensions of `SimpleHTTPRequestHandler` for previewing real sites (docs/deviations.md):
 * strong ETags with `If-None-Match`, `Cache-Control: no-cache` so a re-imported site is never shown
 * stale, byte ranges for media seeking, and — per site, off by default — a custom `404.html` and
 * a single-page-app fallback to `/index.html`. Everything else is Python's, unchanged.
 */
import type { FileStat } from '../vfs/types.ts';
import { contentRange, parseRange, type RangeRequest } from './byte-range.ts';
import { entityTag, isEntityTag, isSameStrongTag, noneMatchHits } from './entity-tag.ts';
import type { HandlerRequest } from './message.ts';
import { splitExtension } from './mime-types.ts';
import { toSitePath } from './request-target.ts';
import { SimpleHTTPRequestHandler, type SimpleHandlerOptions } from './simple-handler.ts';

export interface PreviewHandlerOptions extends SimpleHandlerOptions {
  /** Answer a missing file with the site's `/404.html`, status 404, when it has one. */
  readonly notFoundPage?: boolean;
  /** Answer a missing path without a file extension with `/index.html`, as a single-page app's host does. */
  readonly spaFallback?: boolean;
}

const WHOLE_FILE: RangeRequest = { kind: 'whole' };

export class PreviewHTTPRequestHandler extends SimpleHTTPRequestHandler {
  /** Every file answer may be stored, but must be revalidated (cheaply, by its ETag) before reuse. */
  cacheControl = 'no-cache';
  notFoundPage: boolean;
  spaFallback: boolean;

  constructor(request: HandlerRequest, options: PreviewHandlerOptions) {
    super(request, options);
    this.notFoundPage = options.notFoundPage ?? false;
    this.spaFallback = options.spaFallback ?? false;
  }

  /** 304 by ETag or date, else the whole file (200), one range of it (206), or 416. */
  override async sendFile(path: string, entry: FileStat, blob: Blob): Promise<Blob | undefined> {
    const tag = this.entityTag(entry);
    if (this.isNotModified(entry)) {
      this.sendResponse(304);
      this.#sendValidators(tag);
      this.endHeaders();
      return undefined;
    }
    const request = this.#requestedRange(entry, tag, blob.size);
    if (request.kind === 'unsatisfiable') {
      this.sendResponse(416);
      this.sendHeader('Content-Range', contentRange(undefined, blob.size));
      this.sendHeader('Content-Length', '0');
      this.endHeaders();
      return undefined;
    }
    const range = request.kind === 'partial' ? request.range : undefined;
    const body = range ? blob.slice(range.start, range.end + 1) : blob;
    this.sendResponse(range ? 206 : 200);
    this.sendHeader('Content-type', this.guessType(path));
    this.sendHeader('Content-Length', String(body.size));
    if (range) this.sendHeader('Content-Range', contentRange(range, blob.size));
    this.sendHeader('Last-Modified', this.dateTimeString(entry.mtime));
    this.sendHeader('Accept-Ranges', 'bytes');
    this.#sendValidators(tag);
    this.endHeaders();
    return body;
  }

  /** With `If-None-Match`, whether it lists the file's tag; without, Python's `If-Modified-Since` rules. */
  override isNotModified(entry: FileStat): boolean {
    const noneMatch = this.headers.get('If-None-Match');
    return noneMatch === null ? super.isNotModified(entry) : noneMatchHits(noneMatch, this.entityTag(entry));
  }

  /** The SPA fallback's `/index.html`, else the site's `/404.html`, else Python's 404. */
  override async sendNotFound(): Promise<Blob | Uint8Array<ArrayBuffer> | undefined> {
    if (this.spaFallback && this.#isRoute()) {
      const index = await this.#storedFile('index.html');
      if (index) return this.sendFile('index.html', ...index);
    }
    const page = this.notFoundPage ? await this.#storedFile('404.html') : undefined;
    if (!page) return super.sendNotFound();
    const [, blob] = page;
    this.sendResponse(404);
    this.sendHeader('Content-type', this.guessType('404.html'));
    this.sendHeader('Content-Length', String(blob.size));
    this.sendHeader('Cache-Control', this.cacheControl);
    this.endHeaders();
    return blob;
  }

  entityTag(entry: FileStat): string {
    return entityTag(entry);
  }

  #sendValidators(tag: string): void {
    this.sendHeader('ETag', tag);
    this.sendHeader('Cache-Control', this.cacheControl);
  }

  /** A `Range` of a GET, unless an `If-Range` says the client's copy is another version. */
  #requestedRange(entry: FileStat, tag: string, size: number): RangeRequest {
    if (this.command !== 'GET') return WHOLE_FILE;
    const ifRange = this.headers.get('If-Range');
    if (ifRange !== null && !this.#isSameVersion(ifRange.trim(), entry, tag)) return WHOLE_FILE;
    return parseRange(this.headers.get('Range'), size);
  }

  /** `If-Range`: a strong tag equal to ours, or exactly our `Last-Modified` date. */
  #isSameVersion(ifRange: string, entry: FileStat, tag: string): boolean {
    return isEntityTag(ifRange) ? isSameStrongTag(ifRange, tag) : ifRange === this.dateTimeString(entry.mtime);
  }

  /** A missing target whose last segment has no extension: a client-side route (`/docs/intro`), not an asset. */
  #isRoute(): boolean {
    return splitExtension(toSitePath(this.translatePath(this.path)))[1] === '';
  }

  async #storedFile(path: string): Promise<[FileStat, Blob] | undefined> {
    const entry = await this.files.stat(path).catch(() => undefined);
    const blob = entry?.kind === 'file' ? await this.files.read(path).catch(() => undefined) : undefined;
    return entry && blob ? [entry, blob] : undefined;
  }
}

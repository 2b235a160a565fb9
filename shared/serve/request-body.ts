/**
 * A request's body and `Content-Length` as a server would receive them, from a Service Worker's
 * `Request`. Firefox's has no `body` stream even when the request carries one, while
 * `arrayBuffer()` works in every engine; and no engine's has `Content-Length`, which the browser
 * adds only on the network — so it is computed here as Fetch computes it (docs/deviations.md).
 */

/** Methods whose requests never carry a body (Fetch refuses one on them). */
const BODILESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Methods that get `Content-Length: 0` from Fetch even without a body. */
const ZERO_LENGTH_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT']);

export interface NetworkBody {
  /** The body's bytes; null for a request without one. */
  readonly bytes: Uint8Array<ArrayBuffer> | null;
  /** The `Content-Length` the browser sends for it; null when it sends none. */
  readonly contentLength: string | null;
}

export async function networkBody(request: Request): Promise<NetworkBody> {
  if (BODILESS_METHODS.has(request.method.toUpperCase())) return { bytes: null, contentLength: null };
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > 0) return { bytes, contentLength: String(bytes.length) };
  // An empty body cannot be told from none here; Fetch sends `0` for these methods either way.
  return { bytes: null, contentLength: ZERO_LENGTH_METHODS.has(request.method.toUpperCase()) ? '0' : null };
}

/** The request's headers with the `Content-Length` the network would carry. */
export function withContentLength(headers: Headers, body: NetworkBody): Headers {
  const result = new Headers(headers);
  if (body.contentLength === null) result.delete('Content-Length');
  else result.set('Content-Length', body.contentLength);
  return result;
}

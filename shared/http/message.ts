/**
 * The handler core's own request and response: what a raw HTTP exchange carries, kept apart from
 * Fetch's `Request`/`Response` so that header spelling and order (which `Headers` folds) stay
 * visible to tests. Adapters at the edges convert (see `toFetchResponse`).
 */

export interface HandlerRequest {
  /** The method exactly as sent (case matters: `get` is not `GET`). */
  readonly method: string;
  /** The raw request-target: path, query and (for direct callers) fragment, still percent-encoded. */
  readonly target: string;
  readonly headers: Headers;
  /** Defaults to `HTTP/1.1`, what a browser speaks. */
  readonly version?: string;
  /** Stands for the client address in log lines. */
  readonly client?: string;
  readonly body?: ReadableStream<Uint8Array> | null;
}

export type HeaderLine = readonly [name: string, value: string];

/**
 * Statuses whose response never carries a body (RFC 9110: 204, 205 and 304): an error page sends
 * none, a CGI script's output is read and dropped, and a Fetch `Response` refuses one.
 */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

export type ResponseBody = Blob | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;

export interface HandlerResponse {
  /** The protocol version of the status line (`protocol_version`); `HTTP/1.0` when absent. */
  readonly version?: string;
  readonly status: number;
  /** The reason phrase of the status line. */
  readonly reason: string;
  /** In the order sent, with the spelling sent. */
  readonly headers: readonly HeaderLine[];
  /** null for HEAD, 1xx and `NULL_BODY_STATUSES`; a stream for a CGI script's output, sent as it is written. */
  readonly body: ResponseBody | null;
}

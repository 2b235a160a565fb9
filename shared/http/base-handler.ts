/**
 * `BaseHTTPRequestHandler` of CPython 3.11 (docs/http-server-rules.md#a), minus the wire: a request arrives
 * already parsed (`HandlerRequest`) and the response is collected into a `HandlerResponse` instead
 * of being written to a socket. Request-line parsing, HTTP/0.9, keep-alive and `Expect` cannot occur
 * behind a browser (docs/http-server-rules.md#g-1) and are not modelled.
 */

import { DEFAULT_ERROR_CONTENT_TYPE, DEFAULT_ERROR_MESSAGE, renderErrorPage } from './error-page.ts';
import { formatHttpDate } from './http-date.ts';
import { formatLogLine, formatLogTime } from './log-format.ts';
import { type HandlerRequest, type HandlerResponse, type HeaderLine, NULL_BODY_STATUSES, type ResponseBody } from './message.ts';
import { encodeUtf8, pyRepr } from './python-text.ts';
import { toReasonPhrase } from './reason-phrase.ts';
import { collapseLeadingSlashes } from './request-target.ts';
import { RESPONSES, type StatusText } from './responses.ts';

export interface HandlerOptions {
  /** Receives each log line, without its final line break. Without it, nothing is logged. */
  readonly log?: (line: string) => void;
  /** The clock, in milliseconds since the epoch, for `Date` headers and log times. */
  readonly now?: () => number;
}

/** RFC 9110 token: only such a method can name a `do<METHOD>` handler method. */
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Python reads at most this many bytes of request line, CRLF included, and answers a longer one
 * with 414 (docs/http-server-rules.md#a-2-2). It also keeps a huge target from being decoded, looked up and echoed.
 */
export const MAX_REQUEST_LINE_BYTES = 65_536;

type HandlerMethod = () => void | Promise<void>;

export class BaseHTTPRequestHandler {
  /** First half of the `Server` header. */
  serverVersion = 'BaseHTTP/0.6';
  /** Second half of the `Server` header; Python's would read `Python/3.11.7`. */
  sysVersion = 'dropserve/0.1';
  /** Written in every status line, whatever version the client spoke. */
  protocolVersion = 'HTTP/1.0';
  /** The error page, with `{code}`, `{message}` and `{explain}` placeholders. */
  errorMessageFormat = DEFAULT_ERROR_MESSAGE;
  errorContentType = DEFAULT_ERROR_CONTENT_TYPE;
  /** code → [reason phrase, explanation]. */
  responses: ReadonlyMap<number, StatusText> = RESPONSES;

  readonly request: HandlerRequest;
  /** The method exactly as sent. */
  readonly command: string;
  /** The request-target, leading slashes collapsed (docs/http-server-rules.md#a-3-9). */
  readonly path: string;
  readonly requestVersion: string;
  /** `<method> <target> <version>` with the target as sent, for log lines. */
  readonly requestLine: string;
  readonly headers: Headers;

  readonly #log: ((line: string) => void) | undefined;
  readonly #now: () => number;
  #status: { readonly code: number; readonly reason: string } | undefined;
  readonly #headerLines: HeaderLine[] = [];
  #headersEnded = false;
  #body: ResponseBody | null = null;
  readonly #requestLineTooLong: boolean;

  constructor(request: HandlerRequest, options: HandlerOptions = {}) {
    this.request = request;
    const requestLine = `${request.method} ${request.target} ${request.version ?? 'HTTP/1.1'}`;
    this.#requestLineTooLong = isTooLong(requestLine);
    // Python gives up on such a line before parsing it: command, version and request line stay empty.
    this.command = this.#requestLineTooLong ? '' : request.method;
    this.path = this.#requestLineTooLong ? '' : collapseLeadingSlashes(request.target);
    this.requestVersion = this.#requestLineTooLong ? '' : (request.version ?? 'HTTP/1.1');
    this.requestLine = this.#requestLineTooLong ? '' : requestLine;
    this.headers = request.headers;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  /** Runs `do<METHOD>`, or answers 501, and returns what was sent. */
  async handle(): Promise<HandlerResponse> {
    if (this.#requestLineTooLong) {
      this.sendError(414);
      return this.#response();
    }
    const method = this.#handlerMethod();
    if (method === undefined) this.sendError(501, `Unsupported method (${pyRepr(this.command)})`);
    else await method.call(this);
    return this.#response();
  }

  /**
   * The method named `do` + the method as sent (`doGET`; case-sensitive, so `get` finds nothing).
   * Only a token can form the name, and only a function counts.
   */
  #handlerMethod(): HandlerMethod | undefined {
    if (!METHOD_TOKEN.test(this.command)) return undefined;
    const candidate: unknown = Reflect.get(this, `do${this.command}`);
    return typeof candidate === 'function' ? (candidate as HandlerMethod) : undefined;
  }

  #response(): HandlerResponse {
    if (this.#status === undefined || !this.#headersEnded) {
      throw new Error(`${this.constructor.name} sent no complete response for ${this.requestLine}`);
    }
    return {
      version: this.protocolVersion,
      status: this.#status.code,
      reason: this.#status.reason,
      headers: [...this.#headerLines],
      body: this.#body,
    };
  }

  /**
   * Sends an error page (docs/http-server-rules.md#a-7): logged, `Connection: close`, and for codes from 200 on
   * (but 204, 205, 304) an HTML body whose `Content-Length` is kept even for HEAD, which gets no
   * body. The message is the reason phrase.
   */
  sendError(code: number, message?: string, explain?: string): void {
    const [phrase, description] = this.responses.get(code) ?? ['???', '???'];
    const reason = message ?? phrase;
    this.logError(`code ${code}, message ${reason}`);
    this.sendResponse(code, reason);
    this.sendHeader('Connection', 'close');
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (code >= 200 && !NULL_BODY_STATUSES.has(code)) {
      const page = renderErrorPage(this.errorMessageFormat, {
        code,
        message: reason,
        explain: explain ?? description,
      });
      body = encodeUtf8(page);
      this.sendHeader('Content-Type', this.errorContentType);
      this.sendHeader('Content-Length', String(body.length));
    }
    this.endHeaders();
    if (this.command !== 'HEAD' && body !== undefined && body.length > 0) this.sendBody(body);
  }

  /** Logs the request, then starts the response with `Server` and `Date`. */
  sendResponse(code: number, message?: string): void {
    this.logRequest(code);
    this.sendResponseOnly(code, message);
    this.sendHeader('Server', this.versionString());
    this.sendHeader('Date', this.dateTimeString());
  }

  /**
   * The status line alone. The reason defaults to the table's phrase, or is empty for an unknown
   * code; characters a Fetch `statusText` cannot hold become `?`.
   */
  sendResponseOnly(code: number, message?: string): void {
    if (this.#status !== undefined) throw new Error('A response has already been started');
    this.#status = { code, reason: toReasonPhrase(message ?? this.responses.get(code)?.[0] ?? '') };
  }

  /** Adds a header line, as spelled, after those already sent. */
  sendHeader(name: string, value: string): void {
    this.#headerLines.push([name, value]);
  }

  /** Ends the header block, after `sendCommonHeaders`; once per response, as Python's `end_headers` is. */
  endHeaders(): void {
    if (this.#headersEnded) throw new Error('The headers have already been ended');
    this.sendCommonHeaders();
    this.#headersEnded = true;
  }

  /**
   * The one step every answer passes through — error pages, files, listings, redirects, 304, 206,
   * 416, CGI output, HEAD alike — called once by `endHeaders`, after the answer's own header lines.
   * Override it (and call `super`) for a rule that applies to every answer; it sends nothing here.
   */
  sendCommonHeaders(): void {}

  /** The response body, given whole or as a stream: the counterpart of writing to Python's `wfile`. */
  sendBody(body: ResponseBody): void {
    this.#body = body;
  }

  /** Logs `"<request line>" <code> <size>`; Python's callers never pass a size. */
  logRequest(code: number | string = '-', size: number | string = '-'): void {
    this.logMessage(`"${this.requestLine}" ${code} ${size}`);
  }

  logError(message: string): void {
    this.logMessage(message);
  }

  /** Every log line goes through here: client, local time, then the message with controls escaped. */
  logMessage(message: string): void {
    this.#log?.(formatLogLine(this.addressString(), this.logDateTimeString(), message));
  }

  versionString(): string {
    return `${this.serverVersion} ${this.sysVersion}`;
  }

  /** An HTTP date for `time` (milliseconds), or for now. */
  dateTimeString(time: number = this.#now()): string {
    return formatHttpDate(time);
  }

  logDateTimeString(): string {
    return formatLogTime(this.#now());
  }

  /** Stands for the client's IP address; `-` when the request does not say. */
  addressString(): string {
    return this.request.client ?? '-';
  }
}

/** Whether `line` plus its CRLF is over `MAX_REQUEST_LINE_BYTES` in UTF-8. */
function isTooLong(line: string): boolean {
  // UTF-8 never takes fewer bytes than UTF-16 code units: a line that long needs no encoding.
  return line.length + 2 > MAX_REQUEST_LINE_BYTES || encodeUtf8(line).length + 2 > MAX_REQUEST_LINE_BYTES;
}

/** The runtime-agnostic handler core: CPython 3.11's `http.server` handlers over `SiteFiles`. */

export { BaseHTTPRequestHandler, type HandlerOptions } from './base-handler.ts';
export { parseEmailDate, type EmailDate } from './email-date.ts';
export { DEFAULT_ERROR_CONTENT_TYPE, DEFAULT_ERROR_MESSAGE, renderErrorPage, type ErrorDetails } from './error-page.ts';
export { toFetchResponse, toWire } from './fetch-adapter.ts';
export { formatHttpDate } from './http-date.ts';
export { renderListing, type ListingEntry } from './listing-page.ts';
export { formatLogLine, formatLogTime } from './log-format.ts';
export type { HandlerRequest, HandlerResponse, HeaderLine } from './message.ts';
export { COMPRESSION_TYPES, WEB_TYPES, guessMimeType, splitExtension } from './mime-types.ts';
export { quoteUrlPath, unquote } from './percent-encoding.ts';
export {
  compareCodePoints,
  compareListingNames,
  encodeUtf8,
  escapeHtml,
  escapeLogControls,
  pyRepr,
  splitWhitespace,
  stripTrailingWhitespace,
} from './python-text.ts';
export { toReasonPhrase } from './reason-phrase.ts';
export { collapseLeadingSlashes, joinTarget, splitTarget, toSitePath, translateTarget, type TargetParts } from './request-target.ts';
export { RESPONSES, type StatusText } from './responses.ts';
export { SimpleHTTPRequestHandler, type SimpleHandlerOptions } from './simple-handler.ts';

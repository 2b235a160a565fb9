/**
 * The server log's wire format: the Service Worker broadcasts the lines handlers log, and every
 * open app page shows them (docs/design.md#shape-and-flow). A `BroadcastChannel` reaches all app tabs at once and
 * needs no handshake, so a restarted Service Worker keeps reporting without setup. Lines travel in
 * batches: a message crosses processes, and one per request was a measurable share of a request.
 */

/** The channel's name, the same on both sides. */
export const LOG_CHANNEL = 'dropserve-log';

/** One line of http.server's log, as logged while serving the site `site`. */
export interface LogLine {
  readonly site: string;
  /** `<client> - - [<time>] <message>`, control characters already escaped, no final line break. */
  readonly line: string;
}

/** The lines logged since the last message, oldest first. */
export interface LogMessage {
  readonly kind: 'log-lines';
  readonly lines: readonly LogLine[];
}

export function logMessage(lines: readonly LogLine[]): LogMessage {
  return { kind: 'log-lines', lines };
}

/** Whether a message received on the channel is a batch of log lines (anything else is ignored). */
export function isLogMessage(data: unknown): data is LogMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, lines } = data as Record<string, unknown>;
  return kind === 'log-lines' && Array.isArray(lines) && lines.every(isLogLine);
}

function isLogLine(data: unknown): data is LogLine {
  if (typeof data !== 'object' || data === null) return false;
  const { site, line } = data as Record<string, unknown>;
  return typeof site === 'string' && typeof line === 'string';
}

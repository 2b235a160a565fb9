/**
 * The server log's wire format: the Service Worker broadcasts each line a handler logs, and every
 * open app page shows it (DESIGN.md §1). A `BroadcastChannel` reaches all app tabs at once and
 * needs no handshake, so a restarted Service Worker keeps reporting without setup.
 */

/** The channel's name, the same on both sides. */
export const LOG_CHANNEL = 'dropserve-log';

/** One line of http.server's log, as logged while serving the site `site`. */
export interface LogMessage {
  readonly kind: 'log-line';
  readonly site: string;
  /** `<client> - - [<time>] <message>`, control characters already escaped, no final line break. */
  readonly line: string;
}

export function logMessage(site: string, line: string): LogMessage {
  return { kind: 'log-line', site, line };
}

/** Whether a message received on the channel is a log line (anything else is ignored). */
export function isLogMessage(data: unknown): data is LogMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, site, line } = data as Record<string, unknown>;
  return kind === 'log-line' && typeof site === 'string' && typeof line === 'string';
}

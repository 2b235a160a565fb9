/**
 * The Service Worker's side of the server log: each line a handler logs is broadcast to every open
 * app page (see `shared/serve/log-message.ts`). A line logged while no app page is open is lost, as
 * a terminal's scrollback is when no terminal is open; nothing is kept in the worker.
 */
import { LOG_CHANNEL, logMessage } from '../shared/serve/log-message.ts';
import { splitSiteUrl } from '../shared/serve/serve-site.ts';

// Re-created with the worker after a restart: it holds no state.
const channel = new BroadcastChannel(LOG_CHANNEL);

/** Shows `line` (http.server's format, already escaped) in the server log, under the site `site`. */
export function reportLogLine(site: string, line: string): void {
  channel.postMessage(logMessage(site, line));
}

/** A `log` sink for the handler serving `request`: its lines are reported under the request's site. */
export function requestLog(request: Request): (line: string) => void {
  const url = new URL(request.url);
  const site = splitSiteUrl(url.pathname)?.name ?? '';
  return (line) => reportLogLine(site, line);
}

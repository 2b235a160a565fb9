/**
 * The Service Worker's side of the server log: the lines handlers log are broadcast to every open
 * app page (see `shared/serve/log-message.ts`), gathered for a few milliseconds so that a burst of
 * requests costs one message. A line logged while no app page is open is lost, as a terminal's
 * scrollback is when no terminal is open; nothing is kept in the worker beyond the batch.
 */
import { LOG_CHANNEL, type LogLine, logMessage } from '../shared/serve/log-message.ts';

/** How long a line waits for others: well below what a person notices, above a burst's spacing. */
const BATCH_MS = 10;

// Re-created with the worker after a restart: it holds no state.
const channel = new BroadcastChannel(LOG_CHANNEL);
let batch: LogLine[] = [];

/** Shows `line` (http.server's format, already escaped) in the server log, under the site `site`: `ServeOptions.log`. */
export function reportLogLine(line: string, site: string): void {
  batch.push({ site, line });
  if (batch.length === 1) setTimeout(postBatch, BATCH_MS);
}

function postBatch(): void {
  channel.postMessage(logMessage(batch));
  batch = [];
}

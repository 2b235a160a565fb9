/**
 * The log lines of `BaseHTTPRequestHandler.log_message`, as written to stderr (without the final LF).
 */

import { MONTH_NAMES, pad } from './http-date.ts';
import { escapeLogControls } from './python-text.ts';

/** `27/Nov/2026 11:24:45`: local time, English month, no zone. */
export function formatLogTime(time: number): string {
  const date = new Date(time);
  return (
    `${pad(date.getDate())}/${MONTH_NAMES[date.getMonth()]}/${pad(date.getFullYear(), 4)} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/**
 * `<client> - - [<time>] <message>`, with control characters in the message escaped (the client
 * and time are trusted and left alone).
 */
export function formatLogLine(client: string, time: string, message: string): string {
  return `${client} - - [${time}] ${escapeLogControls(message)}`;
}

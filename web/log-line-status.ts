/** Reading a server-log line back, to colour it: which status class it reports, if any. */

/** The message's two forms: the error line, and the request line with its code and size. */
const ERROR_LINE = /^code (\d{3}), message /;
const REQUEST_LINE = /^".*" (\d{3}) \S+$/;

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/**
 * The status class a log line (`<client> - - [<time>] <message>`) reports, or undefined for other
 * lines (a CGI exit code, say).
 */
export function statusClassOf(line: string): StatusClass | undefined {
  const start = line.indexOf('] ');
  if (start < 0) return undefined;
  const message = line.slice(start + 2);
  const digit = (ERROR_LINE.exec(message) ?? REQUEST_LINE.exec(message))?.[1]?.[0];
  return digit !== undefined && '12345'.includes(digit) ? (`${digit}xx` as StatusClass) : undefined;
}

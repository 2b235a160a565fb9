/**
 * What the CGI handler needs from whatever runs a script: start it with its environment,
 * arguments and input, read its output as it comes, learn how it ended. The Service Worker's
 * runner forwards the job to the app page, which runs it in a sandboxed worker (docs/design.md#cgi-sandbox).
 */

export interface ScriptJob {
  /** The script's path in its site (`cgi-bin/env.mjs`). */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
  /** The request body; null when the request has none. */
  readonly stdin: ReadableStream<Uint8Array> | null;
  /** Receives each line the script writes to stderr. */
  readonly onStderr?: (line: string) => void;
}

/** How a script run ended. */
export type ScriptEnd =
  | { readonly kind: 'exit'; readonly code: number }
  /** It threw, or failed to load. */
  | { readonly kind: 'error'; readonly message: string; readonly stack: string }
  /** Stopped at the time limit. */
  | { readonly kind: 'timeout'; readonly seconds: number }
  /** Stopped once it had written more than the output cap. */
  | { readonly kind: 'output-cap'; readonly bytes: number }
  /** The page running it went away (closed or reloaded) before it ended. */
  | { readonly kind: 'lost' }
  /** The client stopped reading the response, so the script was stopped. */
  | { readonly kind: 'cancelled' };

export interface ScriptProcess {
  /** What the script writes to stdout; closes when it ends, however it ends. */
  readonly stdout: ReadableStream<Uint8Array>;
  /** Settles (never rejects) once the script has ended. */
  readonly end: Promise<ScriptEnd>;
}

export interface ScriptRunner {
  /** Starts the script; rejects with `CgiUnavailableError` when nothing can run it. */
  run(job: ScriptJob): Promise<ScriptProcess>;
}

/** No app page is open to run CGI scripts. */
export class CgiUnavailableError extends Error {
  constructor(message = 'No dropserve app page is open to run CGI scripts') {
    super(message);
    this.name = 'CgiUnavailableError';
  }
}

/**
 * The messages that carry a CGI run (docs/design.md#cgi-sandbox). The Service Worker posts `CgiRunRequest` to an
 * app page with a `MessagePort`; over that port the page answers with `HostMessage`s and the SW may
 * send `ServerMessage`s. Inside the page, the sandboxed worker and the host talk over a port of
 * their own with `WorkerMessage` and `HostReply`.
 */
import type { LinkedModule } from './module-graph.ts';
import type { ScriptEnd } from './script-runner.ts';

export const CGI_RUN = 'dropserve-cgi-run';

/** SW → page, with the port for this run. */
export interface CgiRunRequest {
  readonly type: typeof CGI_RUN;
  readonly site: string;
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
  /** The whole request body, transferred; null without one. */
  readonly stdin: ArrayBuffer | null;
  readonly timeLimitSeconds: number;
}

/** Page → SW over the run's port. */
export type HostMessage =
  /** The page took the run (it may queue it). */
  | { readonly type: 'accepted' }
  | { readonly type: 'stdout'; readonly chunk: Uint8Array }
  | { readonly type: 'stderr'; readonly line: string }
  | { readonly type: 'end'; readonly end: ScriptEnd };

/** SW → page: the client stopped reading the response; stop the script. */
export type ServerMessage = { readonly type: 'cancel' };

/** What the sandboxed worker is given to run (page → sandbox frame → worker, with the worker's port). */
export interface WorkerJob {
  /** Dependencies first, the script last. */
  readonly modules: readonly LinkedModule[];
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
  readonly stdin: ArrayBuffer | null;
}

/** Worker → page. */
export type WorkerMessage =
  | { readonly type: 'stdout'; readonly chunk: Uint8Array }
  | { readonly type: 'stderr'; readonly chunk: Uint8Array }
  | { readonly type: 'read'; readonly id: number; readonly path: string }
  | { readonly type: 'exit'; readonly code: number }
  | { readonly type: 'error'; readonly message: string; readonly stack: string };

/** Page → worker: the answer to a `read`. */
export type HostReply =
  | { readonly type: 'read'; readonly id: number; readonly bytes: ArrayBuffer }
  | { readonly type: 'read'; readonly id: number; readonly error: string };

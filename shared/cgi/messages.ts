/**
 * The messages that carry a CGI run (docs/design.md#cgi-sandbox). The Service Worker posts `CgiRunRequest` to an
 * app page with a `MessagePort`; over that port the page answers with `HostMessage`s and the SW may
 * send `ServerMessage`s. Inside the page, the sandboxed worker and the host talk over a port of
 * their own with `WorkerMessage` and `HostReply`.
 */
import type { LinkedModule } from './module-graph.ts';
import type { PythonCgiJob } from './python-cgi.ts';
import type { PyodideRuntime } from './python-runtime-files.ts';
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

/** Sandbox frame → a Python worker, first: the runtime to boot from, ahead of any script. */
export interface PythonWorkerBoot {
  /** The runtime's files but the wasm one, which `module` stands for. */
  readonly runtime: Partial<PyodideRuntime>;
  /** The runtime's WebAssembly module, compiled once by the sandbox frame. */
  readonly module: WebAssembly.Module;
}

/** Sandbox frame → a Python worker, then: its one script, with the port to report on. */
export interface PythonWorkerRun {
  readonly job: PythonCgiJob;
}

/** Worker → page. */
export type WorkerMessage =
  | { readonly type: 'stdout'; readonly chunk: Uint8Array }
  | { readonly type: 'stderr'; readonly chunk: Uint8Array }
  | { readonly type: 'read'; readonly id: number; readonly path: string }
  | { readonly type: 'exit'; readonly code: number }
  /** A Python worker's interpreter has booted and the script starts: its time limit starts now. */
  | { readonly type: 'running' }
  | { readonly type: 'error'; readonly message: string; readonly stack: string };

/** Page → worker: the answer to a `read`. */
export type HostReply =
  | { readonly type: 'read'; readonly id: number; readonly bytes: ArrayBuffer }
  | { readonly type: 'read'; readonly id: number; readonly error: string };

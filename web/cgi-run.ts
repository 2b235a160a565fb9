/**
 * One CGI run on the page (web/cgi-host.ts takes them from the Service Worker): reads the script
 * and its modules from the site's files, starts it in a fresh sandboxed worker, streams its output
 * back, answers its `site.readFile` calls, and ends it exactly once — at its own end, at the time
 * limit, at the output cap, when the request is cancelled, or when the host itself fails — stopping
 * the worker wherever it is.
 */
import type { CgiRunRequest, HostMessage, HostReply, WorkerMessage } from '../shared/cgi/messages.ts';
import { resolveModuleGraph } from '../shared/cgi/module-graph.ts';
import type { ScriptEnd } from '../shared/cgi/script-runner.ts';
import { LineSplitter } from '../shared/cgi/line-splitter.ts';
import { pythonArgv } from '../shared/cgi/python-cgi.ts';
import { scriptKind } from '../shared/cgi/script-kind.ts';
import { resolveSitePath } from '../shared/cgi/site-path.ts';
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import type { SiteFiles } from '../shared/vfs/types.ts';
import type { CgiSandbox } from './cgi-sandbox.ts';
import { pythonSiteFiles } from './python-site-files.ts';

/** Output past this is cut off and the script stopped. */
export const OUTPUT_CAP_BYTES = 64 * 2 ** 20;

/**
 * How long a Python interpreter may take to boot before the run fails. The site's time limit is
 * the script's and starts once it runs: a boot (seconds for the first one after the app opens,
 * docs/python-cgi.md) must not make a short limit time out a quick script.
 */
export const PYTHON_BOOT_LIMIT_SECONDS = 60;

/** Sends a message to the Service Worker's side of the run. */
export type ReplyToServer = (message: HostMessage, transfer?: Transferable[]) => void;

/** The worker of a started run: its id in the sandbox, and the host's end of its channel. */
interface StartedWorker {
  readonly id: string;
  readonly port: MessagePort;
}

export class CgiRun {
  readonly #request: CgiRunRequest;
  readonly #reply: ReplyToServer;
  readonly #vfs: Pick<IdbVfs, 'siteFiles'>;
  readonly #sandbox: Pick<CgiSandbox, 'run' | 'runPython' | 'terminate'>;
  readonly #stderr: LineSplitter;
  #finished = false;
  #ended: (end: ScriptEnd) => void = () => {};
  #timer: ReturnType<typeof setTimeout> | undefined;
  #worker: StartedWorker | undefined;
  #written = 0;

  constructor(request: CgiRunRequest, reply: ReplyToServer, vfs: Pick<IdbVfs, 'siteFiles'>, sandbox: Pick<CgiSandbox, 'run' | 'runPython' | 'terminate'>) {
    this.#request = request;
    this.#reply = reply;
    this.#vfs = vfs;
    this.#sandbox = sandbox;
    this.#stderr = new LineSplitter((line) => reply({ type: 'stderr', line }));
  }

  /** Runs the script; resolves with how it ended. */
  run(cancelled: AbortSignal): Promise<ScriptEnd> {
    const ended = new Promise<ScriptEnd>((resolve) => (this.#ended = resolve));
    if (scriptKind(this.#request.script) === 'python') {
      this.#timer = setTimeout(() => this.#finish(failure(new Error(`Python did not start within ${PYTHON_BOOT_LIMIT_SECONDS} s`))), PYTHON_BOOT_LIMIT_SECONDS * 1000);
    } else {
      this.#startTimeLimit();
    }
    cancelled.addEventListener('abort', () => this.#finish({ kind: 'cancelled' }));
    this.#start().catch((error: unknown) => this.#finish(failure(error)));
    return ended;
  }

  /** The site's time limit for the script, from now. */
  #startTimeLimit(): void {
    clearTimeout(this.#timer);
    const seconds = this.#request.timeLimitSeconds;
    this.#timer = setTimeout(() => this.#finish({ kind: 'timeout', seconds }), seconds * 1000);
  }

  /** Reads what the script needs, then starts its worker, unless the run ended meanwhile. */
  async #start(): Promise<void> {
    const files = await this.#vfs.siteFiles(this.#request.site);
    if (!files) return this.#finish(failure(new Error(`The site “${this.#request.site}” no longer exists`)));
    const channel = new MessageChannel();
    const port = channel.port1;
    port.onmessage = ({ data }: MessageEvent<WorkerMessage>) => this.#heard(data, files, port);
    const id = scriptKind(this.#request.script) === 'python' ? await this.#startPython(files, channel.port2) : await this.#startModule(files, channel.port2);
    if (id === undefined) return;
    this.#worker = { id, port };
    if (this.#finished) this.#stopWorker(); // it ended while the worker was starting
  }

  /** A JS script: its module graph, linked in the worker. */
  async #startModule(files: SiteFiles, port: MessagePort): Promise<string | undefined> {
    const modules = await resolveModuleGraph(this.#request.script, async (path) => (await files.read(path))?.text());
    if (this.#finished) return undefined;
    const { env, argv, stdin } = this.#request;
    return this.#sandbox.run({ modules, env, argv, stdin }, port);
  }

  /** A Python script: the site's files, for its interpreter's file system. */
  async #startPython(files: SiteFiles, port: MessagePort): Promise<string | undefined> {
    const siteFiles = await pythonSiteFiles(files, this.#request.site);
    if (this.#finished) return undefined;
    const { script, env, argv, stdin } = this.#request;
    return this.#sandbox.runPython({ script, env, argv: pythonArgv(script, argv), stdin: stdin && new Uint8Array(stdin), files: siteFiles }, port);
  }

  /** What the worker says, until the run has ended. */
  #heard(message: WorkerMessage, files: SiteFiles, port: MessagePort): void {
    if (this.#finished) return;
    switch (message.type) {
      case 'stdout':
        return this.#writeStdout(message.chunk);
      case 'stderr':
        return this.#stderr.write(message.chunk);
      case 'read':
        void readSiteFile(files, message.path).then((answer) => port.postMessage({ ...answer, id: message.id } satisfies HostReply));
        return;
      case 'running':
        return this.#startTimeLimit();
      case 'exit':
        return this.#finish({ kind: 'exit', code: message.code });
      case 'error':
        return this.#finish({ kind: 'error', message: message.message, stack: message.stack });
    }
  }

  /** Passes output on, up to the cap; output past it ends the run. */
  #writeStdout(chunk: Uint8Array): void {
    const room = OUTPUT_CAP_BYTES - this.#written;
    const passed = chunk.length > room ? chunk.slice(0, room) : chunk;
    this.#written += passed.length;
    if (passed.length > 0) this.#reply({ type: 'stdout', chunk: passed }, [passed.buffer]);
    if (chunk.length > room) this.#finish({ kind: 'output-cap', bytes: OUTPUT_CAP_BYTES });
  }

  /** The one end of the run: whatever comes first wins, the rest is ignored. */
  #finish(end: ScriptEnd): void {
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#timer);
    this.#stopWorker();
    this.#stderr.flush();
    this.#ended(end);
  }

  /** Stops the worker, if it has started (else #start stops it once it has). */
  #stopWorker(): void {
    if (!this.#worker) return;
    this.#sandbox.terminate(this.#worker.id);
    this.#worker.port.close();
  }
}

/** A failure of the host's own (a module that cannot be linked, say) reported as the script's error. */
function failure(error: unknown): ScriptEnd {
  const message = error instanceof Error ? String(error) : `Error: ${String(error)}`;
  return { kind: 'error', message, stack: message };
}

/** `site.readFile`: a file of the script's own site, by its path from the site's root. */
async function readSiteFile(files: SiteFiles, path: string): Promise<{ type: 'read'; bytes: ArrayBuffer } | { type: 'read'; error: string }> {
  const sitePath = resolveSitePath(path);
  const blob = sitePath === undefined ? undefined : await files.read(sitePath).catch(() => undefined);
  if (!blob) return { type: 'read', error: `No such file in this site: ${JSON.stringify(path)}` };
  return { type: 'read', bytes: await blob.arrayBuffer() };
}

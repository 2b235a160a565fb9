/**
 * The page side of CGI (DESIGN.md §6): takes runs from the Service Worker, reads the script and its
 * modules from the site's files, and runs each in a fresh sandboxed worker, at most
 * `MAX_CONCURRENT_RUNS` at once (the rest queue), within the site's time limit and the output
 * cap. Output streams back to the SW as the script writes it.
 */
import { CGI_RUN, type CgiRunRequest, type HostMessage, type HostReply, type ServerMessage, type WorkerMessage } from '../shared/cgi/messages.ts';
import { resolveModuleGraph } from '../shared/cgi/module-graph.ts';
import type { ScriptEnd } from '../shared/cgi/script-runner.ts';
import { LineSplitter } from '../shared/cgi/line-splitter.ts';
import { resolveSitePath } from '../shared/cgi/site-path.ts';
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import type { SiteFiles } from '../shared/vfs/types.ts';
import { CgiSandbox } from './cgi-sandbox.ts';

export const MAX_CONCURRENT_RUNS = 4;
/** Output past this is cut off and the script stopped. */
export const OUTPUT_CAP_BYTES = 64 * 2 ** 20;

/** Starts taking CGI runs from the Service Worker for as long as this page is open. */
export function startCgiHost(vfs: IdbVfs): void {
  const host = new CgiHost(vfs, new CgiSandbox(document.body));
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const request = event.data as Partial<CgiRunRequest> | null;
    const port = event.ports[0];
    if (request?.type === CGI_RUN && port) void host.accept(request as CgiRunRequest, port);
  });
}

class CgiHost {
  readonly #vfs: IdbVfs;
  readonly #sandbox: CgiSandbox;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(vfs: IdbVfs, sandbox: CgiSandbox) {
    this.#vfs = vfs;
    this.#sandbox = sandbox;
  }

  async accept(request: CgiRunRequest, port: MessagePort): Promise<void> {
    const reply = (message: HostMessage, transfer: Transferable[] = []) => port.postMessage(message, transfer);
    reply({ type: 'accepted' });
    const cancel = new AbortController();
    port.onmessage = ({ data }: MessageEvent<ServerMessage>) => {
      if (data.type === 'cancel') cancel.abort();
    };
    await this.#takeSlot();
    try {
      if (!cancel.signal.aborted) reply({ type: 'end', end: await this.#run(request, reply, cancel.signal) });
    } finally {
      port.close();
      this.#releaseSlot();
    }
  }

  async #takeSlot(): Promise<void> {
    if (this.#running < MAX_CONCURRENT_RUNS) {
      this.#running++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #releaseSlot(): void {
    const next = this.#waiting.shift();
    if (next) next(); // the slot passes straight to the next run
    else this.#running--;
  }

  /** One run, from reading the script to the worker's end; resolves with how it ended. */
  async #run(request: CgiRunRequest, reply: (message: HostMessage, transfer?: Transferable[]) => void, cancelled: AbortSignal): Promise<ScriptEnd> {
    const seconds = request.timeLimitSeconds;
    let stopWorker = () => {};
    return new Promise<ScriptEnd>((resolve) => {
      let finished = false;
      const stderr = new LineSplitter((line) => reply({ type: 'stderr', line }));
      const finish = (end: ScriptEnd) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        stopWorker();
        stderr.flush();
        resolve(end);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout', seconds }), seconds * 1000);
      cancelled.addEventListener('abort', () => finish({ kind: 'cancelled' }));
      void (async () => {
        const files = await this.#vfs.siteFiles(request.site);
        if (!files) return finish(failure(new Error(`The site “${request.site}” no longer exists`)));
        const modules = await resolveModuleGraph(request.script, async (path) => (await files.read(path))?.text());
        if (finished) return;
        const channel = new MessageChannel();
        const worker = channel.port1;
        let written = 0;
        worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
          if (finished) return;
          switch (data.type) {
            case 'stdout': {
              const room = OUTPUT_CAP_BYTES - written;
              const chunk = data.chunk.length > room ? data.chunk.slice(0, room) : data.chunk;
              written += chunk.length;
              if (chunk.length > 0) reply({ type: 'stdout', chunk }, [chunk.buffer]);
              if (data.chunk.length > room) finish({ kind: 'output-cap', bytes: OUTPUT_CAP_BYTES });
              break;
            }
            case 'stderr':
              stderr.write(data.chunk);
              break;
            case 'read':
              void readSiteFile(files, data.path).then((answer) => worker.postMessage({ ...answer, id: data.id } satisfies HostReply));
              break;
            case 'exit':
              finish({ kind: 'exit', code: data.code });
              break;
            case 'error':
              finish({ kind: 'error', message: data.message, stack: data.stack });
              break;
          }
        };
        const id = await this.#sandbox.run({ modules, env: request.env, argv: request.argv, stdin: request.stdin }, channel.port2);
        stopWorker = () => {
          this.#sandbox.terminate(id);
          worker.close();
        };
        if (finished) stopWorker();
      })().catch((error: unknown) => finish(failure(error)));
    });
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

/**
 * The CGI sandbox (docs/design.md#cgi-sandbox): a hidden `<iframe sandbox="allow-scripts">` with an opaque origin,
 * whose document allows nothing but inline and `blob:` scripts. For each run it starts a fresh
 * classic Worker from a `blob:` URL; the worker inherits the frame's origin and CSP, so it can open
 * no storage and reach no network, and the host can terminate it at any moment.
 */
import type { WorkerJob } from '../shared/cgi/messages.ts';
import { cgiWorkerMain } from './cgi-worker-main.ts';

/** The frame's own script: starts and stops workers on the page's command. Self-contained, like the worker's. */
function sandboxFrameMain(workerSource: string): void {
  const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const workers = new Map<string, Worker>();
  addEventListener('message', (event: MessageEvent<{ command: 'run'; id: string; job: unknown } | { command: 'terminate'; id: string }>) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.command === 'run') {
      const worker = new Worker(workerUrl);
      workers.set(message.id, worker);
      worker.postMessage(message.job, [...event.ports]);
    } else {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
    }
  });
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' blob:";

/** Source text of a self-contained function, called with JSON arguments; safe inside a `<script>`. */
function invocation(main: (...args: never[]) => void, ...args: unknown[]): string {
  return `(${main.toString()})(${args.map((arg) => JSON.stringify(arg)).join(',')});`.replaceAll('</', '<\\/');
}

export class CgiSandbox {
  readonly #frame: HTMLIFrameElement;
  readonly #ready: Promise<void>;
  #runs = 0;

  constructor(parent: HTMLElement) {
    this.#frame = document.createElement('iframe');
    this.#frame.setAttribute('sandbox', 'allow-scripts');
    this.#frame.hidden = true;
    this.#frame.title = 'CGI sandbox';
    const worker = invocation(cgiWorkerMain);
    this.#frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><script>${invocation(sandboxFrameMain, worker)}</script>`;
    this.#ready = new Promise((resolve) => this.#frame.addEventListener('load', () => resolve(), { once: true }));
    parent.append(this.#frame);
  }

  /** Starts a worker for `job`; it talks to the host over `port`. Returns the run's id. */
  async run(job: WorkerJob, port: MessagePort): Promise<string> {
    await this.#ready;
    const id = `run-${++this.#runs}`;
    const transfer: Transferable[] = [port, ...(job.stdin ? [job.stdin] : [])];
    this.#frame.contentWindow!.postMessage({ command: 'run', id, job }, '*', transfer);
    return id;
  }

  /** Stops the run's worker at once, wherever it is (a `while (true) {}` included). */
  terminate(id: string): void {
    this.#frame.contentWindow?.postMessage({ command: 'terminate', id }, '*');
  }
}

/**
 * The CGI sandbox (docs/design.md#cgi-sandbox): a hidden `<iframe sandbox="allow-scripts">` with an opaque origin,
 * whose document allows nothing but inline and `blob:` scripts. For each run it starts a fresh
 * classic Worker from a `blob:` URL; the worker inherits the frame's origin and CSP, so it can open
 * no storage and reach no network, and the host can terminate it at any moment.
 */
import pythonWorkerSource from 'virtual:python-worker-source';
import type { WorkerJob } from '../shared/cgi/messages.ts';
import type { PythonCgiJob } from '../shared/cgi/python-cgi.ts';
import type { PyodideRuntime } from '../shared/cgi/python-runtime-files.ts';
import { cgiWorkerMain } from './cgi-worker-main.ts';
import { loadPythonRuntime } from './python-runtime.ts';

type FrameCommand =
  | { command: 'run'; id: string; job: unknown }
  | { command: 'run-python'; id: string; job: unknown }
  | { command: 'python-runtime'; runtime: Record<string, ArrayBuffer> }
  | { command: 'terminate'; id: string };

/**
 * The frame's own script: starts and stops workers on the page's command. Self-contained, like the
 * workers'. It keeps the Python runtime it is given once and compiles its WebAssembly there (a
 * module cannot be posted back to the page, another agent cluster). Python workers boot ahead of
 * need: `spares` of them wait booted (each takes one script, like one process per request, and is
 * replaced at once), so a script seldom waits for an interpreter to start.
 */
function sandboxFrameMain(workerSource: string, pythonSource: string, spares: number): void {
  const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const pythonUrl = URL.createObjectURL(new Blob([pythonSource], { type: 'text/javascript' }));
  const workers = new Map<string, Worker>();
  const booting: Worker[] = [];
  let python: { runtime: Record<string, ArrayBuffer>; module: Promise<WebAssembly.Module> } | undefined;
  /** A Python worker that starts booting now; it runs the job it is sent once it has. */
  const bootPython = (): Worker => {
    const worker = new Worker(pythonUrl);
    const { runtime, module } = python!;
    void module.then((compiled) => worker.postMessage({ runtime, module: compiled }));
    return worker;
  };
  addEventListener('message', (event: MessageEvent<FrameCommand>) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.command === 'python-runtime') {
      const { 'pyodide.asm.wasm': wasm, ...runtime } = message.runtime;
      python = { runtime, module: WebAssembly.compile(wasm!) };
    } else if (message.command === 'run') {
      const worker = new Worker(workerUrl);
      workers.set(message.id, worker);
      worker.postMessage(message.job, [...event.ports]);
    } else if (message.command === 'run-python') {
      const worker = booting.shift() ?? bootPython();
      workers.set(message.id, worker);
      worker.postMessage({ job: message.job }, [...event.ports]);
      while (booting.length < spares) booting.push(bootPython());
    } else {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
    }
  });
}

/** Nothing but the frame's own scripts; `'wasm-unsafe-eval'` lets the Python runtime's WebAssembly compile. */
const CSP = "default-src 'none'; script-src 'unsafe-inline' blob: 'wasm-unsafe-eval'";

/**
 * How many Python interpreters wait booted once a Python script has run: each holds ~45 MB
 * (docs/python-cgi.md) and booting one takes most of a core for about a second, so one on a
 * machine of up to 4 cores, two above.
 */
function pythonSpares(): number {
  return (navigator.hardwareConcurrency ?? 2) > 4 ? 2 : 1;
}

/** Source text of a self-contained function, called with JSON arguments; safe inside a `<script>`. */
function invocation(main: (...args: never[]) => void, ...args: unknown[]): string {
  return `(${main.toString()})(${args.map((arg) => JSON.stringify(arg)).join(',')});`.replaceAll('</', '<\\/');
}

export class CgiSandbox {
  readonly #frame: HTMLIFrameElement;
  readonly #ready: Promise<void>;
  #python: Promise<void> | undefined;
  #runs = 0;

  constructor(parent: HTMLElement) {
    this.#frame = document.createElement('iframe');
    this.#frame.setAttribute('sandbox', 'allow-scripts');
    this.#frame.hidden = true;
    this.#frame.title = 'CGI sandbox';
    const worker = invocation(cgiWorkerMain);
    this.#frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><script>${invocation(sandboxFrameMain, worker, pythonWorkerSource, pythonSpares())}</script>`;
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

  /**
   * Starts a Python worker for `job` (the frame gets the runtime the first time); it talks to the
   * host over `port`. Returns the run's id.
   */
  async runPython(job: PythonCgiJob, port: MessagePort): Promise<string> {
    await this.#ready;
    await (this.#python ??= loadPythonRuntime().then((runtime) => this.#sendRuntime(runtime)).catch((error: unknown) => {
      this.#python = undefined; // the next script tries again
      throw error;
    }));
    const id = `run-${++this.#runs}`;
    this.#frame.contentWindow!.postMessage({ command: 'run-python', id, job }, '*', [port]);
    return id;
  }

  #sendRuntime(runtime: PyodideRuntime): void {
    this.#frame.contentWindow!.postMessage({ command: 'python-runtime', runtime }, '*', Object.values(runtime));
  }

  /** Stops the run's worker at once, wherever it is (a `while (true) {}` included). */
  terminate(id: string): void {
    this.#frame.contentWindow?.postMessage({ command: 'terminate', id }, '*');
  }
}

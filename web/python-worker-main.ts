/**
 * The sandboxed worker that runs one Python CGI script (docs/python-cgi.md). It is bundled into one
 * classic script (vite.config.ts) and started from a `blob:` URL inside the CGI sandbox, so it
 * has the sandbox's opaque origin and CSP: no storage, no network. It is given the Pyodide runtime's
 * bytes (and the frame's compiled WebAssembly module) and boots an interpreter from them at once,
 * with no request leaving the worker — ahead of need, in the frame's pool; then it is given one
 * script, runs it and reports over its port as a JS script's worker does (shared/cgi/messages.ts);
 * the host then terminates it.
 */
import type { PyodideInterface } from 'pyodide';
import type { PythonWorkerBoot, PythonWorkerRun, WorkerMessage } from '../shared/cgi/messages.ts';
import { type PythonCgiJob, runPythonCgi } from '../shared/cgi/python-cgi.ts';

/** The worker's global scope, as far as it is used here (web/ is typed with the DOM's globals). */
interface PythonWorkerScope {
  onmessage: ((event: MessageEvent<PythonWorkerBoot | PythonWorkerRun>) => void) | null;
  fetch: typeof fetch;
  importScripts(...urls: string[]): void;
  /** Defined by pyodide.js once it is loaded. */
  loadPyodide(options: { indexURL: string; stdout?: (text: string) => void; stderr?: (text: string) => void }): Promise<PyodideInterface>;
}

const self = globalThis as unknown as PythonWorkerScope;

/** Pyodide fetches its files below its index URL: this one is never really asked for. */
const INDEX_URL = 'https://pyodide.invalid/';

// The runtime, to boot ahead of need, and the one job, with the port to report on: the frame sends
// the runtime first, but a worker started for a waiting job may get the job while that is on its way.
let runtimeCame: (boot: PythonWorkerBoot) => void = () => {};
const interpreter = new Promise<PythonWorkerBoot>((resolve) => (runtimeCame = resolve)).then(boot);
interpreter.catch(() => {}); // reported with the job

self.onmessage = ({ data, ports }: MessageEvent<PythonWorkerBoot | PythonWorkerRun>) => {
  if ('runtime' in data) return runtimeCame(data);
  const port = ports[0]!;
  const send = (message: WorkerMessage, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  run(data.job, send).catch((error: unknown) => {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    send({ type: 'error', message: `Python could not start: ${text}`, stack: error instanceof Error ? (error.stack ?? text) : text });
  });
};

async function boot({ runtime, module }: PythonWorkerBoot): Promise<PyodideInterface> {
  // The sandbox's CSP allows no fetch at all: Pyodide's own requests are answered from the bytes.
  self.fetch = async (input: RequestInfo | URL) => {
    const name = String(input instanceof Request ? input.url : input).slice(INDEX_URL.length) as keyof typeof runtime;
    const bytes = runtime[name];
    if (!bytes) return new Response(null, { status: 404 });
    return new Response(bytes, { headers: { 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
  };
  if (module) {
    WebAssembly.instantiateStreaming = async (_source, imports) => ({ module, instance: await WebAssembly.instantiate(module, imports) });
  }
  // The asm.js part first: then pyodide.js finds it loaded and does not try to fetch it itself.
  for (const name of ['pyodide.asm.js', 'pyodide.js'] as const) {
    const script = runtime[name];
    if (!script) throw new Error(`${name} is missing from the runtime`);
    self.importScripts(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  }
  return self.loadPyodide({ indexURL: INDEX_URL, stdout: () => {}, stderr: () => {} });
}

async function run(job: PythonCgiJob, send: (message: WorkerMessage, transfer?: Transferable[]) => void): Promise<void> {
  const pyodide = await interpreter;
  send({ type: 'running' });
  const encoder = new TextEncoder();
  runPythonCgi(pyodide, job, {
    stdout: (chunk) => send({ type: 'stdout', chunk }, [chunk.buffer]),
    stderr: (line) => send({ type: 'stderr', chunk: encoder.encode(`${line}\n`) }),
    // An uncaught exception ends as a JS script's throw does; its traceback is already on stderr.
    end: (end) => send(end.uncaught === undefined ? { type: 'exit', code: end.code } : { type: 'error', message: end.uncaught, stack: end.uncaught }),
  });
}

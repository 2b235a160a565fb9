/**
 * The body of the worker that runs one CGI script (docs/design.md#cgi-sandbox). It runs inside the sandboxed
 * frame, so it is shipped as source text (`cgiWorkerSource`): it must not refer to anything
 * outside its own body. It receives the `WorkerJob` and a port to the host page, gives the script
 * its globals, links the site modules with `blob:` URLs and imports the script. Its only way out
 * is the port; the CSP it inherits blocks every network request.
 */
import type { HostReply, WorkerJob, WorkerMessage } from '../shared/cgi/messages.ts';

export function cgiWorkerMain(): void {
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<WorkerJob>) => void) | null;
    addEventListener(type: 'error' | 'unhandledrejection', listener: (event: ErrorEvent & PromiseRejectionEvent) => void): void;
    close(): void;
  };
  scope.onmessage = (event) => {
    scope.onmessage = null;
    const job = event.data;
    const port = event.ports[0]!;
    const encoder = new TextEncoder();
    let ended = false;
    const send = (message: WorkerMessage, transfer: Transferable[] = []) => {
      if (!ended) port.postMessage(message, transfer);
    };
    const end = (message: WorkerMessage) => {
      stdout.flush();
      stderr.flush();
      send(message);
      ended = true;
    };
    const bytesOf = (data: unknown): Uint8Array => {
      if (typeof data === 'string') return encoder.encode(data);
      if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
      if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
      return encoder.encode(String(data));
    };
    // Writes are buffered, like a process's output into a pipe, and sent whenever the script
    // pauses (awaits) or 64 KiB are waiting: one message per write would let a script that writes
    // in a tight loop flood the host page, starving every other run and the time limit's timer.
    const FLUSH_BYTES = 64 * 1024;
    const stream = (type: 'stdout' | 'stderr') => {
      let parts: Uint8Array[] = [];
      let size = 0;
      const flush = () => {
        if (size === 0) return;
        const chunk = new Uint8Array(size);
        let at = 0;
        for (const part of parts) {
          chunk.set(part, at);
          at += part.length;
        }
        parts = [];
        size = 0;
        send({ type, chunk }, [chunk.buffer]);
      };
      return {
        write(data: unknown): void {
          const bytes = bytesOf(data);
          if (bytes.length === 0) return;
          if (size === 0) queueMicrotask(flush);
          parts.push(bytes);
          size += bytes.length;
          if (size >= FLUSH_BYTES) flush();
        },
        flush,
      };
    };
    const stdout = stream('stdout');
    const stderr = stream('stderr');
    const show = (value: unknown): string => {
      if (typeof value === 'string') return value;
      if (value instanceof Error) return value.stack ?? String(value);
      if (value === null || typeof value !== 'object') return String(value);
      try {
        return JSON.stringify(value) ?? String(value);
      } catch {
        return String(value);
      }
    };
    // Like Python's print: the arguments joined by spaces, then a line break.
    const printer = (target: { write(data: unknown): void }) => (...values: unknown[]) => target.write(`${values.map(show).join(' ')}\n`);
    const console = {
      log: printer(stdout),
      info: printer(stdout),
      debug: printer(stdout),
      error: printer(stderr),
      warn: printer(stderr),
      trace: printer(stderr),
    };

    const pendingReads = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
    let nextRead = 0;
    port.onmessage = ({ data }: MessageEvent<HostReply>) => {
      const pending = pendingReads.get(data.id);
      pendingReads.delete(data.id);
      if ('bytes' in data) pending?.resolve(new Uint8Array(data.bytes));
      else pending?.reject(new Error(data.error));
    };
    const readFile = (path: string): Promise<Uint8Array> =>
      new Promise((resolve, reject) => {
        const id = nextRead++;
        pendingReads.set(id, { resolve, reject });
        send({ type: 'read', id, path: String(path) });
      });
    const site = Object.freeze({
      readFile,
      readText: async (path: string) => new TextDecoder().decode(await readFile(path)),
    });

    const input = job.stdin ?? new ArrayBuffer(0);
    const stdin = Object.freeze({
      bytes: async () => new Uint8Array(input.slice(0)),
      text: async () => new TextDecoder().decode(input),
      stream: () => new Blob([input]).stream(),
    });

    /** Thrown by `exit()` to stop the script where it stands. */
    class ScriptExit {
      readonly code: number;
      constructor(code: number) {
        this.code = code;
      }
    }
    const exit = (code: unknown = 0): never => {
      const number = Number(code);
      end({ type: 'exit', code: Number.isInteger(number) ? number : 1 });
      throw new ScriptExit(Number(code));
    };
    const fail = (error: unknown) => {
      if (error instanceof ScriptExit) return;
      const message = error instanceof Error ? String(error) : `Uncaught ${show(error)}`;
      const stack = error instanceof Error && error.stack ? error.stack : message;
      end({ type: 'error', message, stack });
    };
    scope.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.error ?? new Error(event.message));
    });
    scope.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      fail(event.reason);
    });

    const globals = { env: Object.freeze({ ...job.env }), argv: Object.freeze([...job.argv]), stdin, stdout, stderr, exit, console, site };
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: true });
    }

    const urls = new Map<string, string>();
    for (const { path, parts } of job.modules) {
      const text = parts.map((part) => {
        if (typeof part === 'string') return part;
        const url = urls.get(part.dependency)!;
        return part.quoted ? JSON.stringify(url) : url;
      });
      urls.set(path, URL.createObjectURL(new Blob(text, { type: 'text/javascript' })));
    }
    const script = job.modules.at(-1)!.path;
    import(/* @vite-ignore */ urls.get(script)!).then(() => end({ type: 'exit', code: 0 }), fail);
  };
}

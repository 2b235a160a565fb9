/**
 * The page side of CGI (docs/design.md#cgi-sandbox): takes runs from the Service Worker and runs each in a fresh
 * sandboxed worker (web/cgi-run.ts), at most `MAX_CONCURRENT_RUNS` at once (the rest queue), each
 * within the site's time limit and the output cap. Output streams back to the SW as the script
 * writes it.
 */
import { CGI_RUN, type CgiRunRequest, type ServerMessage } from '../shared/cgi/messages.ts';
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import { CgiRun, type ReplyToServer } from './cgi-run.ts';
import { CgiSandbox } from './cgi-sandbox.ts';

export const MAX_CONCURRENT_RUNS = 4;

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
    const reply: ReplyToServer = (message, transfer = []) => port.postMessage(message, transfer);
    reply({ type: 'accepted' });
    const cancel = new AbortController();
    port.onmessage = ({ data }: MessageEvent<ServerMessage>) => {
      if (data.type === 'cancel') cancel.abort();
    };
    await this.#takeSlot();
    try {
      if (!cancel.signal.aborted) reply({ type: 'end', end: await new CgiRun(request, reply, this.#vfs, this.#sandbox).run(cancel.signal) });
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
}

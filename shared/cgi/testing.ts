/**
 * For tests only (never imported by the app): a `ScriptRunner` that runs plain functions in
 * place of sandboxed modules, so the CGI handler can be tested in Node.
 */
import { CgiUnavailableError, type ScriptEnd, type ScriptJob, type ScriptProcess, type ScriptRunner } from './script-runner.ts';

export interface FakeScriptIo {
  readonly job: ScriptJob;
  write(chunk: string | Uint8Array): void;
}

/** A script's stand-in: writes its output, then returns how it ended (default: exit 0). */
export type FakeScript = (io: FakeScriptIo) => Promise<ScriptEnd | void> | ScriptEnd | void;

export class FakeRunner implements ScriptRunner {
  readonly jobs: ScriptJob[] = [];
  readonly #scripts: Readonly<Record<string, FakeScript>>;
  /** False: behave as when no app page is open. */
  available = true;

  constructor(scripts: Readonly<Record<string, FakeScript>>) {
    this.#scripts = scripts;
  }

  async run(job: ScriptJob): Promise<ScriptProcess> {
    if (!this.available) throw new CgiUnavailableError();
    this.jobs.push(job);
    const script = this.#scripts[job.script];
    if (!script) throw new Error(`no fake script at ${job.script}`);
    let output!: ReadableStreamDefaultController<Uint8Array>;
    const stdout = new ReadableStream<Uint8Array>({ start: (controller) => void (output = controller) });
    const encoder = new TextEncoder();
    const io: FakeScriptIo = { job, write: (chunk) => output.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk) };
    const end = Promise.resolve(script(io)).then((ended): ScriptEnd => {
      output.close();
      return ended ?? { kind: 'exit', code: 0 };
    });
    return { stdout, end };
  }
}

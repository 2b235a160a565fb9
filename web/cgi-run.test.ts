import type { PythonCgiJob } from '../shared/cgi/python-cgi.ts';
import { MemoryFiles } from '../shared/vfs/memory-files.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CGI_RUN, type CgiRunRequest, type HostMessage, type WorkerJob, type WorkerMessage } from '../shared/cgi/messages.ts';
import { CgiRun, OUTPUT_CAP_BYTES } from './cgi-run.ts';

/** A site of `path → text`, as `IdbVfs.siteFiles` gives it. */
function siteVfs(files: Readonly<Record<string, string>>) {
  return {
    siteFiles: async (site: string) =>
      site === 'blog' ? ({ read: async (path: string) => (path in files ? new Blob([files[path]!]) : undefined) } as never) : undefined,
  };
}

/** A sandbox whose worker is the test: `worker.say()` posts as the script would. */
function fakeSandbox() {
  let started = () => {};
  const sandbox = {
    jobs: [] as WorkerJob[],
    terminated: [] as string[],
    port: undefined as MessagePort | undefined,
    heard: [] as unknown[],
    started: new Promise<void>((resolve) => (started = resolve)),
    async run(job: WorkerJob, port: MessagePort): Promise<string> {
      sandbox.jobs.push(job);
      sandbox.port = port;
      port.onmessage = ({ data }) => sandbox.heard.push(data);
      started();
      return 'run-1';
    },
    pythonJobs: [] as PythonCgiJob[],
    async runPython(job: PythonCgiJob, port: MessagePort): Promise<string> {
      sandbox.pythonJobs.push(job);
      sandbox.port = port;
      port.onmessage = ({ data }) => sandbox.heard.push(data);
      started();
      return 'run-1';
    },
    terminate(id: string): void {
      sandbox.terminated.push(id);
    },
    say(message: WorkerMessage): void {
      sandbox.port!.postMessage(message);
    },
  };
  return sandbox;
}

function request(timeLimitSeconds = 30, site = 'blog'): CgiRunRequest {
  return { type: CGI_RUN, site, script: 'cgi-bin/hi.js', env: { QUERY_STRING: 'a=1' }, argv: ['hi.js'], stdin: null, timeLimitSeconds };
}

function start(sandbox = fakeSandbox(), timeLimitSeconds = 30, cancel = new AbortController(), site = 'blog') {
  const replies: HostMessage[] = [];
  const run = new CgiRun(request(timeLimitSeconds, site), (message) => replies.push(message), siteVfs({ 'cgi-bin/hi.js': 'print(1)', 'data.txt': 'DATA' }), sandbox);
  return { sandbox, replies, cancel, ended: run.run(cancel.signal) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CgiRun', () => {
  it('starts the script with its modules, passes its output and stderr lines on, and ends at its exit, stopping the worker', async () => {
    const { sandbox, replies, ended } = start();
    await sandbox.started;
    expect(sandbox.jobs[0]).toMatchObject({ env: { QUERY_STRING: 'a=1' }, argv: ['hi.js'], stdin: null });
    expect(sandbox.jobs[0]!.modules.at(-1)).toMatchObject({ path: 'cgi-bin/hi.js' });
    sandbox.say({ type: 'stdout', chunk: new TextEncoder().encode('Content-Type: text/plain\n\nhi') });
    sandbox.say({ type: 'stderr', chunk: new TextEncoder().encode('warn') });
    sandbox.say({ type: 'stderr', chunk: new TextEncoder().encode('ing\nlast') });
    sandbox.say({ type: 'exit', code: 3 });
    expect(await ended).toEqual({ kind: 'exit', code: 3 });
    expect(replies.map((reply) => (reply.type === 'stdout' ? new TextDecoder().decode(reply.chunk) : reply))).toEqual([
      'Content-Type: text/plain\n\nhi',
      { type: 'stderr', line: 'warning' },
      { type: 'stderr', line: 'last' }, // the unfinished line, flushed at the end
    ]);
    expect(sandbox.terminated).toEqual(['run-1']);
  });

  it('answers the script’s reads of its own site’s files, and refuses paths outside it', async () => {
    const { sandbox, ended } = start();
    await sandbox.started;
    sandbox.say({ type: 'read', id: 1, path: 'data.txt' });
    sandbox.say({ type: 'read', id: 2, path: '../other/secret.txt' });
    await vi.waitFor(() => expect(sandbox.heard).toHaveLength(2));
    const [found, refused] = sandbox.heard as { id: number; bytes?: ArrayBuffer; error?: string }[];
    expect(found!.id).toBe(1);
    expect(new TextDecoder().decode(found!.bytes)).toBe('DATA');
    expect(refused).toMatchObject({ type: 'read', id: 2, error: expect.stringMatching(/^No such file in this site/) });
    sandbox.say({ type: 'exit', code: 0 });
    await ended;
  });

  it('cuts the output at the cap and ends there, ignoring what the worker says after', async () => {
    const { sandbox, replies, ended } = start();
    await sandbox.started;
    sandbox.say({ type: 'stdout', chunk: new Uint8Array(OUTPUT_CAP_BYTES - 10) });
    sandbox.say({ type: 'stdout', chunk: new Uint8Array(25) });
    sandbox.say({ type: 'exit', code: 0 });
    expect(await ended).toEqual({ kind: 'output-cap', bytes: OUTPUT_CAP_BYTES });
    const sizes = replies.map((reply) => (reply.type === 'stdout' ? reply.chunk.length : -1));
    expect(sizes).toEqual([OUTPUT_CAP_BYTES - 10, 10]);
    expect(sandbox.terminated).toEqual(['run-1']);
  });

  it('ends at the time limit, stopping the worker', async () => {
    vi.useFakeTimers();
    const { sandbox, ended } = start(fakeSandbox(), 2);
    await vi.waitFor(() => sandbox.started);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await ended).toEqual({ kind: 'timeout', seconds: 2 });
    expect(sandbox.terminated).toEqual(['run-1']);
  });

  it('ends when cancelled, and stops a worker that was still starting once it has started', async () => {
    const sandbox = fakeSandbox();
    const slowRun = sandbox.run;
    let letStart: (() => void) | undefined;
    sandbox.run = (job, port) => new Promise((resolve) => (letStart = () => resolve(slowRun(job, port))));
    const { cancel, ended } = start(sandbox);
    await vi.waitFor(() => expect(letStart).toBeDefined()); // the modules are read, the worker is starting
    cancel.abort();
    expect(await ended).toEqual({ kind: 'cancelled' });
    expect(sandbox.terminated).toEqual([]);
    letStart!();
    await vi.waitFor(() => expect(sandbox.terminated).toEqual(['run-1']));
  });

  it('reports a site gone, or a failure of its own, as the script’s error', async () => {
    expect(await start(fakeSandbox(), 30, new AbortController(), 'gone').ended).toEqual({
      kind: 'error',
      message: 'Error: The site “gone” no longer exists',
      stack: 'Error: The site “gone” no longer exists',
    });
    const broken = fakeSandbox();
    broken.run = async () => {
      throw new TypeError('the frame is gone');
    };
    expect(await start(broken).ended).toMatchObject({ kind: 'error', message: 'TypeError: the frame is gone' });
  });
});

describe('CgiRun with a Python script', () => {
  it('hands the sandbox the site’s files, the body and argv as Python sees it, and streams what it writes', async () => {
    const sandbox = fakeSandbox();
    const replies: HostMessage[] = [];
    const body = new TextEncoder().encode('a=b').buffer;
    const pyRequest: CgiRunRequest = { type: CGI_RUN, site: 'blog', script: 'cgi-bin/hi.py', env: { QUERY_STRING: 'x' }, argv: ['hi.py', 'x'], stdin: body, timeLimitSeconds: 30 };
    const site = new MemoryFiles().addFile('cgi-bin/hi.py', 'print(1)').addFile('data/x.csv', 'a,b');
    const run = new CgiRun(pyRequest, (message) => replies.push(message), { siteFiles: async () => site }, sandbox);
    const ended = run.run(new AbortController().signal);
    await sandbox.started;
    expect(sandbox.jobs).toEqual([]);
    const [job] = sandbox.pythonJobs;
    expect([job!.script, job!.argv, job!.env, new TextDecoder().decode(job!.stdin!)]).toEqual(['cgi-bin/hi.py', ['/site/cgi-bin/hi.py', 'x'], { QUERY_STRING: 'x' }, 'a=b']);
    expect([...job!.files.keys()].sort()).toEqual(['cgi-bin/hi.py', 'data/x.csv']);
    expect(new TextDecoder().decode(job!.files.get('data/x.csv'))).toBe('a,b');
    sandbox.say({ type: 'stdout', chunk: new TextEncoder().encode('Content-Type: text/plain\n\n1\n') });
    sandbox.say({ type: 'exit', code: 0 });
    expect(await ended).toEqual({ kind: 'exit', code: 0 });
    expect(replies.map((reply) => reply.type)).toEqual(['stdout']);
  });
});

describe('CgiRun’s time limit for a Python script', () => {
  afterEach(() => vi.useRealTimers());

  it('starts when the interpreter has booted and the script runs, not while it boots', async () => {
    vi.useFakeTimers();
    const sandbox = fakeSandbox();
    const pyRequest: CgiRunRequest = { type: CGI_RUN, site: 'blog', script: 'cgi-bin/slow.py', env: {}, argv: ['slow.py'], stdin: null, timeLimitSeconds: 2 };
    const site = new MemoryFiles().addFile('cgi-bin/slow.py', 'pass');
    const outcome: { end?: unknown } = {};
    void new CgiRun(pyRequest, () => {}, { siteFiles: async () => site }, sandbox).run(new AbortController().signal).then((end) => (outcome.end = end));
    await vi.waitFor(() => expect(sandbox.pythonJobs).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(5000); // booting for 5 s: past the 2 s limit, which has not started
    expect(outcome.end).toBeUndefined();
    sandbox.say({ type: 'running' });
    await vi.waitFor(() => expect(sandbox.heard).toBeDefined());
    await vi.advanceTimersByTimeAsync(100); // the message crosses the channel
    await vi.advanceTimersByTimeAsync(2000);
    expect(outcome.end).toEqual({ kind: 'timeout', seconds: 2 });
  });
});

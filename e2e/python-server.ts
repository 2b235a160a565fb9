/** CPython's `http.server` beside ours, on a free 127.0.0.1 port, for byte-for-byte comparisons. */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './ports.ts';

export interface PythonServer {
  readonly url: string;
  /** What the server has written to stderr so far (its log), one complete line each. */
  readonly stderrLines: readonly string[];
  stop(): Promise<void>;
}

/** `options` are more command-line options, such as `--cgi`. */
export async function startPythonServer(directory: string, options: readonly string[] = []): Promise<PythonServer> {
  const port = await freePort();
  // Started in the folder it serves, as a person runs it there: CGI scripts inherit the working directory.
  const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', directory, ...options], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrLines = collectLines(child);
  await waitForBanner(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stderrLines,
    stop: () =>
      new Promise((resolve) => {
        // A child ended by a signal has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Reads stderr as it comes: an unread pipe would fill up and stall the server after ~64 KB of log. */
function collectLines(child: ChildProcess): string[] {
  const lines: string[] = [];
  let partial = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  return lines;
}

function waitForBanner(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Serving HTTP')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}): ${output}`)));
  });
}

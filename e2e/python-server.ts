/** CPython's `http.server` beside ours, on a free 127.0.0.1 port, for byte-for-byte comparisons. */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './ports.ts';

export interface PythonServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPythonServer(directory: string): Promise<PythonServer> {
  const port = await freePort();
  const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForBanner(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
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

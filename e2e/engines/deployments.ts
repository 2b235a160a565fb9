/**
 * The built app (dist/) deployed as a person would deploy it, on a server the test starts and
 * stops: at an origin's root with `npm start`'s server; copied under a sub-path of a plain static
 * server (`python3 -m http.server` serving a parent folder), which has no 404.html; or under a
 * sub-path of a host that shows 404.html for missing paths, as a GitHub Pages project site is
 * (`npm start`'s server with BASE_PATH). docs/deployment.md says what each kind of host needs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../ports.ts';
import { startPythonServer } from '../python-server.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');

export type DeploymentKind = 'root' | 'sub-path' | 'project-site';

export const DEPLOYMENTS: readonly DeploymentKind[] = ['root', 'sub-path', 'project-site'];

/** The path the sub-path deployment puts the app under. */
export const SUB_PATH = '/tools/drop serve/';
/** The path the project-site deployment serves the app at, as GitHub Pages serves `<user>.github.io/<repo>/`. */
export const PROJECT_PATH = '/dropserve/';

export interface Deployment {
  readonly kind: DeploymentKind;
  /** The app's URL, ending in `/`. */
  readonly appUrl: string;
  /** Whether the host answers a missing path with the build's 404.html (npm start does; python's server does not). */
  readonly servesNotFoundPage: boolean;
  /** Stops the server: the network is gone for the app from then on. */
  stop(): Promise<void>;
}

export async function deploy(kind: DeploymentKind): Promise<Deployment> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `npx vite build` (npm run test:e2e does)');
  return kind === 'sub-path' ? deployUnderSubPath() : deployWithNotFoundPage(kind, kind === 'root' ? '/' : PROJECT_PATH);
}

/** scripts/serve.mjs: the app at `basePath`, 404.html for what is missing. */
async function deployWithNotFoundPage(kind: DeploymentKind, basePath: string): Promise<Deployment> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DROPSERVE_DIST: DIST, BASE_PATH: basePath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForOutput(child, 'dropserve is at');
  return { kind, appUrl: `http://127.0.0.1:${port}${basePath}`, servesNotFoundPage: true, stop: () => stopChild(child) };
}

async function deployUnderSubPath(): Promise<Deployment> {
  const parent = mkdtempSync(path.join(tmpdir(), 'dropserve-host-'));
  cpSync(DIST, path.join(parent, ...SUB_PATH.split('/').filter(Boolean)), { recursive: true });
  const server = await startPythonServer(parent);
  const appPath = SUB_PATH.split('/').map(encodeURIComponent).join('/');
  let stopped: Promise<void> | undefined;
  return {
    kind: 'sub-path',
    appUrl: `${server.url}${appPath}`,
    servesNotFoundPage: false,
    stop: () =>
      (stopped ??= server.stop().then(() => rmSync(parent, { recursive: true, force: true }))),
  };
}

function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the app server exited (${code}): ${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

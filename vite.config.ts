import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { PYODIDE_FILES, PYODIDE_FOLDER } from './shared/cgi/python-runtime-files.ts';
import { SERVICE_WORKER_FILE } from './shared/serve/app-urls.ts';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SW_SOURCE = path.join(ROOT, 'sw/sw.ts');
const NOT_FOUND_SOURCE = path.join(ROOT, 'web/not-found/boot.ts');
const PYTHON_WORKER_SOURCE = path.join(ROOT, 'web/python-worker-main.ts');
const PYTHON_WORKER_MODULE = 'virtual:python-worker-source';
const PYODIDE_PACKAGE = path.join(ROOT, 'node_modules/pyodide');
const NOT_FOUND_TEMPLATE = path.join(ROOT, 'web/not-found/404.html');
// The dev server serves the app at its root.
const SW_DEV_URL = `/${SERVICE_WORKER_FILE}`;
const SHELL_MODULE = 'virtual:app-shell';

/**
 * The app shell the SW precaches: in a build, every file the app build wrote (plus the app's
 * folder, `./`), as paths relative to the app's folder, which the SW resolves against its scope;
 * in dev, nothing (Vite serves modules on demand, so there is no fixed list to precache).
 */
function appShellModule(shell: () => { urls: string[]; version: string }): Plugin {
  const resolved = '\0' + SHELL_MODULE;
  return {
    name: 'dropserve-app-shell',
    resolveId: (id) => (id === SHELL_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(shell())};` : undefined),
  };
}

/**
 * Serves the Service Worker at `<app>/sw.js`: in dev by rewriting to its TS source (an ES module SW,
 * so the page registers it with `type: 'module'`); in a build by bundling it to one `dist/sw.js`
 * after the app, when the list of shell files is known.
 */
function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  let shell = { urls: [] as string[], version: 'dev' };
  return {
    ...appShellModule(() => shell),
    name: 'dropserve-service-worker',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === SW_DEV_URL || req.url?.startsWith(`${SW_DEV_URL}?`)) req.url = `/@fs${SW_SOURCE}`;
        next();
      });
    },
    writeBundle(_options, bundle) {
      // The public folder (manifest, icons) is copied, not bundled: list it too, for offline installs.
      const copied = existsSync(config.publicDir) ? readdirSync(config.publicDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : [];
      const publicFiles = copied.map((entry) => path.relative(config.publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
      const files = [...Object.keys(bundle), ...publicFiles].filter((file) => !file.endsWith('.map'));
      // Hashed file names change with every build that changes the app: a cheap version id.
      shell = { urls: ['./', ...files.filter((f) => f !== 'index.html')], version: hashOf(files.join('\n')) };
    },
    async closeBundle() {
      if (config.command !== 'build') return;
      await build({
        configFile: false,
        root: ROOT,
        mode: config.mode,
        logLevel: 'warn',
        publicDir: false,
        plugins: [appShellModule(() => shell)],
        build: {
          outDir: config.build.outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: config.build.sourcemap,
          minify: config.build.minify,
          rolldownOptions: {
            input: { sw: SW_SOURCE },
            output: { format: 'es', entryFileNames: SERVICE_WORKER_FILE, codeSplitting: false },
          },
        },
      });
      await writeNotFoundPage(config);
    },
  };
}

/**
 * `404.html`, for static hosts that serve it for every missing path (GitHub Pages, Netlify, and
 * `npm start`): a site URL reached before the SW is installed boots the app from there. Its script
 * is inlined, as the page may be shown at any depth, where relative URLs to the build point nowhere.
 */
async function writeNotFoundPage(config: ResolvedConfig): Promise<void> {
  const code = await bundleScript(NOT_FOUND_SOURCE, config);
  const page = readFileSync(NOT_FOUND_TEMPLATE, 'utf8').replace('<!-- boot -->', () => `<script>${code.replaceAll('</script', '<\\/script')}</script>`);
  writeFileSync(path.join(config.build.outDir, '404.html'), page);
}

/** One TypeScript entry bundled into one classic script (an IIFE), returned as text. */
async function bundleScript(entry: string, config: ResolvedConfig): Promise<string> {
  const output = (await build({
    configFile: false,
    root: ROOT,
    mode: config.mode,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: config.build.minify,
      rolldownOptions: { input: { entry }, output: { format: 'iife', codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const [bundle] = Array.isArray(output) ? output : [output];
  const chunk = bundle!.output.find((item) => item.type === 'chunk');
  if (!chunk) throw new Error(`${path.relative(ROOT, entry)} was not built`);
  return chunk.code;
}

/**
 * Python CGI (docs/python-cgi.md): the sandboxed worker's script as a string module, for a `blob:`
 * worker; and the Pyodide runtime's files in `<app>/pyodide/`, copied from the npm package into a
 * build and served from it in dev. They stay out of the precached shell: the page fetches and
 * keeps them only when a Python script first runs.
 */
function pythonCgi(): Plugin {
  const resolved = '\0' + PYTHON_WORKER_MODULE;
  let config: ResolvedConfig;
  return {
    name: 'dropserve-python-cgi',
    configResolved(resolvedConfig) {
      config = resolvedConfig;
    },
    resolveId: (id) => (id === PYTHON_WORKER_MODULE ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(PYTHON_WORKER_SOURCE);
      return `export default ${JSON.stringify(await bundleScript(PYTHON_WORKER_SOURCE, config))};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(`/${PYODIDE_FOLDER}`) ? req.url.slice(PYODIDE_FOLDER.length + 1) : undefined;
        if (!name || !(PYODIDE_FILES as readonly string[]).includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        createReadStream(path.join(PYODIDE_PACKAGE, name)).pipe(res);
      });
    },
    writeBundle() {
      const folder = path.join(config.build.outDir, PYODIDE_FOLDER);
      mkdirSync(folder, { recursive: true });
      for (const name of PYODIDE_FILES) copyFileSync(path.join(PYODIDE_PACKAGE, name), path.join(folder, name));
    },
  };
}

function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export default defineConfig({
  root: path.join(ROOT, 'web'),
  // Relative URLs everywhere: one build works at `/` and under any path of a static host.
  base: './',
  plugins: [serviceWorker(), pythonCgi()],
  build: { outDir: path.join(ROOT, 'dist'), emptyOutDir: true, sourcemap: true },
  // The SW's dependencies are not reachable from index.html: list them, or the first dev request
  // for /sw.js re-optimises them mid-request.
  optimizeDeps: { include: ['workbox-core', 'idb', 'mime/lite'] },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: [ROOT] } },
});

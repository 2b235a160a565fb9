/**
 * The Pyodide runtime for Python CGI scripts, as the page gets it: from its own cache when a
 * script ran here before (so it works offline), else from the app's folder, which the build fills
 * (vite.config.ts), never from a CDN. Fetched only when the first Python script runs.
 */
import { PYODIDE_FILES, PYODIDE_FOLDER, PYODIDE_VERSION, type PyodideRuntime } from '../shared/cgi/python-runtime-files.ts';
import { app } from './app.ts';

const CACHE_NAME = `dropserve-pyodide-${PYODIDE_VERSION}`;

export async function loadPythonRuntime(): Promise<PyodideRuntime> {
  const cache = await caches.open(CACHE_NAME);
  const entries = await Promise.all(
    PYODIDE_FILES.map(async (name) => {
      const url = `${app.root}${PYODIDE_FOLDER}${name}`;
      let response = await cache.match(url);
      if (!response) {
        const fetched = await fetch(url);
        if (!fetched.ok) throw new Error(`Python is not available: ${url} answered ${fetched.status}`);
        await cache.put(url, fetched.clone());
        response = fetched;
      }
      return [name, await response.arrayBuffer()] as const;
    }),
  );
  return Object.fromEntries(entries) as PyodideRuntime;
}

/**
 * The Pyodide runtime Python CGI scripts run on (docs/python-cgi.md): which files of the npm
 * package the build ships, and where, beside the app. They are not part of the app's first load:
 * the page fetches them the first time a Python script runs and keeps them for offline use.
 */

/** The npm package's version: also names the cache the page keeps the files in. */
export const PYODIDE_VERSION = '0.25.1';

/** The folder, in the app's folder, that holds the runtime. */
export const PYODIDE_FOLDER = 'pyodide/';

/** What booting an interpreter needs, nothing else of the package. */
export const PYODIDE_FILES = ['pyodide.asm.js', 'pyodide.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;

export type PyodideFileName = (typeof PYODIDE_FILES)[number];

/** The runtime's files, read whole. */
export type PyodideRuntime = Readonly<Record<PyodideFileName, ArrayBuffer>>;

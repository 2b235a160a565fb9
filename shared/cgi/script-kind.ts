/**
 * Which files of a CGI directory are scripts, and how each runs: ES modules in a sandboxed worker
 * (`.js`, `.mjs`), or Python under Pyodide (`.py`, `.pyw`: Python's `is_python` rule). Anything else
 * is "not executable" (docs/deviations.md, row 20).
 */
export type ScriptKind = 'module' | 'python';

export function scriptKind(path: string): ScriptKind | undefined {
  if (/\.m?js$/i.test(path)) return 'module';
  if (/\.pyw?$/i.test(path)) return 'python';
  return undefined;
}

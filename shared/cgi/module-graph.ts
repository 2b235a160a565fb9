/**
 * The modules a CGI script imports from its own site, found ahead of the run: the sandboxed worker
 * cannot fetch anything, so every module reaches it as text, and it links them with `blob:` URLs
 * (a `blob:` URL cannot resolve `./x.mjs` by itself). Each module is split into text and the
 * places where a site-local specifier stands; the worker puts each dependency's URL there.
 *
 * Site-local specifiers start with `./`, `../` or `/` (the site's root) and name a `.js` or `.mjs`
 * file; dynamic `import()` of such a string literal is linked too. Anything else (`https://…`,
 * bare names) is left as written and fails in the sandbox.
 */
import { init, parse } from 'es-module-lexer';
import { resolveSitePath } from './site-path.ts';

/** Text, or the place of a dependency's URL (`quoted` for the string literal of an `import()`). */
export type ModulePart = string | { readonly dependency: string; readonly quoted: boolean };

export interface LinkedModule {
  /** Site path: `cgi-bin/lib/util.mjs`. */
  readonly path: string;
  readonly parts: readonly ModulePart[];
}

/** A module the script imports cannot be loaded; the message says which and why. */
export class ModuleLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleLinkError';
  }
}

const STATIC_IMPORT = 1;
const DYNAMIC_IMPORT = 2;

/**
 * `entry` and every site module it reaches, dependencies before the modules that import them
 * (`entry` last). `read` gives a site file's text, or undefined when there is none. Rejects with
 * `ModuleLinkError` for a missing or non-JS module, a path above the site's root, a circular import
 * (a `blob:` URL must exist before a module that names it), or a syntax error the lexer sees.
 */
export async function resolveModuleGraph(entry: string, read: (path: string) => Promise<string | undefined>): Promise<LinkedModule[]> {
  await init;
  const ordered: LinkedModule[] = [];
  const done = new Set<string>();
  const visit = async (path: string, importer: string | undefined, chain: readonly string[]): Promise<void> => {
    if (done.has(path)) return;
    if (chain.includes(path)) throw new ModuleLinkError(`Circular import: ${[...chain, path].join(' → ')}. CGI scripts cannot import modules in a cycle.`);
    const source = await read(path);
    if (source === undefined) throw new ModuleLinkError(`Cannot find module /${path}${importer ? ` imported by /${importer}` : ''}`);
    const module = splitModule(path, source);
    for (const part of module.parts) if (typeof part !== 'string') await visit(part.dependency, path, [...chain, path]);
    done.add(path);
    ordered.push(module);
  };
  await visit(entry, undefined, []);
  return ordered;
}

function splitModule(path: string, source: string): LinkedModule {
  let imports;
  try {
    [imports] = parse(source, path);
  } catch (error) {
    throw new ModuleLinkError(`Cannot parse /${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parts: ModulePart[] = [];
  let done = 0;
  for (const { n: specifier, t: type, s: start, e: end } of imports) {
    if (specifier === undefined || (type !== STATIC_IMPORT && type !== DYNAMIC_IMPORT) || !isSiteLocal(specifier)) continue;
    parts.push(source.slice(done, start), { dependency: resolveSpecifier(specifier, path), quoted: type === DYNAMIC_IMPORT });
    done = end;
  }
  parts.push(source.slice(done));
  return { path, parts };
}

function isSiteLocal(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/** The site path `specifier` names from the module at `importer`. */
export function resolveSpecifier(specifier: string, importer: string): string {
  const path = resolveSitePath(specifier.split(/[?#]/, 1)[0]!, importer.split('/').slice(0, -1).join('/'));
  if (path === undefined) throw new ModuleLinkError(`Cannot import ${specifier} from /${importer}: it points above the site's root`);
  if (!/\.m?js$/i.test(path)) throw new ModuleLinkError(`Cannot import ${specifier} from /${importer}: only .js and .mjs files of the site can be imported`);
  return path;
}

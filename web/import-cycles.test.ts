/**
 * No import cycles in the app's code, type-only imports included: a cycle makes the order in which
 * modules run depend on who imports first, and ties together files that should be read alone.
 * Checks every non-test `.ts` file in web/, sw/ and shared/ (shared/boundaries.test.ts checks the
 * layering between them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Module path → the modules it imports, as paths of the same kind. */
type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** `import … from`, `export … from`, `import '…'` and `import('…')` of a relative specifier. */
const RELATIVE_IMPORT = /(?:\b(?:import|export)\b[^'";]*?\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative specifiers `source` imports, without a bundler query (`?raw`). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => match[1]!.replace(/\?.*$/, ''));
}

/** The first cycle found, as the modules along it with the first repeated at the end; undefined when there is none. */
export function findCycle(graph: ImportGraph): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (module: string): string[] | undefined => {
    const at = onPath.indexOf(module);
    if (at >= 0) return [...onPath.slice(at), module];
    if (done.has(module)) return undefined;
    onPath.push(module);
    for (const next of graph.get(module) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(module);
    return undefined;
  };
  for (const module of [...graph.keys()].sort()) {
    const cycle = visit(module);
    if (cycle) return cycle;
  }
  return undefined;
}

function sourceGraph(repo: string, dirs: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const dir of dirs) {
    const files = readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    for (const file of files) {
      const module = path.posix.join(dir, file.split(path.sep).join('/'));
      const text = readFileSync(path.join(repo, module), 'utf8');
      graph.set(module, relativeImports(text).map((specifier) => path.posix.join(path.posix.dirname(module), specifier)));
    }
  }
  return graph;
}

describe('import cycles', () => {
  const graph = sourceGraph(path.resolve(import.meta.dirname, '..'), ['web', 'sw', 'shared']);

  it('has sources and imports to check', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('web/folder-handle.ts')).toContain('web/folder-selection.ts');
  });

  it('finds none in web/, sw/ and shared/, type-only imports included', () => {
    const cycle = findCycle(graph);
    expect(cycle && cycle.join(' → '), 'an import cycle').toBeUndefined();
  });
});

describe('the cycle check itself', () => {
  it('reads every kind of relative import, and skips packages', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import { type B, c } from '../shared/b.ts';",
      "export { d } from './d.ts';",
      "export type * from './e.ts';",
      "import './f.css?inline';",
      "const g = await import('./g.ts');",
      "import {\n  h,\n  i,\n} from './hi.ts';",
      "import { openDB } from 'idb';",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.ts', '../shared/b.ts', './d.ts', './e.ts', './f.css', './g.ts', './hi.ts']);
  });

  it('names a cycle, a type-only one too, and passes a graph without one', () => {
    const graph = new Map([
      ['web/a.ts', ['web/b.ts']],
      ['web/b.ts', ['web/c.ts', 'shared/x.ts']],
      ['web/c.ts', ['web/a.ts']],
      ['shared/x.ts', []],
    ]);
    expect(findCycle(graph)).toEqual(['web/a.ts', 'web/b.ts', 'web/c.ts', 'web/a.ts']);
    expect(findCycle(new Map([['web/self.ts', ['web/self.ts']]]))).toEqual(['web/self.ts', 'web/self.ts']);
    graph.set('web/c.ts', ['shared/x.ts']);
    expect(findCycle(graph)).toBeUndefined();
  });
});

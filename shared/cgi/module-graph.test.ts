import { describe, expect, it } from 'vitest';
import { ModuleLinkError, resolveModuleGraph, resolveSpecifier } from './module-graph.ts';

const reader = (files: Record<string, string>) => async (path: string) => files[path];

describe('resolveModuleGraph', () => {
  it('orders dependencies first and marks where their URLs go', async () => {
    const files = {
      'cgi-bin/main.mjs': `import { x } from './lib/util.mjs';\nconst y = await import('../shared.js');\nimport 'https://example.com/a.js';`,
      'cgi-bin/lib/util.mjs': `export { z as x } from "/shared.js";`,
      'shared.js': 'export const z = 1;',
    };
    const graph = await resolveModuleGraph('cgi-bin/main.mjs', reader(files));
    expect(graph.map((module) => module.path)).toEqual(['shared.js', 'cgi-bin/lib/util.mjs', 'cgi-bin/main.mjs']);
    expect(graph[2]!.parts).toEqual([
      'import { x } from \'',
      { dependency: 'cgi-bin/lib/util.mjs', quoted: false },
      '\';\nconst y = await import(',
      { dependency: 'shared.js', quoted: true },
      ");\nimport 'https://example.com/a.js';",
    ]);
    expect(graph[0]!.parts).toEqual(['export const z = 1;']);
  });

  it('loads a module imported twice once', async () => {
    const files = { 'a.mjs': "import './b.mjs'; import './c.mjs';", 'b.mjs': "import './c.mjs';", 'c.mjs': '' };
    expect((await resolveModuleGraph('a.mjs', reader(files))).map((m) => m.path)).toEqual(['c.mjs', 'b.mjs', 'a.mjs']);
  });

  it('names a missing module and its importer', async () => {
    await expect(resolveModuleGraph('a.mjs', reader({ 'a.mjs': "import './gone.mjs';" }))).rejects.toThrow('Cannot find module /gone.mjs imported by /a.mjs');
  });

  it('refuses a cycle', async () => {
    const files = { 'a.mjs': "import './b.mjs';", 'b.mjs': "import './a.mjs';" };
    await expect(resolveModuleGraph('a.mjs', reader(files))).rejects.toThrow('Circular import: a.mjs → b.mjs → a.mjs');
  });

  it('reports a syntax error the lexer finds', async () => {
    await expect(resolveModuleGraph('a.mjs', reader({ 'a.mjs': 'import { from "' }))).rejects.toThrow(ModuleLinkError);
  });
});

describe('resolveSpecifier', () => {
  it.each([
    ['./x.mjs', 'cgi-bin/a.mjs', 'cgi-bin/x.mjs'],
    ['../lib/x.js', 'cgi-bin/a.mjs', 'lib/x.js'],
    ['/lib/x.mjs?v=1', 'cgi-bin/deep/a.mjs', 'lib/x.mjs'],
    ['./.././x.mjs', 'cgi-bin/a.mjs', 'x.mjs'],
  ])('%s from %s is %s', (specifier, importer, path) => {
    expect(resolveSpecifier(specifier, importer)).toBe(path);
  });

  it('refuses a path above the root, and files that are not modules', () => {
    expect(() => resolveSpecifier('../../x.mjs', 'cgi-bin/a.mjs')).toThrow(/above the site's root/);
    expect(() => resolveSpecifier('./data.json', 'cgi-bin/a.mjs')).toThrow(/only .js and .mjs/);
  });
});

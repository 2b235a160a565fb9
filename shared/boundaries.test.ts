import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** shared/ is the runtime-agnostic core: it never reaches into the app page or the Service Worker. */
describe('shared/ boundaries', () => {
  const root = import.meta.dirname;
  const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)('%s imports nothing from web/ or sw/', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => path.resolve(root, path.dirname(file), m[1]!));
    for (const target of imports) {
      expect(target.startsWith(path.resolve(root, '../web')) || target.startsWith(path.resolve(root, '../sw'))).toBe(false);
    }
  });
});

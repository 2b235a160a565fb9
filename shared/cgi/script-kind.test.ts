import { describe, expect, it } from 'vitest';
import { scriptKind } from './script-kind.ts';

describe('scriptKind', () => {
  it('runs modules and Python scripts, whatever the case of the extension', () => {
    for (const path of ['cgi-bin/a.js', 'cgi-bin/a.mjs', 'cgi-bin/A.MJS']) expect(scriptKind(path), path).toBe('module');
    for (const path of ['cgi-bin/a.py', 'cgi-bin/a.pyw', 'cgi-bin/A.PY']) expect(scriptKind(path), path).toBe('python');
  });
  it('runs nothing else', () => {
    for (const path of ['cgi-bin/run.sh', 'cgi-bin/a.pyc', 'cgi-bin/a.js.txt', 'cgi-bin/py', 'cgi-bin/a.cgi']) expect(scriptKind(path), path).toBeUndefined();
  });
});

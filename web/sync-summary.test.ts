import { describe, expect, it } from 'vitest';
import { describeSync } from './sync-summary.ts';

describe('describeSync', () => {
  it('counts each kind of change and names the paths', () => {
    const text = describeSync('blog', { added: ['new/', 'new/a.css'], changed: ['index.html'], removed: ['old.html'], unchanged: 1 });
    expect(text).toBe('Synced “blog”: 1 changed, 2 added, 1 removed, 1 file unchanged. Changed: index.html; Added: new/, new/a.css; Removed: old.html.');
  });

  it('names a few paths of each kind and counts the rest', () => {
    const added = Array.from({ length: 8 }, (_, i) => `f${i}.txt`);
    expect(describeSync('s', { added, changed: [], removed: [], unchanged: 0 })).toBe(
      'Synced “s”: 0 changed, 8 added, 0 removed, 0 files unchanged. Added: f0.txt, f1.txt, f2.txt, f3.txt, f4.txt and 3 more.',
    );
  });

  it('says so when nothing changed', () => {
    expect(describeSync('blog', { added: [], changed: [], removed: [], unchanged: 1200 })).toBe(
      '“blog” is up to date: nothing changed since the last import (1,200 files unchanged).',
    );
  });
});

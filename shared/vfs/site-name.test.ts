import { describe, expect, it } from 'vitest';
import { isValidSiteName, MAX_SITE_NAME_LENGTH, siteNameFromFolder, siteNameProblem } from './site-name.ts';

describe('siteNameFromFolder', () => {
  it.each([
    ['blog', 'blog'],
    ['my site', 'my-site'],
    ['Café Menü (2024)', 'Cafe-Menu-2024'],
    ['Straße & Ærø', 'Strasse-AEro'],
    ['ﬁle ＦＵＬＬ', 'file-FULL'], // compatibility forms: ligature, full-width
    ['v1.2.3_final', 'v1.2.3_final'],
    ['a  --  b', 'a-b'],
    ['#?%&<>"\'/\\', 'site'],
    ['🚀 launch 🚀', 'launch'],
    ['.hidden', 'hidden'],
    ['-dash-.', 'dash'],
    ['.', 'site'],
    ['..', 'site'],
    ['', 'site'],
    ['日本語', 'site'],
    ['Ελληνικά docs', 'docs'],
  ])('%j → %j', (folder, name) => {
    expect(siteNameFromFolder(folder)).toBe(name);
  });

  it('caps the length, and the cut leaves no `-` at the end', () => {
    const name = siteNameFromFolder(`${'a'.repeat(MAX_SITE_NAME_LENGTH - 1)} b`);
    expect(name).toBe('a'.repeat(MAX_SITE_NAME_LENGTH - 1));
    expect(siteNameFromFolder('x'.repeat(500))).toHaveLength(MAX_SITE_NAME_LENGTH);
  });

  it('always gives a valid name', () => {
    const samples = ['', '.', '..', '...', ' ', '-', '_', 'é', '\0', 'a/b', '%2e%2e', 'x'.repeat(100), 'Ünïcödé—dash', '\u{1F600}'];
    for (const sample of samples) expect(isValidSiteName(siteNameFromFolder(sample)), sample).toBe(true);
  });
});

describe('isValidSiteName', () => {
  it.each(['a', 'blog', 'A-b_c.d', '...', '-x-', 'x'.repeat(MAX_SITE_NAME_LENGTH)])('accepts %j', (name) => {
    expect(isValidSiteName(name)).toBe(true);
  });

  it.each(['', '.', '..', 'a b', 'a/b', 'é', 'a%20b', 'a?b', 'x'.repeat(MAX_SITE_NAME_LENGTH + 1)])('refuses %j', (name) => {
    expect(isValidSiteName(name)).toBe(false);
  });
});

describe('siteNameProblem', () => {
  it.each(['a', 'blog', 'A-b_c.d', 'x'.repeat(MAX_SITE_NAME_LENGTH)])('has nothing to say about %j', (name) => {
    expect(siteNameProblem(name)).toBeUndefined();
  });

  it('names the refused name and says what a name may hold', () => {
    expect(siteNameProblem('a b')).toBe('“a b” cannot be a site name: use letters, digits, “-”, “_” and “.”.');
  });

  it('speaks exactly when isValidSiteName refuses', () => {
    for (const name of ['', '.', '..', '...', 'a/b', 'é', 'a%20b', 'x'.repeat(MAX_SITE_NAME_LENGTH + 1), 'ok']) {
      expect(siteNameProblem(name) === undefined, name).toBe(isValidSiteName(name));
    }
  });
});

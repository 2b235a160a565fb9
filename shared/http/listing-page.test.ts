import { describe, expect, it } from 'vitest';
import { renderListing } from './listing-page.ts';

describe('renderListing', () => {
  it("renders Python 3.11's 199-byte empty listing", () => {
    const page = renderListing('/empty/', []);
    expect(page).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
        '<title>Directory listing for /empty/</title>\n</head>\n<body>\n' +
        '<h1>Directory listing for /empty/</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n',
    );
    expect(new TextEncoder().encode(page).length).toBe(199);
  });

  it('quotes links, escapes texts and marks directories in both', () => {
    const page = renderListing('/d/', [
      { name: 'a b&<c>"\'.txt', kind: 'file' },
      { name: 'Sub Dir', kind: 'directory' },
    ]);
    expect(page).toContain(
      '<ul>\n<li><a href="a%20b%26%3Cc%3E%22%27.txt">a b&amp;&lt;c&gt;"\'.txt</a></li>\n' +
        '<li><a href="Sub%20Dir/">Sub Dir/</a></li>\n</ul>\n',
    );
  });

  it('shows the display path as given', () => {
    expect(renderListing('/a&amp;b/', [])).toContain('<title>Directory listing for /a&amp;b/</title>');
  });

  it('matches the length formula of the reference', () => {
    const entries = [{ name: 'x.txt', kind: 'file' as const }];
    // 185 + 2×len(T) + Σ(25 + len(href) + len(text))
    expect(renderListing('/T/', entries).length).toBe(185 + 2 * 3 + 25 + 5 + 5);
  });
});

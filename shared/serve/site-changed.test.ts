import { describe, expect, it } from 'vitest';
import { APP_AT_ROOT } from './app-urls.ts';
import { isSiteChanged, showsSite, siteChanged } from './site-changed.ts';

describe('showsSite', () => {
  it('is true for the site’s root, with or without the slash, and anything below it', () => {
    for (const path of ['/site/blog', '/site/blog/', '/site/blog/a/b.html?x=1#y']) expect(showsSite(`http://h${path}`, 'blog', APP_AT_ROOT), path).toBe(true);
  });

  it('is false for the app, another site, and a site whose name only starts the same', () => {
    for (const path of ['/', '/index.html', '/site/', '/site/blog2/', '/site/other/blog/', '/blog/']) expect(showsSite(`http://h${path}`, 'blog', APP_AT_ROOT), path).toBe(false);
  });
});

describe('the site-changed message', () => {
  it('is recognised, and nothing else is', () => {
    expect(isSiteChanged(siteChanged('blog'))).toBe(true);
    for (const other of [null, 'changed', { type: 'dropserve:site-changed' }, { type: 'other', name: 'blog' }]) expect(isSiteChanged(other)).toBe(false);
  });
});

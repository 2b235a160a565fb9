import { describe, expect, it } from 'vitest';
import { APP_AT_ROOT, AppUrls, pathAndQueryOf } from './app-urls.ts';

const nested = new AppUrls('/tools/dropserve/');

describe('AppUrls', () => {
  it('places the Service Worker and the sites in the app’s folder', () => {
    expect(APP_AT_ROOT.serviceWorker).toBe('/sw.js');
    expect(APP_AT_ROOT.sitePath('blog')).toBe('/site/blog/');
    expect(nested.serviceWorker).toBe('/tools/dropserve/sw.js');
    expect(nested.sitePrefix).toBe('/tools/dropserve/site/');
    expect(nested.sitePath('blog')).toBe('/tools/dropserve/site/blog/');
  });

  it('is found from a scope or a page’s folder URL', () => {
    expect(AppUrls.at('http://127.0.0.1:8000/').root).toBe('/');
    expect(AppUrls.at(new URL('./', 'https://me.github.io/tools/dropserve/index.html')).root).toBe('/tools/dropserve/');
  });

  it('refuses a folder path without its slashes', () => {
    expect(() => new AppUrls('/tools')).toThrow(/starts and ends/);
    expect(() => new AppUrls('tools/')).toThrow(/starts and ends/);
  });

  it('tells the app’s own page from everything else', () => {
    for (const path of ['/tools/dropserve/', '/tools/dropserve/index.html']) expect(nested.isAppPage(path), path).toBe(true);
    for (const path of ['/', '/index.html', '/tools/dropserve', '/tools/dropserve/site/blog/', '/tools/dropserve/index.htm']) expect(nested.isAppPage(path), path).toBe(false);
  });

  it('splits a site URL under any folder, and only under its own', () => {
    expect(nested.splitSiteUrl('/tools/dropserve/site/blog/a/b.html?x=1')).toEqual({ name: 'blog', target: '/a/b.html?x=1' });
    expect(nested.splitSiteUrl('/tools/dropserve/site/blog')).toEqual({ name: 'blog', target: '' });
    expect(nested.splitSiteUrl('/tools/dropserve/site/blog?q')).toEqual({ name: 'blog', target: '?q' });
    expect(nested.splitSiteUrl('/site/blog/')).toBeUndefined();
    expect(nested.splitSiteUrl('/tools/dropserve/site/')).toBeUndefined();
    expect(nested.isSitePath('/tools/dropserve/site/')).toBe(true);
    expect(nested.isSitePath('/tools/dropserve/sites/a')).toBe(false);
  });

  it('lists the app folders a site URL may belong to, nearest the origin first', () => {
    const roots = (path: string) => AppUrls.candidatesFor(path).map((app) => app.root);
    expect(roots('/site/blog/')).toEqual(['/']);
    expect(roots('/tools/dropserve/site/blog/posts/a.html')).toEqual(['/tools/dropserve/']);
    expect(roots('/a/site/b/site/c/')).toEqual(['/a/', '/a/site/b/']);
    expect(roots('/tools/dropserve/site/')).toEqual([]);
    expect(roots('/tools/dropserve/missing.html')).toEqual([]);
  });
});

describe('pathAndQueryOf', () => {
  it('is the path and query as sent, an empty `?` kept, the fragment cut off', () => {
    expect(pathAndQueryOf(new URL('http://127.0.0.1:8000/site/blog/a.html?x=1#top'))).toBe('/site/blog/a.html?x=1');
    expect(pathAndQueryOf(new URL('http://127.0.0.1:8000/site/blog/?'))).toBe('/site/blog/?');
    expect(pathAndQueryOf(new URL('https://me.github.io/tools/dropserve/site/b/%20c?#'))).toBe('/tools/dropserve/site/b/%20c?');
    expect(pathAndQueryOf(new URL('http://127.0.0.1:8000'))).toBe('/');
  });
});

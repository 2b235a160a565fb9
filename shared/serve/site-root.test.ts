import { describe, expect, it } from 'vitest';
import { resolveSiteRoot, siteOfPage } from './site-root.ts';

const ORIGIN = 'http://127.0.0.1:5000';

describe('siteOfPage', () => {
  it('names the site a page is in', () => {
    expect(siteOfPage(`${ORIGIN}/site/blog/posts/a.html?x#y`, ORIGIN)).toBe('blog');
    expect(siteOfPage(`${ORIGIN}/site/blog`, ORIGIN)).toBe('blog');
  });

  it('is undefined for the app, other origins, no name and non-URLs', () => {
    expect(siteOfPage(`${ORIGIN}/`, ORIGIN)).toBeUndefined();
    expect(siteOfPage(`${ORIGIN}/index.html`, ORIGIN)).toBeUndefined();
    expect(siteOfPage('http://example.com/site/blog/', ORIGIN)).toBeUndefined();
    expect(siteOfPage(`${ORIGIN}/site//a`, ORIGIN)).toBeUndefined();
    expect(siteOfPage('about:client', ORIGIN)).toBeUndefined();
    expect(siteOfPage('', ORIGIN)).toBeUndefined();
  });
});

describe('resolveSiteRoot', () => {
  const page = `${ORIGIN}/site/blog/posts/`;

  it('serves a subresource from the page’s site, query kept, fragment dropped', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/assets/app.js?v=1#x`, navigation: false, pageUrl: page })).toEqual({
      kind: 'serve',
      url: `${ORIGIN}/site/blog/assets/app.js?v=1`,
    });
    expect(resolveSiteRoot({ url: `${ORIGIN}/data.json?`, navigation: false, pageUrl: page })?.url).toBe(`${ORIGIN}/site/blog/data.json?`);
  });

  it('redirects a navigation into the site, the root and the app’s own URLs included', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/about/`, navigation: true, pageUrl: page })).toEqual({ kind: 'redirect', url: `${ORIGIN}/site/blog/about/` });
    expect(resolveSiteRoot({ url: `${ORIGIN}/`, navigation: true, pageUrl: page })?.url).toBe(`${ORIGIN}/site/blog/`);
    expect(resolveSiteRoot({ url: `${ORIGIN}/sw.js`, navigation: false, pageUrl: page })?.url).toBe(`${ORIGIN}/site/blog/sw.js`);
  });

  it('leaves the app’s pages, site URLs and unknown pages alone', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/assets/index.js`, navigation: false, pageUrl: `${ORIGIN}/` })).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/site/other/a.css`, navigation: false, pageUrl: page })).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/a.css`, navigation: false, pageUrl: undefined })).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/a.css`, navigation: false, pageUrl: 'http://example.com/site/blog/' })).toBeUndefined();
  });
});

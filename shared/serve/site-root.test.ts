import { describe, expect, it } from 'vitest';
import { APP_AT_ROOT, AppUrls } from './app-urls.ts';
import { resolveSiteRoot, siteOfPage } from './site-root.ts';

const ORIGIN = 'http://127.0.0.1:5000';

describe('siteOfPage', () => {
  it('names the site a page is in', () => {
    expect(siteOfPage(`${ORIGIN}/site/blog/posts/a.html?x#y`, ORIGIN, APP_AT_ROOT)).toBe('blog');
    expect(siteOfPage(`${ORIGIN}/site/blog`, ORIGIN, APP_AT_ROOT)).toBe('blog');
  });

  it('is undefined for the app, other origins, no name and non-URLs', () => {
    expect(siteOfPage(`${ORIGIN}/`, ORIGIN, APP_AT_ROOT)).toBeUndefined();
    expect(siteOfPage(`${ORIGIN}/index.html`, ORIGIN, APP_AT_ROOT)).toBeUndefined();
    expect(siteOfPage('http://example.com/site/blog/', ORIGIN, APP_AT_ROOT)).toBeUndefined();
    expect(siteOfPage(`${ORIGIN}/site//a`, ORIGIN, APP_AT_ROOT)).toBeUndefined();
    expect(siteOfPage('about:client', ORIGIN, APP_AT_ROOT)).toBeUndefined();
    expect(siteOfPage('', ORIGIN, APP_AT_ROOT)).toBeUndefined();
  });
});

describe('resolveSiteRoot', () => {
  const page = `${ORIGIN}/site/blog/posts/`;

  it('serves a subresource from the page’s site, query kept, fragment dropped', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/assets/app.js?v=1#x`, navigation: false, pageUrl: page }, APP_AT_ROOT)).toEqual({
      kind: 'serve',
      url: `${ORIGIN}/site/blog/assets/app.js?v=1`,
    });
    expect(resolveSiteRoot({ url: `${ORIGIN}/data.json?`, navigation: false, pageUrl: page }, APP_AT_ROOT)?.url).toBe(`${ORIGIN}/site/blog/data.json?`);
  });

  it('redirects a navigation into the site, the root and the app’s own URLs included', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/about/`, navigation: true, pageUrl: page }, APP_AT_ROOT)).toEqual({ kind: 'redirect', url: `${ORIGIN}/site/blog/about/` });
    expect(resolveSiteRoot({ url: `${ORIGIN}/`, navigation: true, pageUrl: page }, APP_AT_ROOT)?.url).toBe(`${ORIGIN}/site/blog/`);
    expect(resolveSiteRoot({ url: `${ORIGIN}/sw.js`, navigation: false, pageUrl: page }, APP_AT_ROOT)?.url).toBe(`${ORIGIN}/site/blog/sw.js`);
  });

  it('leaves the app’s pages, site URLs and unknown pages alone', () => {
    expect(resolveSiteRoot({ url: `${ORIGIN}/assets/index.js`, navigation: false, pageUrl: `${ORIGIN}/` }, APP_AT_ROOT)).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/site/other/a.css`, navigation: false, pageUrl: page }, APP_AT_ROOT)).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/a.css`, navigation: false, pageUrl: undefined }, APP_AT_ROOT)).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/a.css`, navigation: false, pageUrl: 'http://example.com/site/blog/' }, APP_AT_ROOT)).toBeUndefined();
  });

  it('keeps to the app’s folder when the app is deployed under a path', () => {
    const app = new AppUrls('/tools/dropserve/');
    const page = `${ORIGIN}/tools/dropserve/site/blog/posts/a.html`;
    expect(resolveSiteRoot({ url: `${ORIGIN}/assets/app.css`, navigation: false, pageUrl: page }, app)).toEqual({ kind: 'serve', url: `${ORIGIN}/tools/dropserve/site/blog/assets/app.css` });
    expect(resolveSiteRoot({ url: `${ORIGIN}/tools/dropserve/site/other/a.css`, navigation: false, pageUrl: page }, app)).toBeUndefined();
    expect(resolveSiteRoot({ url: `${ORIGIN}/a.css`, navigation: false, pageUrl: `${ORIGIN}/site/blog/` }, app)).toBeUndefined();
    expect(siteOfPage(`${ORIGIN}/tools/dropserve/`, ORIGIN, app)).toBeUndefined();
  });
});

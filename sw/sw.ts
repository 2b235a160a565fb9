/**
 * The Service Worker: answers `<app>/site/<name>/…` from the IndexedDB virtual filesystem with
 * SimpleHTTPRequestHandler semantics, and the app's own files from the precached shell.
 * No state lives in globals that a restart would lose: the database handle is reopened on demand.
 */
import shell from 'virtual:app-shell';
import { clientsClaim } from 'workbox-core';
import { CLIENT_ADDRESS } from '../shared/serve/client-address.ts';
import { isSiteChanged } from '../shared/serve/site-changed.ts';
import { serveSite } from '../shared/serve/serve-site.ts';
import { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import { app } from './app.ts';
import { AppShell } from './app-shell.ts';
import { cgiSupport } from './cgi-runner.ts';
import { navigateSitePreviews } from './preview-reload.ts';
import { reportLogLine } from './request-log.ts';
import { mayComeFromPage, siteRootResponse } from './site-of-client.ts';

declare const self: ServiceWorkerGlobalScope;

const appShell = new AppShell(shell.urls.map((url) => new URL(url, self.registration.scope).pathname), shell.version, app);
let vfs: Promise<IdbVfs> | undefined;
const openVfs = () => (vfs ??= IdbVfs.open(indexedDB).catch((error: unknown) => {
  vfs = undefined; // let the next request try again
  throw error;
}));

clientsClaim();
self.addEventListener('install', (event) => {
  event.waitUntil(appShell.install().then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(appShell.removeOldVersions());
});

self.addEventListener('message', (event) => {
  if (isSiteChanged(event.data)) event.waitUntil(navigateSitePreviews(event.data.name));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const serve = (siteRequest: Request) => openVfs().then((sites) => serveSite(siteRequest, sites, { app, log: reportLogLine, client: CLIENT_ADDRESS, cgi: cgiSupport(event) }));
  const answerAsApp = () => (appShell.covers(request, url) ? appShell.respond(request, url) : fetch(request));
  if (app.isSitePath(url.pathname)) {
    event.respondWith(serve(request));
  } else if (mayComeFromPage(event)) {
    // `/assets/a.css` from a site's page is the site's file (site-root links).
    event.respondWith(siteRootResponse(event, serve).then((response) => response ?? answerAsApp()));
  } else if (appShell.covers(request, url)) {
    event.respondWith(appShell.respond(request, url));
  }
});

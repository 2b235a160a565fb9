/**
 * The script of `404.html` (see vite.config.ts). A static host shows that page for a path it does
 * not have — and a site URL (`<app>/site/<name>/…`) is never on the host: it exists only in the
 * browser, once the app's Service Worker answers it. Reached before the SW is installed (a first
 * visit straight to a site's link, the browser's data cleared), the page finds the app's folder,
 * installs the SW and loads the URL again, which the SW then answers. Anything else is just not found.
 */
import { AppUrls } from '../../shared/serve/app-urls.ts';

/** A second boot of one URL this soon means the first did not take: say so instead of looping. */
const RETRY_WINDOW_MS = 15_000;
/** `serviceWorker.ready` never settles when the install fails (a precache file missing, a wrong MIME type). */
const INSTALL_TIMEOUT_MS = 30_000;

const message = document.querySelector<HTMLElement>('[data-boot-message]')!;

function say(title: string, text: string, app?: AppUrls): void {
  const heading = document.createElement('h1');
  heading.textContent = title;
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  message.replaceChildren(heading, paragraph);
  if (app) {
    const link = document.createElement('a');
    link.href = app.root;
    link.textContent = 'Open dropserve';
    message.append(link);
  }
}

/** The app folder the URL belongs to: the nearest candidate whose Service Worker the host has. */
async function findApp(pathname: string): Promise<AppUrls | undefined> {
  for (const app of AppUrls.candidatesFor(pathname)) {
    const response = await fetch(app.serviceWorker, { cache: 'no-store' }).catch(() => undefined);
    if (response?.ok && /javascript/.test(response.headers.get('Content-Type') ?? '')) return app;
  }
  return undefined;
}

async function boot(): Promise<void> {
  if (!navigator.serviceWorker) return say('Not Found', `There is nothing at ${location.pathname}.`);
  // Controlled already: the app's SW passed this request on, so the host really has nothing here.
  const { controller } = navigator.serviceWorker;
  if (controller) return say('Not Found', `There is nothing at ${location.pathname}.`, AppUrls.at(new URL('./', controller.scriptURL)));
  const app = await findApp(location.pathname);
  if (!app) {
    const registration = await navigator.serviceWorker.getRegistration();
    return say('Not Found', `There is nothing at ${location.pathname}.`, registration && AppUrls.at(registration.scope));
  }
  const key = `dropserve-boot:${location.href}`;
  const lastTry = Number(sessionStorage.getItem(key) ?? 0);
  if (Date.now() - lastTry < RETRY_WINDOW_MS) {
    sessionStorage.removeItem(key);
    say('This site could not be opened', 'dropserve could not start its Service Worker here. Open the app, check that the site is stored, and open it from the list.', app);
    return;
  }
  sessionStorage.setItem(key, String(Date.now()));
  const registration = await navigator.serviceWorker.register(app.serviceWorker, { type: 'module', scope: app.root });
  const failed = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`its Service Worker did not start within ${INSTALL_TIMEOUT_MS / 1000} s`)), INSTALL_TIMEOUT_MS);
    registration.installing?.addEventListener('statechange', (event) => {
      if ((event.target as ServiceWorker).state === 'redundant') reject(new Error('its Service Worker failed to install'));
    });
  });
  await Promise.race([navigator.serviceWorker.ready, failed]);
  location.reload();
}

boot().catch((error: unknown) => say('This site could not be opened', `dropserve could not start here: ${error instanceof Error ? error.message : String(error)}.`));

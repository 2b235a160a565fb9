/**
 * Says so when the browser has cleared stored sites, instead of showing broken ones. Two signs:
 * - the database was gone when the app started, though this browser listed sites the last time the
 *   app ran (their names are kept in localStorage, which Chromium's storage-pressure eviction of
 *   IndexedDB leaves alone; clearing site data by hand clears both, and then nothing is claimed);
 * - a site's record points at entries or file bytes that are missing (`sitesMissingData`).
 * Damaged sites stay listed, so that they can be deleted, but cannot be opened.
 */
import type { SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { required } from './dom.ts';
import type { Notice } from './notice.ts';

const KNOWN_SITES_KEY = 'dropserve-known-sites';

/** Whether the database `name` exists; asks before opening it, which would create it. Unknown → true. */
export async function databaseExists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true; // cannot tell: claim nothing
  return (await indexedDB.databases()).some((db) => db.name === name);
}

export class StorageHealthView {
  readonly #notice: Notice;
  readonly #siteList: HTMLElement;
  /** The names of the sites that vanished with the database, reported once at start. */
  #vanished: string[];
  #showingDamage = false;

  /** `hadDatabase`: whether the database existed before the app opened it this time. */
  constructor(notice: Notice, siteList: HTMLElement, hadDatabase: boolean) {
    this.#notice = notice;
    this.#siteList = siteList;
    this.#vanished = hadDatabase ? [] : knownSites();
  }

  /**
   * After each render of the site list: marks the damaged sites and says what is gone — the
   * vanished sites once, the damaged ones for as long as they are listed.
   */
  update(sites: readonly SiteRecord[], missingData: readonly string[]): void {
    const names = sites.map((site) => site.name);
    for (const name of missingData) this.#markDamaged(name);
    const message = [vanishedMessage(this.#vanished), damagedMessage(missingData)].filter(Boolean).join(' ');
    if (message) this.#notice.show(message);
    else if (this.#showingDamage) this.#notice.hide(); // the damaged sites were deleted or imported again
    this.#showingDamage = missingData.length > 0;
    this.#vanished = [];
    rememberSites(names);
  }

  #markDamaged(name: string): void {
    const entry = [...this.#siteList.querySelectorAll<HTMLElement>('[data-testid="site"]')].find((e) => e.dataset.siteName === name);
    if (!entry || entry.dataset.damaged === 'true') return;
    entry.dataset.damaged = 'true';
    const open = required<HTMLAnchorElement>(entry, '[data-testid="open-site"]');
    open.removeAttribute('href'); // a link without href cannot be followed, by mouse or keyboard
    open.setAttribute('aria-disabled', 'true');
    const note = document.createElement('p');
    note.className = 'site-damaged';
    note.textContent = 'Files missing from the browser’s storage: import the folder again, or delete the site.';
    required(entry, '.site-main').append(note);
  }
}

function vanishedMessage(names: readonly string[]): string {
  if (names.length === 0) return '';
  const list = names.map((name) => `“${name}”`).join(', ');
  const what = names.length === 1 ? `the site ${list} is` : `the sites ${list} are`;
  return `The browser has cleared dropserve’s storage: ${what} gone. Import the folders again. (Browsers may clear storage when the disk runs low, unless it is stored persistently.)`;
}

function damagedMessage(names: readonly string[]): string {
  if (names.length === 0) return '';
  const list = names.map((name) => `“${name}”`).join(', ');
  return `Part of the stored data of ${list} is gone (cleared by the browser, or lost from its profile), so ${names.length === 1 ? 'it' : 'they'} cannot be served as imported. Import the folder again, or delete the site.`;
}

function knownSites(): string[] {
  try {
    const known: unknown = JSON.parse(localStorage.getItem(KNOWN_SITES_KEY) ?? '[]');
    return Array.isArray(known) ? known.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return []; // unreadable or unavailable: claim nothing
  }
}

function rememberSites(names: readonly string[]): void {
  try {
    localStorage.setItem(KNOWN_SITES_KEY, JSON.stringify(names));
  } catch {
    // No localStorage (disabled, full): the vanished-database check is simply unavailable.
  }
}

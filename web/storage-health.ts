/**
 * Says so when the browser has cleared stored sites, instead of showing broken ones. Two signs:
 * - the database was gone when the app started, though this browser listed sites the last time the
 *   app ran (their names are kept in localStorage, which Chromium's storage-pressure eviction of
 *   IndexedDB leaves alone; clearing site data by hand clears both, and then nothing is claimed);
 * - a site's record points at entries or file bytes that are missing (`sitesMissingData`).
 * The site list marks the damaged sites (web/site-list.ts); this says what is gone.
 */
import type { SiteRecord } from '../shared/vfs/idb-vfs.ts';
import type { MessageBox } from './notice.ts';

const KNOWN_SITES_KEY = 'dropserve-known-sites';

/** Whether the database `name` exists; asks before opening it, which would create it. Unknown → true. */
export async function databaseExists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true; // cannot tell: claim nothing
  return (await indexedDB.databases()).some((db) => db.name === name);
}

export class StorageHealthView {
  readonly #notice: MessageBox;
  /** The names of the sites that vanished with the database, reported once at start. */
  #vanished: string[];
  #showingDamage = false;

  /** `hadDatabase`: whether the database existed before the app opened it this time. */
  constructor(notice: MessageBox, hadDatabase: boolean) {
    this.#notice = notice;
    this.#vanished = hadDatabase ? [] : knownSites();
  }

  /** Says what is gone — the vanished sites once, the damaged ones for as long as they are listed. */
  update(sites: readonly SiteRecord[], missingData: readonly string[]): void {
    const names = sites.map((site) => site.name);
    const message = [vanishedMessage(this.#vanished), damagedMessage(missingData)].filter(Boolean).join(' ');
    if (message) this.#notice.show(message);
    else if (this.#showingDamage) this.#notice.hide(); // the damaged sites were deleted or imported again
    this.#showingDamage = missingData.length > 0;
    this.#vanished = [];
    rememberSites(names);
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

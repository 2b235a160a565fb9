import type { SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { type SiteOptions, siteOptionsOf } from '../shared/vfs/site-options.ts';
import { bindCgiOptions } from './cgi-options-view.ts';
import { bindPreviewOptions } from './preview-options-view.ts';
import type { FolderHandle } from './folder-selection.ts';
import { bindSyncButton } from './sync-button.ts';
import { app } from './app.ts';
import { required } from './dom.ts';
import { formatBytes, formatCount } from './format.ts';

export interface SiteActions {
  delete(name: string): void;
  rename(from: string, to: string): Promise<void>;
  setOptions(name: string, change: Partial<SiteOptions>): Promise<void>;
  sync(name: string, handle: FolderHandle): void;
}

/**
 * The list of stored sites: one `site` entry each, with Open, Sync (where a folder handle is
 * stored), Rename and Delete. A damaged site (its stored data partly gone, web/storage-health.ts)
 * stays listed, so that it can be deleted, but cannot be opened.
 */
export class SiteListView {
  readonly #list: HTMLElement;
  readonly #empty: HTMLElement;
  readonly #template: HTMLTemplateElement;
  readonly #actions: SiteActions;

  constructor(section: HTMLElement, template: HTMLTemplateElement, actions: SiteActions) {
    this.#list = required(section, '.site-list');
    this.#empty = required(section, '.empty-sites');
    this.#template = template;
    this.#actions = actions;
  }

  /**
   * `folderHandles`: site name → the stored handle of its folder, for the sites that can sync;
   * `damaged`: the names of the sites whose stored data is partly gone.
   */
  render(sites: readonly SiteRecord[], folderHandles: ReadonlyMap<string, FolderHandle>, damaged: readonly string[]): void {
    this.#empty.hidden = sites.length > 0;
    const entries = [...sites].sort((a, b) => a.name.localeCompare(b.name)).map((site) => this.#entry(site, folderHandles.get(site.name)));
    for (const entry of entries) if (damaged.includes(entry.dataset.siteName!)) markDamaged(entry);
    this.#list.replaceChildren(...entries);
  }

  #entry(site: SiteRecord, folderHandle: FolderHandle | undefined): HTMLElement {
    const entry = (this.#template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    entry.dataset.siteName = site.name;
    const url = app.sitePath(site.name);
    required(entry, '.site-name').textContent = site.name;
    required(entry, '.site-facts').textContent =
      `${formatCount(site.fileCount, 'file')} · ${formatBytes(site.totalBytes)} · imported ${new Date(site.importedAt).toLocaleString()}`;
    required(entry, '.site-url').textContent = decodeURI(url); // as a person reads it; the link keeps the escapes
    const open = required<HTMLAnchorElement>(entry, '[data-testid="open-site"]');
    open.href = url;
    open.setAttribute('aria-label', `Open ${site.name}`);
    const remove = required(entry, '[data-action="delete"]');
    remove.setAttribute('aria-label', `Delete ${site.name}`);
    remove.addEventListener('click', () => this.#actions.delete(site.name));
    const rename = required(entry, '[data-action="rename"]');
    rename.setAttribute('aria-label', `Rename ${site.name}`);
    rename.addEventListener('click', () => this.#editName(entry, site.name));
    bindSyncButton(entry, site.name, folderHandle, (name, handle) => this.#actions.sync(name, handle));
    bindCgiOptions(entry, site.name, siteOptionsOf(site), (change) => this.#actions.setOptions(site.name, change));
    bindPreviewOptions(entry, site.name, siteOptionsOf(site), (change) => this.#actions.setOptions(site.name, change));
    return entry;
  }

  /** Inline rename: Enter saves, Escape or leaving the field keeps the old name. */
  #editName(entry: HTMLElement, name: string): void {
    const heading = required(entry, '.site-name');
    const input = document.createElement('input');
    input.className = 'site-name-input';
    input.value = name;
    input.setAttribute('aria-label', `New name for ${name}`);
    input.spellcheck = false;
    heading.replaceChildren(input);
    input.select();
    let done = false;
    const finish = async (save: boolean) => {
      if (done) return;
      done = true;
      const to = input.value.trim();
      if (save && to !== name) await this.#actions.rename(name, to);
      else heading.textContent = name;
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void finish(true);
      if (event.key === 'Escape') void finish(false);
    });
    input.addEventListener('blur', () => void finish(false));
  }
}

function markDamaged(entry: HTMLElement): void {
  entry.dataset.damaged = 'true';
  const open = required<HTMLAnchorElement>(entry, '[data-testid="open-site"]');
  open.removeAttribute('href'); // a link without href cannot be followed, by mouse or keyboard
  open.setAttribute('aria-disabled', 'true');
  const note = document.createElement('p');
  note.className = 'site-damaged';
  note.textContent = 'Files missing from the browser’s storage: import the folder again, or delete the site.';
  required(entry, '.site-main').append(note);
}

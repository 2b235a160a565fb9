/**
 * The stored sites as the page shows them: the list (with each site's Sync handle and whether its
 * data is damaged) and the storage-health notice, redrawn from storage after every change. Other
 * tabs of the app hear of each change on a BroadcastChannel and redraw theirs.
 */
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import { sitesMissingData } from '../shared/vfs/site-check.ts';
import type { SiteOptions } from '../shared/vfs/site-options.ts';
import { storedFolderHandles } from './folder-sync.ts';
import type { SiteListView } from './site-list.ts';
import type { StorageHealthView } from './storage-health.ts';

/** What the page's sites are read from and saved to. */
export type SitesStorage = Pick<IdbVfs, 'listSites' | 'folderHandle' | 'setSiteOptions'> & Parameters<typeof sitesMissingData>[0];

export interface SitesControllerParts {
  readonly vfs: SitesStorage;
  readonly list: Pick<SiteListView, 'render'>;
  readonly health: Pick<StorageHealthView, 'update'>;
  /** Where the other tabs listen (`dropserve-sites`). */
  readonly channel: Pick<BroadcastChannel, 'postMessage'>;
}

export class SitesController {
  readonly #parts: SitesControllerParts;

  constructor(parts: SitesControllerParts) {
    this.#parts = parts;
  }

  /** Draws the list as storage has it now, and says what is gone from it. */
  async show(): Promise<void> {
    const { vfs, list, health } = this.#parts;
    const sites = await vfs.listSites();
    const folderHandles = await storedFolderHandles(vfs, sites);
    const damaged = await sitesMissingData(vfs);
    list.render(sites, folderHandles, damaged);
    health.update(sites, damaged);
  }

  /** After a change made here: the other tabs redraw their lists, and this one its own. */
  async changed(): Promise<void> {
    this.#parts.channel.postMessage('changed');
    await this.show();
  }

  /** Saved without redrawing this list (the person is using it); other tabs redraw theirs. */
  async saveOptions(name: string, change: Partial<SiteOptions>): Promise<void> {
    await this.#parts.vfs.setSiteOptions(name, change);
    this.#parts.channel.postMessage('changed');
  }
}

/** A site entry's Delete: the site and all its files go, and its open previews show that it is gone. */
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import type { Notices } from './notice.ts';
import type { SitesController } from './sites-controller.ts';
import type { StorageStatusView } from './storage-status.ts';

export interface DeleteControllerParts {
  readonly vfs: Pick<IdbVfs, 'deleteSite'>;
  readonly notices: Notices;
  readonly storage: Pick<StorageStatusView, 'refresh'>;
  readonly sites: Pick<SitesController, 'changed'>;
  /** Tells the Service Worker, which reloads the site's open previews (web/announce-site-changed.ts). */
  readonly announceSiteChanged: (name: string) => Promise<void>;
}

export class DeleteController {
  readonly #parts: DeleteControllerParts;

  constructor(parts: DeleteControllerParts) {
    this.#parts = parts;
  }

  async delete(name: string): Promise<void> {
    await this.#parts.vfs.deleteSite(name);
    this.#parts.notices.status.show(`Deleted “${name}” and all its files.`);
    void this.#parts.announceSiteChanged(name); // an open preview shows that the site is gone
    await this.#parts.sites.changed();
    void this.#parts.storage.refresh();
  }
}

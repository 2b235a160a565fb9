/**
 * Imports the folders the person gives (a drop, a picker, a `.zip`, a Sync), one after another in
 * the order they arrived, each with the progress bar and its Cancel button, and says what each
 * import did — or why it failed, with the stored sites unchanged.
 */
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import type { ImportLocks } from '../shared/vfs/import-lock.ts';
import { importSite } from '../shared/vfs/import-site.ts';
import { siteNameFromFolder } from '../shared/vfs/site-name.ts';
import { messageOf } from './failure-message.ts';
import type { FolderSelection } from './folder-selection.ts';
import type { ImportProgressView } from './import-progress.ts';
import { describeImport } from './import-summary.ts';
import type { Notices } from './notice.ts';
import type { SitesController } from './sites-controller.ts';
import type { StorageStatusView } from './storage-status.ts';
import { describeSync } from './sync-summary.ts';

/** Where folders are imported to, and their Sync handles kept. */
export type ImportStorage = Parameters<typeof importSite>[0] & Pick<IdbVfs, 'setFolderHandle'>;

export interface ImportControllerParts {
  readonly vfs: ImportStorage;
  readonly notices: Notices;
  readonly progress: Pick<ImportProgressView, 'start' | 'update' | 'cancelling' | 'finish'>;
  readonly storage: Pick<StorageStatusView, 'refresh'>;
  readonly sites: Pick<SitesController, 'changed'>;
  /** Tells the Service Worker, which reloads the site's open previews (web/announce-site-changed.ts). */
  readonly announceSiteChanged: (name: string) => Promise<void>;
  /** `navigator.locks`, held while an import runs (shared/vfs/import-lock.ts). */
  readonly locks?: ImportLocks;
}

export class ImportController {
  readonly #parts: ImportControllerParts;
  /** Imports run one after another, in the order the folders arrived. */
  #queue: Promise<void> = Promise.resolve();

  constructor(parts: ImportControllerParts) {
    this.#parts = parts;
  }

  /**
   * Each folder goes into the site named after it, or into `siteName` (a Sync). Resolves once
   * these folders' imports have run, whatever their outcome (each says it).
   */
  enqueue(folders: readonly FolderSelection[], siteName?: string): Promise<void> {
    for (const folder of folders) this.#queue = this.#queue.then(() => this.#importFolder(folder, siteName));
    return this.#queue;
  }

  async #importFolder(folder: FolderSelection, name = siteNameFromFolder(folder.folderName)): Promise<void> {
    const { vfs, notices, progress } = this.#parts;
    const abort = new AbortController();
    notices.error.hide();
    notices.status.hide();
    progress.start(folder.folderName, () => {
      progress.cancelling();
      abort.abort();
    });
    try {
      const { site, replaced, changes } = await importSite(vfs, name, folder.items, {
        signal: abort.signal,
        onProgress: (p) => progress.update(p),
        folderName: folder.folderName,
        locks: this.#parts.locks,
      });
      // Sync is a convenience: a handle that cannot be stored leaves the import as it is, without Sync.
      if (folder.handle) await vfs.setFolderHandle(site.name, folder.handle).catch(() => false);
      notices.status.show(changes ? describeSync(site.name, changes) : describeImport(folder.folderName, site, replaced));
      if (replaced) void this.#parts.announceSiteChanged(site.name);
      await this.#parts.sites.changed();
    } catch (error) {
      notices.error.show(messageOf(error));
    } finally {
      progress.finish();
      void this.#parts.storage.refresh();
    }
  }
}

/**
 * A site entry's Sync: reads the site's folder again (asking permission first: the click's user
 * activation is needed, so this runs straight from the click) and imports it into the site.
 */
import { reportFailure } from './failure-message.ts';
import type { FolderHandle, FolderSelection } from './folder-selection.ts';
import { readFolderAgain } from './folder-sync.ts';
import type { ImportController } from './import-controller.ts';
import type { Notices } from './notice.ts';

export interface SyncControllerParts {
  readonly imports: Pick<ImportController, 'enqueue'>;
  readonly notices: Notices;
  /** How the folder is read again; web/folder-sync.ts unless a test says otherwise. */
  readonly readFolder?: (handle: FolderHandle) => Promise<FolderSelection>;
}

export class SyncController {
  readonly #parts: SyncControllerParts;

  constructor(parts: SyncControllerParts) {
    this.#parts = parts;
  }

  /** Resolves once the folder was imported, or the reason it could not be read was shown. */
  sync(name: string, handle: FolderHandle): Promise<void> {
    const { imports, notices, readFolder = readFolderAgain } = this.#parts;
    return readFolder(handle).then(
      (folder) => imports.enqueue([folder], name),
      (error: unknown) => reportFailure(notices, error),
    );
  }
}

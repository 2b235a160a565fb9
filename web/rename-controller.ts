/** A site entry's Rename: a name that is not allowed, or taken, is refused with the reason; the list is redrawn either way. */
import type { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import { siteNameProblem } from '../shared/vfs/site-name.ts';
import { messageOf } from './failure-message.ts';
import type { Notices } from './notice.ts';
import type { SitesController } from './sites-controller.ts';

export interface RenameControllerParts {
  readonly vfs: Pick<IdbVfs, 'renameSite'>;
  readonly notices: Notices;
  readonly sites: Pick<SitesController, 'changed'>;
}

export class RenameController {
  readonly #parts: RenameControllerParts;

  constructor(parts: RenameControllerParts) {
    this.#parts = parts;
  }

  async rename(from: string, to: string): Promise<void> {
    const { vfs, notices } = this.#parts;
    notices.error.hide();
    const problem = siteNameProblem(to);
    if (problem !== undefined) {
      notices.error.show(problem);
    } else {
      try {
        await vfs.renameSite(from, to);
        notices.status.show(`Renamed “${from}” to “${to}”.`);
      } catch (error) {
        notices.error.show(messageOf(error));
      }
    }
    await this.#parts.sites.changed(); // the entry shows its name again, the old or the new
  }
}

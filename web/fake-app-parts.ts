/**
 * For tests only (never imported by the app): the page's views as the controllers see them, each
 * writing what it was told into one shared log, so a test reads what the person saw, in order.
 */
import type { ImportProgress } from '../shared/vfs/import-site.ts';
import type { MessageBox, Notices } from './notice.ts';

export interface FakeParts {
  /** `status: …`, `error: …`, `status hidden`, `progress …`, `sites changed`, `previews of … reload`, `storage refreshed`. */
  readonly log: string[];
  readonly notices: Notices;
  readonly progress: {
    start(folderName: string, onCancel: () => void): void;
    update(progress: ImportProgress): void;
    cancelling(): void;
    finish(): void;
  };
  readonly storage: { refresh(): Promise<void> };
  readonly sites: { changed(): Promise<void> };
  readonly announceSiteChanged: (name: string) => Promise<void>;
  /** Set to press Cancel as soon as the next import starts. */
  cancelOnStart: boolean;
}

export function fakeParts(): FakeParts {
  const log: string[] = [];
  const box = (name: string): MessageBox => ({
    show: (message) => void log.push(`${name}: ${message}`),
    hide: () => void log.push(`${name} hidden`),
  });
  const parts: FakeParts = {
    log,
    notices: { status: box('status'), error: box('error') },
    progress: {
      start: (folderName, onCancel) => {
        log.push(`progress started for ${folderName}`);
        if (parts.cancelOnStart) onCancel();
      },
      update: () => undefined,
      cancelling: () => void log.push('progress cancelling'),
      finish: () => void log.push('progress finished'),
    },
    storage: { refresh: async () => void log.push('storage refreshed') },
    sites: { changed: async () => void log.push('sites changed') },
    announceSiteChanged: async (name) => void log.push(`previews of ${name} reload`),
    cancelOnStart: false,
  };
  return parts;
}

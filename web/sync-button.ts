/**
 * A site entry's Sync button: shown only when the site's folder handle is stored. Pressing it reads
 * the folder again and imports it into this site; the press itself starts the permission request,
 * which needs the click's user activation.
 */
import type { FolderHandle } from './folder-selection.ts';
import { required } from './dom.ts';

export type SyncSite = (name: string, handle: FolderHandle) => void;

export function bindSyncButton(entry: HTMLElement, siteName: string, handle: FolderHandle | undefined, sync: SyncSite): void {
  const button = required<HTMLButtonElement>(entry, '[data-testid="sync-site"]');
  button.hidden = handle === undefined;
  if (!handle) return;
  button.setAttribute('aria-label', `Sync ${siteName}`);
  button.title = `Import the changes made in the folder “${handle.name}” since the last import`;
  button.addEventListener('click', () => sync(siteName, handle));
}

/**
 * The app page, wired: finds the page's elements, opens the IndexedDB virtual filesystem, makes the
 * views and the controllers that import, delete, rename and sync sites (each in its own module,
 * unit-tested), hands them the drop zone and the pickers, and keeps the Service Worker that serves
 * the sites registered.
 */
import { IdbVfs } from '../shared/vfs/idb-vfs.ts';
import { DB_NAME } from '../shared/vfs/schema.ts';
import { announceSiteChanged } from './announce-site-changed.ts';
import { app } from './app.ts';
import { startCgiHost } from './cgi-host.ts';
import { DeleteController } from './delete-controller.ts';
import { required } from './dom.ts';
import { droppedEntries, foldersFromEntries } from './dropped-folders.ts';
import { reportFailure } from './failure-message.ts';
import { droppedFolderHandles, hasDirectoryPicker, pickFolder, withHandles } from './folder-access.ts';
import type { FolderSelection } from './folder-selection.ts';
import { folderFromFileList } from './folder-source.ts';
import { ImportController } from './import-controller.ts';
import { ImportProgressView } from './import-progress.ts';
import { Notice, type Notices } from './notice.ts';
import { RenameController } from './rename-controller.ts';
import { ServerLogView } from './server-log.ts';
import { registerServiceWorker } from './service-worker.ts';
import { SiteListView } from './site-list.ts';
import { SitesController } from './sites-controller.ts';
import { databaseExists, StorageHealthView } from './storage-health.ts';
import { StorageStatusView } from './storage-status.ts';
import { SyncController } from './sync-controller.ts';
import { folderFromZip } from './zip-source.ts';

/** Other tabs of the app re-read the site list when one of them changes it. */
const sitesChannel = new BroadcastChannel('dropserve-sites');

const notices: Notices = {
  error: new Notice(required(document, '[data-testid="import-error"]')),
  status: new Notice(required(document, '[data-testid="import-status"]')),
};
const progress = new ImportProgressView(required(document, '[data-testid="import-progress"]'));
const storage = new StorageStatusView(required(document, '[data-testid="storage-status"]'));
const dropZone = required(document, '[data-testid="drop-zone"]');
const folderInput = required<HTMLInputElement>(document, '[data-testid="folder-input"]');
const zipInput = required<HTMLInputElement>(document, '[data-testid="zip-input"]');
new ServerLogView(required(document, '.server-log')).listen();
for (const root of document.querySelectorAll('.app-root')) root.textContent = decodeURI(app.root);

const hadDatabase = await databaseExists(DB_NAME); // asked before opening it creates it
const vfs = await IdbVfs.open(indexedDB);
const health = new StorageHealthView(new Notice(required(document, '[data-testid="storage-warning"]')), hadDatabase);
// The entries' buttons call the controllers below, which are all made before the first render.
const siteList = new SiteListView(required(document, '.sites'), required<HTMLTemplateElement>(document, '#site-template'), {
  delete: (name) => void deleting.delete(name),
  rename: (from, to) => renaming.rename(from, to),
  setOptions: (name, change) => sites.saveOptions(name, change),
  sync: (name, handle) => void syncing.sync(name, handle),
});
const sites = new SitesController({ vfs, list: siteList, health, channel: sitesChannel });
const imports = new ImportController({ vfs, notices, progress, storage, sites, announceSiteChanged, locks: navigator.locks });
const deleting = new DeleteController({ vfs, notices, storage, sites, announceSiteChanged });
const renaming = new RenameController({ vfs, notices, sites });
const syncing = new SyncController({ imports, notices });
startCgiHost(vfs);

const enqueue = (folders: readonly FolderSelection[]) => void imports.enqueue(folders);
const reportSelectionError = (error: unknown) => reportFailure(notices, error);

// The drop zone: a dropped folder (or several) is walked; the DataTransfer only lives during `drop`.
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  if (!event.dataTransfer) return;
  const handles = droppedFolderHandles(event.dataTransfer); // asked for first, as the entries, while the drop lasts
  Promise.all([foldersFromEntries(droppedEntries(event.dataTransfer)), handles]).then(
    ([folders, folderHandles]) => enqueue(withHandles(folders, folderHandles)),
    reportSelectionError,
  );
});
// Chromium's directory picker gives a handle (Sync) and empty folders; elsewhere the `<input>` picker.
required(dropZone, '[data-action="choose-folder"]').addEventListener('click', () => {
  if (!hasDirectoryPicker()) return folderInput.click();
  pickFolder().then((folder) => folder && enqueue([folder]), reportSelectionError);
});
folderInput.addEventListener('change', () => {
  try {
    enqueue([folderFromFileList(folderInput.files ?? [])]);
  } catch (error) {
    reportSelectionError(error);
  } finally {
    folderInput.value = ''; // picking the same folder again must fire `change` again
  }
});
required(dropZone, '[data-action="choose-zip"]').addEventListener('click', () => zipInput.click());
zipInput.addEventListener('change', () => {
  const archive = zipInput.files?.[0];
  zipInput.value = ''; // picking the same archive again must fire `change` again
  if (archive) folderFromZip(archive).then((folder) => enqueue([folder]), reportSelectionError);
});

sitesChannel.addEventListener('message', () => void sites.show());

await sites.show();
void storage.requestPersistence();
void vfs.collectGarbage({ locks: navigator.locks }); // what an interrupted import left behind (a closed tab, a crash)
await registerServiceWorker().catch(reportSelectionError);
document.documentElement.dataset.ready = 'true';

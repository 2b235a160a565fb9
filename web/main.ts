/**
 * The app page: takes folders (drop or picker), imports each into the IndexedDB virtual
 * filesystem with a progress bar, lists the stored sites, and keeps the Service Worker that serves
 * them registered.
 */
import { IdbVfs, type SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { importSite } from '../shared/vfs/import-site.ts';
import { DB_NAME } from '../shared/vfs/schema.ts';
import { sitesMissingData } from '../shared/vfs/site-check.ts';
import { isValidSiteName, siteNameFromFolder } from '../shared/vfs/site-name.ts';
import type { SiteOptions } from '../shared/vfs/site-options.ts';
import { startCgiHost } from './cgi-host.ts';
import { required } from './dom.ts';
import { droppedFolderHandles, hasDirectoryPicker, pickFolder, withHandles } from './folder-access.ts';
import type { FolderHandle } from './folder-handle.ts';
import { type FolderSelection, droppedEntries, folderFromFileList, foldersFromEntries } from './folder-source.ts';
import { readFolderAgain, storedFolderHandles } from './folder-sync.ts';
import { formatBytes, formatCount } from './format.ts';
import { ImportProgressView } from './import-progress.ts';
import { reloadPreviews } from './preview-reload.ts';
import { Notice } from './notice.ts';
import { ServerLogView } from './server-log.ts';
import { registerServiceWorker } from './service-worker.ts';
import { app } from './app.ts';
import { SiteListView } from './site-list.ts';
import { describeSync } from './sync-summary.ts';
import { databaseExists, StorageHealthView } from './storage-health.ts';
import { StorageStatusView } from './storage-status.ts';
import { folderFromZip } from './zip-source.ts';

/** Other tabs of the app re-read the site list when one of them changes it. */
const sitesChannel = new BroadcastChannel('dropserve-sites');

const errorNotice = new Notice(required(document, '[data-testid="import-error"]'));
const statusNotice = new Notice(required(document, '[data-testid="import-status"]'));
const progress = new ImportProgressView(required(document, '[data-testid="import-progress"]'));
const storage = new StorageStatusView(required(document, '[data-testid="storage-status"]'));
const dropZone = required(document, '[data-testid="drop-zone"]');
const folderInput = required<HTMLInputElement>(document, '[data-testid="folder-input"]');
const zipInput = required<HTMLInputElement>(document, '[data-testid="zip-input"]');
new ServerLogView(required(document, '.server-log')).listen();
for (const root of document.querySelectorAll('.app-root')) root.textContent = decodeURI(app.root);

const hadDatabase = await databaseExists(DB_NAME); // asked before opening it creates it
const vfs = await IdbVfs.open(indexedDB);
const health = new StorageHealthView(new Notice(required(document, '[data-testid="storage-warning"]')), required(document, '.site-list'), hadDatabase);
const siteList = new SiteListView(required(document, '.sites'), required<HTMLTemplateElement>(document, '#site-template'), {
  delete: (name) => void deleteSite(name),
  rename: renameSite,
  setOptions: saveSiteOptions,
  sync: syncSite,
});
startCgiHost(vfs);

/** Imports run one after another, in the order the folders arrived. */
let importQueue: Promise<void> = Promise.resolve();

/** Each folder goes into the site named after it, or into `siteName` (a Sync). */
function enqueue(folders: readonly FolderSelection[], siteName?: string): void {
  for (const folder of folders) importQueue = importQueue.then(() => importFolder(folder, siteName));
}

async function importFolder(folder: FolderSelection, name = siteNameFromFolder(folder.folderName)): Promise<void> {
  const abort = new AbortController();
  errorNotice.hide();
  statusNotice.hide();
  progress.start(folder.folderName, () => {
    progress.cancelling();
    abort.abort();
  });
  try {
    const { site, replaced, changes } = await importSite(vfs, name, folder.items, {
      signal: abort.signal,
      onProgress: (p) => progress.update(p),
      folderName: folder.folderName,
      locks: navigator.locks,
    });
    // Sync is a convenience: a handle that cannot be stored leaves the import as it is, without Sync.
    if (folder.handle) await vfs.setFolderHandle(site.name, folder.handle).catch(() => false);
    statusNotice.show(changes ? describeSync(site.name, changes) : describeImport(folder.folderName, site, replaced));
    if (replaced) void reloadPreviews(site.name);
    await sitesChanged();
  } catch (error) {
    errorNotice.show(messageOf(error));
  } finally {
    progress.finish();
    void storage.refresh();
  }
}

function describeImport(folderName: string, site: SiteRecord, replaced: SiteRecord | undefined): string {
  const now = `${formatCount(site.fileCount, 'file')}, ${formatBytes(site.totalBytes)}`;
  const renamed = folderName === site.name ? '' : ` (from the folder “${folderName}”)`;
  if (!replaced) return `Imported “${site.name}”${renamed}: ${now}. Open it below.`;
  return `Replaced “${site.name}”${renamed}: it had ${formatCount(replaced.fileCount, 'file')}, ${formatBytes(replaced.totalBytes)}; now ${now}.`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.name !== 'Error' && error.message) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The import failed (${detail}). Nothing was changed: your sites are as they were.`;
}

/** Reads the site's folder again (asking permission first: the click's activation is needed) and imports it into the site. */
function syncSite(name: string, handle: FolderHandle): void {
  readFolderAgain(handle).then((folder) => enqueue([folder], name), reportSelectionError);
}

async function deleteSite(name: string): Promise<void> {
  await vfs.deleteSite(name);
  statusNotice.show(`Deleted “${name}” and all its files.`);
  void reloadPreviews(name); // an open preview shows that the site is gone
  await sitesChanged();
  void storage.refresh();
}

async function renameSite(from: string, to: string): Promise<void> {
  errorNotice.hide();
  if (!isValidSiteName(to)) {
    errorNotice.show(`“${to}” cannot be a site name: use letters, digits, “-”, “_” and “.”.`);
  } else {
    try {
      await vfs.renameSite(from, to);
      statusNotice.show(`Renamed “${from}” to “${to}”.`);
    } catch (error) {
      errorNotice.show(messageOf(error));
    }
  }
  await sitesChanged();
}

/** Saved without redrawing this list (the person is using it); other tabs redraw theirs. */
async function saveSiteOptions(name: string, change: Partial<SiteOptions>): Promise<void> {
  await vfs.setSiteOptions(name, change);
  sitesChannel.postMessage('changed');
}

async function showSites(): Promise<void> {
  const sites = await vfs.listSites();
  siteList.render(sites, await storedFolderHandles(vfs, sites));
  health.update(sites, await sitesMissingData(vfs));
}

async function sitesChanged(): Promise<void> {
  sitesChannel.postMessage('changed');
  await showSites();
}

function reportSelectionError(error: unknown): void {
  statusNotice.hide();
  errorNotice.show(messageOf(error));
}

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

sitesChannel.addEventListener('message', () => void showSites());

await showSites();
void storage.requestPersistence();
void vfs.collectGarbage({ locks: navigator.locks }); // what an interrupted import left behind (a closed tab, a crash)
await registerServiceWorker().catch(reportSelectionError);
document.documentElement.dataset.ready = 'true';

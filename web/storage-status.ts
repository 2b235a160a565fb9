import { formatBytes } from './format.ts';

/**
 * Asks the browser to keep our data (`navigator.storage.persist()`) and shows usage against the
 * quota, and whether the browser may clear the sites when space runs low.
 */
export class StorageStatusView {
  readonly #element: HTMLElement;
  #persisted = false;

  constructor(element: HTMLElement) {
    this.#element = element;
  }

  async requestPersistence(): Promise<void> {
    // Shown first: Firefox's persist() waits for the person to answer its prompt, maybe forever.
    await this.refresh();
    if (!navigator.storage?.persist) return;
    this.#persisted = await navigator.storage.persisted();
    if (this.#persisted) return this.refresh();
    this.#persisted = await navigator.storage.persist();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const keep = !navigator.storage?.persist
      ? 'This browser cannot be asked to keep them persistently: it may clear these sites if the disk runs low on space.'
      : this.#persisted
        ? 'Stored persistently: the browser keeps these sites until you delete them.'
        : 'Not persistent: the browser may clear these sites if the disk runs low on space.';
    if (!navigator.storage?.estimate) {
      // Some WebKit builds (WebKitGTK) have neither estimate() nor persist().
      this.#element.textContent = `This browser does not report how much storage is used. ${keep}`;
      return;
    }
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    this.#element.textContent = `Storage: ${formatBytes(usage)} used of ${formatBytes(quota)} available to dropserve. ${keep}`;
  }
}

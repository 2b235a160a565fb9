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
    if (!navigator.storage?.persist) return;
    this.#persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!navigator.storage?.estimate) {
      this.#element.textContent = 'This browser does not report how much storage is used.';
      return;
    }
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    const keep = this.#persisted
      ? 'Stored persistently: the browser keeps these sites until you delete them.'
      : 'Not persistent: the browser may clear these sites if the disk runs low on space.';
    this.#element.textContent = `Storage: ${formatBytes(usage)} used of ${formatBytes(quota)} available to dropserve. ${keep}`;
  }
}

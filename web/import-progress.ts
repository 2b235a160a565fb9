import type { ImportProgress } from '../shared/vfs/import-site.ts';
import { required } from './dom.ts';
import { formatBytes, formatCount } from './format.ts';

/**
 * The `import-progress` bar: files and bytes done of total, the rate, and a Cancel button.
 * `aria-valuenow`/`aria-valuemax` are files done/total (the contract in docs/design.md#test-hooks).
 */
export class ImportProgressView {
  readonly #element: HTMLElement;
  readonly #label: HTMLElement;
  readonly #fill: HTMLElement;
  readonly #detail: HTMLElement;
  readonly #cancel: HTMLButtonElement;
  #startedAt = 0;
  #onCancel: (() => void) | undefined;

  constructor(element: HTMLElement) {
    this.#element = element;
    this.#label = required(element, '.import-progress-label');
    this.#fill = required(element, '.bar-fill');
    this.#detail = required(element, '.import-progress-detail');
    this.#cancel = required(element, '[data-action="cancel-import"]');
    this.#cancel.addEventListener('click', () => this.#onCancel?.());
  }

  start(folderName: string, onCancel: () => void): void {
    this.#startedAt = performance.now();
    this.#onCancel = onCancel;
    this.#label.textContent = `Importing “${folderName}”…`;
    this.#cancel.disabled = false;
    this.update({ filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
    this.#element.hidden = false;
  }

  update(progress: ImportProgress): void {
    const { filesDone, filesTotal, bytesDone, bytesTotal } = progress;
    this.#element.setAttribute('aria-valuenow', String(filesDone));
    this.#element.setAttribute('aria-valuemax', String(filesTotal));
    const fraction = bytesTotal > 0 ? bytesDone / bytesTotal : filesTotal > 0 ? filesDone / filesTotal : 0;
    this.#fill.style.width = `${(fraction * 100).toFixed(1)}%`;
    const seconds = (performance.now() - this.#startedAt) / 1000;
    const rate = seconds > 0.5 && filesDone > 0 ? ` · ${Math.round(filesDone / seconds).toLocaleString('en-US')} files/s` : '';
    this.#detail.textContent =
      `${filesDone.toLocaleString('en-US')} of ${formatCount(filesTotal, 'file')} · ` +
      `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}${rate}`;
  }

  cancelling(): void {
    this.#cancel.disabled = true;
    this.#label.textContent = 'Cancelling…';
  }

  finish(): void {
    this.#onCancel = undefined;
    this.#element.hidden = true;
  }
}

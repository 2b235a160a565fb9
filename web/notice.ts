import { required } from './dom.ts';

/** A dismissable message box (`import-error`, `import-status`). Text only: names are never markup. */
export class Notice {
  readonly #element: HTMLElement;
  readonly #text: HTMLElement;

  constructor(element: HTMLElement) {
    this.#element = element;
    this.#text = required(element, '.notice-text');
    required(element, '[data-action="dismiss"]').addEventListener('click', () => this.hide());
  }

  show(message: string): void {
    this.#text.textContent = message;
    this.#element.hidden = false;
  }

  hide(): void {
    this.#element.hidden = true;
  }
}

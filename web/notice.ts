import { required } from './dom.ts';

/** What the app's controllers use of a notice: they tell, or stop telling. */
export interface MessageBox {
  show(message: string): void;
  hide(): void;
}

/** The two notices of the import box: what happened (`import-status`) and what went wrong (`import-error`). */
export interface Notices {
  readonly status: MessageBox;
  readonly error: MessageBox;
}

/** A dismissable message box (`import-error`, `import-status`). Text only: names are never markup. */
export class Notice implements MessageBox {
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

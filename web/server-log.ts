/**
 * The live server log (`server-log`, docs/design.md#test-hooks): one line per logged event in http.server's
 * format, as the Service Worker reports them, newest at the bottom. Only the last `LIMIT` lines are
 * kept; the view follows the newest line unless the reader has scrolled up to read older ones.
 */
import { LOG_CHANNEL, type LogLine, isLogMessage } from '../shared/serve/log-message.ts';
import { required } from './dom.ts';
import { formatCount } from './format.ts';
import { statusClassOf } from './log-line-status.ts';
import './server-log.css';

/** Lines kept: enough for a long session of page loads; a few MB of DOM at most. */
const LIMIT = 5000;

/** Lines are added at most this often (ms): a burst of requests costs one layout, not one each. */
const FLUSH_DELAY = 40;

/** Within this many pixels of the bottom counts as "reading the newest lines". */
const BOTTOM_SLACK = 8;

export class ServerLogView {
  readonly #lines: HTMLElement;
  readonly #count: HTMLElement;
  /** Lines that arrived since the last flush. */
  #pending: LogLine[] = [];
  #flushScheduled = false;

  constructor(section: HTMLElement) {
    this.#lines = required(section, '[data-testid="server-log"]');
    this.#count = required(section, '.server-log-count');
    required(section, '[data-action="clear-log"]').addEventListener('click', () => this.clear());
    this.#showCount();
  }

  /** Shows every line the Service Worker reports from now on. */
  listen(): void {
    new BroadcastChannel(LOG_CHANNEL).addEventListener('message', (event) => {
      if (isLogMessage(event.data)) for (const line of event.data.lines) this.append(line);
    });
  }

  append(message: LogLine): void {
    this.#pending.push(message);
    if (this.#pending.length > LIMIT) this.#pending.splice(0, this.#pending.length - LIMIT);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setTimeout(() => this.#flush(), FLUSH_DELAY);
  }

  clear(): void {
    this.#pending = [];
    this.#lines.replaceChildren();
    this.#showCount();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const following = this.#isAtBottom();
    this.#lines.append(...this.#pending.map((message) => this.#lineElement(message)));
    this.#pending = [];
    for (let extra = this.#lines.childElementCount - LIMIT; extra > 0; extra--) this.#lines.firstElementChild!.remove();
    if (following) this.#lines.scrollTop = this.#lines.scrollHeight;
    this.#showCount();
  }

  #isAtBottom(): boolean {
    const { scrollTop, scrollHeight, clientHeight } = this.#lines;
    return scrollHeight - scrollTop - clientHeight <= BOTTOM_SLACK;
  }

  /** The line's text is exactly the log line; the site is shown beside it by CSS, from `data-site`. */
  #lineElement({ site, line }: LogLine): HTMLElement {
    const item = document.createElement('li');
    item.textContent = line;
    item.dataset.site = site;
    const status = statusClassOf(line);
    if (status) item.dataset.status = status;
    return item;
  }

  #showCount(): void {
    const count = this.#lines.childElementCount;
    this.#count.textContent = count === 0 ? '' : formatCount(count, 'line') + (count >= LIMIT ? ' (the oldest are dropped)' : '');
  }
}

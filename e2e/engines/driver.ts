/**
 * One small interface over three browser drivers, so that the same flows run in Chromium
 * (Playwright), Firefox (puppeteer-core over WebDriver BiDi) and WebKit (W3C WebDriver Classic to
 * WebKitGTK). It holds only what every driver can do: WebDriver Classic has no network events, so
 * a redirect is seen by the URL a navigation ends at, never by its status.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Every engine's viewport, so that screenshots and layouts compare across engines. */
export const VIEWPORT = { width: 1280, height: 900 } as const;

/** How long `waitForSelector` waits when not told, and each driver's default for its own waits. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A function run in the page: its source is sent, so it may use only its arguments and page globals. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface EnginePage {
  readonly engine: EngineName;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** The top-level document's URL now. */
  url(): Promise<string>;
  /**
   * Runs `fn(...args)` in the page (awaiting a promise) and resolves with its result as JSON
   * carries it, the same in every engine: see pageExpression.
   */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /**
   * Puts the file at `path` (absolute; a file, not a folder) on the `<input type=file>` matched by
   * `selector`. Like click, it does not wait: a missing element fails at once in every engine.
   */
  setInputFile(selector: string, path: string): Promise<void>;
  /** Clicks the element matched by `selector`, which must be there already (see waitForSelector). */
  click(selector: string): Promise<void>;
  /** Waits until an element matching `selector` is present and visible (a non-empty box, not `visibility: hidden`). */
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  /** Writes a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
}

export interface EngineSession {
  readonly page: EnginePage;
  /** Browser name and version, for the test's log. */
  readonly version: string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * The expression every driver evaluates for `EnginePage.evaluate`: it resolves with the result as
 * a JSON string, which readResult parses. Each protocol converts values its own way (WebDriver
 * Classic turns an undefined property into null, Playwright revives a Date): JSON alone makes a
 * result read the same in every engine.
 */
export function pageExpression<A extends unknown[], R>(fn: PageFunction<A, R>, args: A): string {
  return `(async () => JSON.stringify({ value: await (${fn.toString()})(...${JSON.stringify(args)}) }))()`;
}

/** The result pageExpression's string carries (undefined when the function returned nothing). */
export function readResult<R>(json: unknown): R {
  if (typeof json !== 'string') throw new Error(`evaluate: expected the result as JSON, got ${typeof json}`);
  return (JSON.parse(json) as { value?: R }).value as R;
}

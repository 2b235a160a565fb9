/**
 * A site entry's CGI controls: the `cgi-toggle` switch and, under "CGI options", the CGI directories
 * and the time limit. Each change is saved at once; a value that cannot be used is refused with
 * a message and the field goes back to the stored value.
 */
import { parseCgiDirectories, parseTimeLimit, type SiteOptions } from '../shared/vfs/site-options.ts';
import { required } from './dom.ts';

/** Stores the changed options (only those) with the site. */
export type SaveOptions = (change: Partial<SiteOptions>) => Promise<void>;

export function bindCgiOptions(entry: HTMLElement, siteName: string, stored: SiteOptions, save: SaveOptions): void {
  let current = stored;
  const toggle = required<HTMLInputElement>(entry, '[data-testid="cgi-toggle"]');
  const directories = required<HTMLInputElement>(entry, '[data-testid="cgi-directories"]');
  const timeLimit = required<HTMLInputElement>(entry, '[data-testid="cgi-time-limit"]');
  const problem = required(entry, '.cgi-problem');
  for (const [control, label] of [[toggle, 'Run CGI scripts'], [directories, 'CGI directories'], [timeLimit, 'CGI time limit in seconds']] as const) {
    control.setAttribute('aria-label', `${label} for ${siteName}`);
  }
  const show = () => {
    toggle.checked = current.cgi;
    directories.value = current.cgiDirectories.join(', ');
    timeLimit.value = String(current.cgiTimeLimitSeconds);
  };
  const update = async (change: Partial<SiteOptions> | string) => {
    problem.hidden = typeof change !== 'string';
    if (typeof change === 'string') {
      problem.textContent = change;
      show();
      return;
    }
    await save(change);
    current = { ...current, ...change };
    show();
  };
  show();
  toggle.addEventListener('change', () => void update({ cgi: toggle.checked }));
  directories.addEventListener('change', () => {
    const parsed = parseCgiDirectories(directories.value);
    void update(parsed.length > 0 ? { cgiDirectories: parsed } : 'Give at least one CGI directory, such as /cgi-bin.');
  });
  timeLimit.addEventListener('change', () => {
    const seconds = parseTimeLimit(timeLimit.value);
    void update(seconds === undefined ? 'The time limit must be a number of seconds above 0.' : { cgiTimeLimitSeconds: seconds });
  });
}

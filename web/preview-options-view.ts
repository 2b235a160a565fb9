/**
 * A site entry's preview switches (issue 6, off by default — Python's behaviour): serve the site's
 * `404.html` for missing files, and fall back to `index.html` for client-side routes. Each change
 * is saved at once; a save that fails puts the switch back.
 */
import type { SiteOptions } from '../shared/vfs/site-options.ts';
import { required } from './dom.ts';
import type { SaveOptions } from './cgi-options-view.ts';

const SWITCHES = [
  ['not-found-page-toggle', 'notFoundPage', 'Serve 404.html for missing files'],
  ['spa-fallback-toggle', 'spaFallback', 'Single-page app fallback to index.html'],
] as const;

export function bindPreviewOptions(entry: HTMLElement, siteName: string, stored: SiteOptions, save: SaveOptions): void {
  for (const [testId, option, label] of SWITCHES) {
    const toggle = required<HTMLInputElement>(entry, `[data-testid="${testId}"]`);
    toggle.setAttribute('aria-label', `${label} for ${siteName}`);
    toggle.checked = stored[option];
    toggle.addEventListener('change', () => {
      const wanted = toggle.checked;
      save({ [option]: wanted }).catch(() => {
        toggle.checked = !wanted;
      });
    });
  }
}

/**
 * What a re-sync changed, in one sentence for the `import-status` notice: the counts, then the
 * names — a few of each kind, so that a big change still reads at a glance.
 */
import type { SiteChanges } from '../shared/vfs/import-site.ts';
import { formatCount } from './format.ts';

/** Names shown per kind of change; the rest are counted. */
const NAMES_SHOWN = 5;

export function describeSync(name: string, changes: SiteChanges): string {
  const { added, changed, removed, unchanged } = changes;
  const kept = `${formatCount(unchanged, 'file')} unchanged`;
  if (added.length + changed.length + removed.length === 0) return `“${name}” is up to date: nothing changed since the last import (${kept}).`;
  const counts = [`${changed.length} changed`, `${added.length} added`, `${removed.length} removed`, kept].join(', ');
  const lists = [listed('changed', changed), listed('added', added), listed('removed', removed)].filter((part) => part !== '');
  return `Synced “${name}”: ${counts}. ${lists.join('; ')}.`;
}

function listed(kind: string, paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const shown = paths.slice(0, NAMES_SHOWN).join(', ');
  const more = paths.length > NAMES_SHOWN ? ` and ${paths.length - NAMES_SHOWN} more` : '';
  return `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${shown}${more}`;
}

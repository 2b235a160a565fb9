/** Numbers as a person reads them in the UI. */

export { formatBytes } from '../shared/format-bytes.ts';

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/**
 * The HTML of `list_directory` in 3.11 (docs/http-server-rules.md#b-5-5), byte for byte once UTF-8 encoded.
 */

import type { FileStat } from '../vfs/types.ts';
import { quoteUrlPath } from './percent-encoding.ts';
import { escapeHtml } from './python-text.ts';

export type ListingEntry = Pick<FileStat, 'name' | 'kind'>;

/**
 * `displayPath` is shown as given (the caller decodes and escapes it); entries appear in the order
 * given, directories with a `/` appended to both link and text.
 */
export function renderListing(displayPath: string, entries: readonly ListingEntry[]): string {
  const title = `Directory listing for ${displayPath}`;
  const items = entries.map(({ name, kind }) => {
    const linkName = kind === 'directory' ? `${name}/` : name;
    return `<li><a href="${quoteUrlPath(linkName)}">${escapeHtml(linkName)}</a></li>\n`;
  });
  return (
    '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n` +
    items.join('') +
    '</ul>\n<hr>\n</body>\n</html>\n'
  );
}

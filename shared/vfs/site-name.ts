/**
 * Site names (docs/design.md#url-space): a site is served at `<app>/site/<name>/`, so a name is one URL path
 * segment that needs no escaping — letters, digits, `-`, `_` and `.` — and never `.` or `..`,
 * which URL parsers resolve away.
 */

export const MAX_SITE_NAME_LENGTH = 64;

const VALID = new RegExp(`^[A-Za-z0-9._-]{1,${MAX_SITE_NAME_LENGTH}}$`);

/** Latin letters that NFKD does not split into a base letter and a mark. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O',
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i',
};

export function isValidSiteName(name: string): boolean {
  return VALID.test(name) && name !== '.' && name !== '..';
}

/** What to tell a person who chose `name` for a site, or `undefined` when the name is allowed. */
export function siteNameProblem(name: string): string | undefined {
  if (isValidSiteName(name)) return undefined;
  return `“${name}” cannot be a site name: use letters, digits, “-”, “_” and “.”.`;
}

/** The site name for a dropped folder: `Café Menü (2024)` → `Cafe-Menu-2024`; never empty. */
export function siteNameFromFolder(folderName: string): string {
  const name = folderName
    .normalize('NFKD') // é → e + ◌́, ﬁ → fi, full-width Ａ → A
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7F]/g, (char) => LETTERS[char] ?? '-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_SITE_NAME_LENGTH)
    .replace(/^[-.]+|[-.]+$/g, ''); // after the cut, which can leave a `-` at the end
  return name === '' ? 'site' : name;
}

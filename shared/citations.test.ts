import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: no file cites a document outside it, and every citation of a
 * Markdown file's anchor (docs/design.md, docs/http-server-rules.md, any doc) names an anchor that
 * file has — an explicit `<a id>` or a heading's GitHub slug.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test-results', '.git']);
const CHECKED_EXTENSIONS = ['.ts', '.mjs', '.md', '.html'];

/** The design notes and the http.server reference that live beside the repository, not in it. */
const OUTSIDE_DESIGN = new RegExp(['DESIGN', 'md'].join('\\.'));
const OUTSIDE_RULE_ID = /\breference\s+[A-G]-\d/i;
/**
 * A path that climbs to a `shared/` folder: the repository's own, or the one beside it. From code it
 * must stay inside the repository (tests may name files that do not exist); from a Markdown file it
 * is a link, so it must also name something.
 */
const SHARED_PATH = /(?:\.\.\/)+shared\/[^\s'"`)\]>,;*]*/g;
/** A Markdown file's path, `#` and an anchor, not part of a URL; the anchor ends before trailing punctuation. */
const ANCHORED_MD = /(?<![\w/.:%-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w.-]*\w\.md)#([\w-]+(?:\.[\w-]+)*)/g;

function repositoryFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : repositoryFiles(full);
    return CHECKED_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [full] : [];
  });
}

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces made hyphens, repeats numbered. */
function headingSlugs(markdown: string): string[] {
  const slugs: string[] = [];
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.push(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

/** Every anchor a Markdown or HTML file offers: explicit ids, and headings' slugs. */
function anchorsIn(text: string): Set<string> {
  const ids = [...text.matchAll(/\b(?:id|name)="([^"]+)"/g)].map((m) => m[1]!);
  return new Set([...ids, ...headingSlugs(text)]);
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOfFile(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) anchorCache.set(file, (anchors = anchorsIn(readFileSync(file, 'utf8'))));
  return anchors;
}

/** What is wrong with the citations in `text`, the content of `file` (absolute) under `root`. */
function citationProblems(file: string, text: string, root: string, anchorsOf: (file: string) => Set<string> = anchorsOfFile): string[] {
  const problems: string[] = [];
  const where = (index: number) => `${path.relative(root, file)}:${text.slice(0, index).split('\n').length}`;
  const design = OUTSIDE_DESIGN.exec(text);
  if (design) problems.push(`${where(design.index)}: cites the design notes outside the repository ("${design[0]}"): use docs/design.md`);
  const rule = OUTSIDE_RULE_ID.exec(text);
  if (rule) problems.push(`${where(rule.index)}: cites a rule of the outside reference ("${rule[0]}…"): use docs/http-server-rules.md`);
  for (const match of text.matchAll(SHARED_PATH)) {
    if (match[0].includes('${')) continue;
    const target = path.resolve(path.dirname(file), match[0].replace(/[.:]+$/, ''));
    const inside = target === root || target.startsWith(root + path.sep);
    if (!inside || (file.endsWith('.md') && !existsSync(target))) problems.push(`${where(match.index)}: "${match[0]}" names nothing in the repository`);
  }
  for (const match of text.matchAll(ANCHORED_MD)) {
    const [, doc, anchor] = match as unknown as [string, string, string];
    const target = [path.resolve(path.dirname(file), doc), path.resolve(root, doc)].find((candidate) => existsSync(candidate));
    if (target === undefined) problems.push(`${where(match.index)}: "${doc}" does not exist`);
    else if (!anchorsOf(target).has(anchor)) problems.push(`${where(match.index)}: ${path.relative(root, target)} has no anchor "#${anchor}"`);
  }
  return problems;
}

describe('citations', () => {
  const files = repositoryFiles();

  it('has files to check, the docs among them', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(ROOT, 'docs', 'design.md'));
    expect(files).toContain(path.join(ROOT, 'docs', 'http-server-rules.md'));
  });

  it('no file cites a document outside the repository, and every cited anchor exists', () => {
    const problems = files.flatMap((file) => citationProblems(file, readFileSync(file, 'utf8'), ROOT));
    expect(problems).toEqual([]);
  });
});

describe('the citation checker', () => {
  const root = path.join(ROOT, 'no-such-checkout');
  const anchors = (file: string) => (file.endsWith(`${path.sep}rules.md`) ? new Set(['c-5']) : new Set<string>());
  /** `../shared/`, spelled so that this file does not cite it. */
  const up = ['..', 'shared', ''].join('/');
  const problemsOf = (relativeFile: string, text: string) => citationProblems(path.join(ROOT, relativeFile), text, ROOT, anchors);

  it('flags the outside design notes, rule ids and paths', () => {
    expect(problemsOf('shared/x.ts', `// see ${['DESIGN', 'md'].join('.')} §3`)).toHaveLength(1);
    expect(problemsOf('shared/x.ts', `// as Python does (${['Reference', 'A-3.5'].join(' ')})`)).toHaveLength(1);
    expect(problemsOf('docs/x.md', `the rules (\`${up}reference/http-server.md\`)`)).toHaveLength(1);
    expect(problemsOf('x.md', `beside it: ${up}DESIGN-notes`)).toHaveLength(1);
    expect(problemsOf('vite.config.ts', `// beside it: ${up}recipes/`)).toHaveLength(1);
  });

  it('accepts paths into the repository’s own shared/', () => {
    expect(problemsOf('e2e/x.ts', `import { x } from '${up}http/base-handler.ts';`)).toEqual([]);
    expect(problemsOf('docs/x.md', `[\`shared/vfs/\`](${up}vfs/).`)).toEqual([]);
    expect(problemsOf('web/x.test.ts', `const graph = { 'web/a.ts': ['${up}b.ts'] };`)).toEqual([]);
  });

  it('checks anchors against the file they name, relative to the citing file or the root', () => {
    const cite = (doc: string, anchor: string) => `${doc}${'#'}${anchor}`;
    expect(citationProblems(path.join(root, 'docs/a.md'), `see ${cite('rules.md', 'c-5')}.`, root, anchors)).toEqual([`docs/a.md:1: "rules.md" does not exist`]);
    expect(problemsOf('shared/x.ts', `// ${cite('docs/design.md', 'no-such-anchor')}`)).toEqual([`shared/x.ts:1: docs/design.md has no anchor "#no-such-anchor"`]);
    expect(problemsOf('README.md', `[x](https://example.org/${cite('docs/a.md', 'b')})`)).toEqual([]);
  });

  it('computes GitHub heading slugs, outside code fences only', () => {
    const markdown = ['# Title', '## Targets missed, why, and what would reach them', '```sh', '# not a heading', '```', '## `Base` ([`b.ts`](b.ts))', '## Title'].join('\n');
    expect(headingSlugs(markdown)).toEqual(['title', 'targets-missed-why-and-what-would-reach-them', 'base-bts', 'title-1']);
    expect(anchorsIn('<a id="c-5"></a>\n## Hi').has('c-5')).toBe(true);
  });
});

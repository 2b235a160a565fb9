/**
 * For tests only (never imported by the app): a folder handle made of plain objects, shaped as
 * Chromium's `FileSystemDirectoryHandle`, with a read permission the test controls.
 */
import type { DirectoryHandleLike, FileHandleLike, FolderHandle } from './folder-selection.ts';

export interface FakeFolder extends FolderHandle {
  /** What `queryPermission` answers. */
  permission: PermissionState;
  /** What `requestPermission` answers (and then becomes `permission`); an Error is thrown instead. */
  answer: PermissionState | Error;
  /** How often `requestPermission` was called. */
  requests: number;
  /** Set when the folder was moved or deleted on disk: listing it fails with NotFoundError. */
  gone: boolean;
}

/**
 * `tree`: path → content; a path ending in `/` is an empty directory; an Error as content is what
 * reading that file throws. Files get `lastModified` 1,700,000,000,000.
 */
export function fakeFolder(name: string, tree: Readonly<Record<string, string | Error>>): FakeFolder {
  const root: FakeFolder = {
    kind: 'directory',
    name,
    permission: 'prompt',
    answer: 'granted',
    requests: 0,
    gone: false,
    values() {
      if (root.gone) return failing(new DOMException('A requested file or directory could not be found.', 'NotFoundError'));
      return fakeDirectory(name, tree, '').values();
    },
    queryPermission: async () => root.permission,
    requestPermission: async () => {
      root.requests += 1;
      if (root.answer instanceof Error) throw root.answer;
      root.permission = root.answer;
      return root.answer;
    },
  };
  return root;
}

function fakeDirectory(name: string, tree: Readonly<Record<string, string | Error>>, prefix: string): DirectoryHandleLike {
  const names = new Set<string>();
  for (const path of Object.keys(tree)) {
    if (path.startsWith(prefix) && path !== prefix) names.add(path.slice(prefix.length).split('/')[0]!);
  }
  const children = [...names].map((child): FileHandleLike | DirectoryHandleLike => {
    const content = tree[prefix + child];
    if (content === undefined) return fakeDirectory(child, tree, `${prefix}${child}/`);
    return { kind: 'file', name: child, getFile: async () => fileOf(child, content) };
  });
  return {
    kind: 'directory',
    name,
    async *values() {
      yield* children;
    },
  };
}

function fileOf(name: string, content: string | Error): File {
  if (content instanceof Error) throw content;
  return new File([content], name, { lastModified: 1_700_000_000_000 });
}

async function* failing(error: Error): AsyncGenerator<never> {
  throw error;
}

/** Finds an element the page's HTML must contain; a missing one is a bug in index.html. */
export function required<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`index.html lacks ${selector}`);
  return element;
}

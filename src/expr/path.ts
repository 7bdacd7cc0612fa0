/**
 * Addressing subterms. A path lists child positions from the root, in the
 * order `children()` returns them: `[0, 1]` is the second child of the first
 * child. The empty path is the whole expression.
 */
export type Path = readonly number[];

export function pathToString(p: Path): string {
  return p.length === 0 ? '(root)' : p.join('.');
}

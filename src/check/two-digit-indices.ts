/**
 * x_{11} in a document that indexes x with two indices (x_{ij}, "the j-th
 * feature of example i") is x_{1,1}, the entry in row 1 and column 1, not
 * the eleventh x: students drop the comma between one-digit indices. The
 * split is a reading, and the verdict says so.
 *
 *     twoIndexFamilies(['x_{ij}', 'w_j x_j'])                    // Set { 'x' }
 *     withTwoIndices(parseLatex('x_{11}'), new Set(['x']))       // { expr: x_{1,1}, notes: ['x_{11} is read as x_{1,1}: …'] }
 */
import { num, sym } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { mapBottomUp } from '../expr/traverse.js';
import { isSubscriptWord } from '../parse/subscript-word.js';

/** x_{ij}, x_{i,j}, x_{i j}: a letter with two index letters. */
const TWO_INDICES = /(?<![A-Za-z\\])([A-Za-z])_\{\s*([a-z])\s*,?\s*([a-z])\s*\}/g;

/** The families the math writes with two index letters. */
export function twoIndexFamilies(maths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of maths) for (const m of text.matchAll(TWO_INDICES)) if (!isSubscriptWord(`${m[2]}${m[3]}`)) out.add(m[1] as string);
  return out;
}

/** Every x_{dd} (two digits, neither 0) of a two-indexed family read as x_{d,d}. */
export function withTwoIndices(e: Expr, families: ReadonlySet<string> | undefined): { readonly expr: Expr; readonly notes: readonly string[] } {
  if (families === undefined || families.size === 0) return { expr: e, notes: [] };
  const notes: string[] = [];
  const expr = mapBottomUp(e, (x) => {
    if (x.kind !== 'sym' || !families.has(x.name) || x.sub.length !== 1 || x.sup.length > 0) return x;
    const i = x.sub[0] as Expr;
    if (i.kind !== 'num' || i.d !== 1n || !/^[1-9]{2}$/.test(`${i.n}`)) return x;
    const [a, b] = [...`${i.n}`].map(Number) as [number, number];
    notes.push(`${x.name}_{${i.n}} is read as ${x.name}_{${a},${b}}: the document indexes ${x.name} with two indices (${x.name}_{ij}); write ${x.name}_{${a}${b}} as ${x.name}_{${a},${b}} to say so`);
    return sym(x.name, [num(a), num(b)]);
  });
  return { expr, notes: [...new Set(notes)] };
}

/**
 * Vectors a notation declares by itself: the letter inside LSE(z),
 * softmax(z, i) or ‖x‖ is a vector (src/expr/functions.ts, `ofEntries`).
 * Where that is the only reason an expression is read as vectors, `gradtex
 * diff` takes it under the shape `z: n` instead of refusing, and prints the
 * shape it took with the answer (the length is named n: a sum written up to
 * n over z_k reads the same entries).
 *
 *     impliedVectorShapes(parsePlain('lse(z)'))        // ['z: n']
 *     impliedVectorShapes(parsePlain('lse(z) + W*x'))  // undefined: W*x needs shapes of its own
 */
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { orderSensitiveProducts } from '../parse/matrix-reading.js';

/** The size name an implied vector gets. */
export const IMPLIED_SIZE = 'n';

export function impliedVectorShapes(f: Expr): string[] | undefined {
  const parts = orderSensitiveProducts(f);
  const letters = new Set<string>();
  for (const p of parts) {
    const v = p.kind === 'call' && lookupFunction(p.fn)?.ofEntries === true ? p.args[0] : undefined;
    if (v === undefined || v.kind !== 'sym' || v.sub.length > 0 || v.sup.length > 0 || v.name === IMPLIED_SIZE) return undefined;
    letters.add(v.name);
  }
  return letters.size === 0 ? undefined : [...letters].sort().map((name) => `${name}: ${IMPLIED_SIZE}`);
}

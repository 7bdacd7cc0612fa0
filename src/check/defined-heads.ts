/**
 * A name the document defines as a value (`h = \sigma(w x + b)`) is that
 * value, so `h(1 - y)` written after it is h times (1 - y), not an
 * application of an unknown function h (src/expr/abstract-function.ts).
 *
 *     valueHeadsAsProducts(parseLatex('h(1 - y)'), new Set(['h']))   // h*(1 - y)
 */
import { mul, sym } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { abstractHead } from '../expr/abstract-function.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp } from '../expr/traverse.js';

export function valueHeadsAsProducts(e: Expr, defined: ReadonlySet<string>): Expr {
  if (defined.size === 0) return e;
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || x.args.length !== 1 || abstractHead(x.fn)?.order !== 0) return x;
    const s = sym(x.fn);
    return defined.has(symKey(s)) ? mul(s, x.args[0] as Expr) : x;
  });
}

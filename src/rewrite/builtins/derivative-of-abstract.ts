/**
 * The builtin `derivative-of-abstract`: the chain rule for an unknown
 * function (src/expr/abstract-function.ts), in f' notation:
 *
 *     d(f(g(x)), x)  ->  f'(g(x)) * d(g(x), x)
 *     d(f'(u), x)    ->  f''(u) * d(u, x)
 */
import { call, deriv, mul } from '../../expr/build.js';
import type { Expr } from '../../expr/node.js';
import { abstractHead, primed } from '../../expr/abstract-function.js';
import { lookupFunction } from '../../expr/functions.js';

export function derivativeOfAbstract(e: Expr): Expr | undefined {
  if (e.kind !== 'deriv' || e.body.kind !== 'call' || e.body.args.length !== 1) return undefined;
  const f = e.body;
  if (abstractHead(f.fn) === undefined || lookupFunction(f.fn) !== undefined) return undefined;
  const u = f.args[0] as Expr;
  return mul(call(primed(f.fn), [u]), deriv(u, e.wrt));
}

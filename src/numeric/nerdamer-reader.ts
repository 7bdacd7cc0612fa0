/**
 * Reads nerdamer's answer text back into our tree, so that its derivative
 * can be evaluated by our own evaluator. nerdamer writes Euler's number as
 * the symbol `e` and uses functions our table lacks (sec, sech, cosh, …);
 * these are rewritten by their definitions; a derivative it could not take
 * comes back as diff(u, x) and is read as our inert derivative. Our symbols were renamed v0, v1,
 * … on the way out (see nerdamer-bridge.ts) and are renamed back here.
 *
 *     readNerdamer('sec(v0)^2', new Map([['v0', sym('x')]]))   // (1/cos(x))^2
 */
import { add, call, deriv, div, neg, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp } from '../expr/traverse.js';
import { ParseError, parsePlain } from '../parse/index.js';

const exp = (u: Expr): Expr => call('exp', [u]);

/** Functions nerdamer may print that our table does not have, by their definitions. */
const DEFINITIONS: ReadonlyMap<string, (u: Expr) => Expr> = new Map([
  ['sec', (u: Expr) => div(num(1), call('cos', [u]))],
  ['csc', (u: Expr) => div(num(1), call('sin', [u]))],
  ['cot', (u: Expr) => div(call('cos', [u]), call('sin', [u]))],
  ['sinh', (u: Expr) => div(add(exp(u), neg(exp(neg(u)))), num(2))],
  ['cosh', (u: Expr) => div(add(exp(u), exp(neg(u))), num(2))],
  ['sech', (u: Expr) => div(num(2), add(exp(u), exp(neg(u))))],
  ['csch', (u: Expr) => div(num(2), add(exp(u), neg(exp(neg(u)))))],
  ['coth', (u: Expr) => div(add(exp(u), exp(neg(u))), add(exp(u), neg(exp(neg(u)))))],
]);

/** Our tree for nerdamer's text, or why it cannot be read. */
export function readNerdamer(text: string, names: ReadonlyMap<string, Sym>): Expr | { unsupported: string } {
  let tree: Expr;
  try {
    tree = parsePlain(text, { extraFunctions: [...DEFINITIONS.keys(), 'diff'] });
  } catch (err) {
    if (err instanceof ParseError) return { unsupported: `cannot read nerdamer's answer ${text}: ${err.message}` };
    throw err;
  }
  // Our parser reads nerdamer's v0 as v with subscript 0: match names by how they parse.
  const byKey = new Map<string, Sym>();
  for (const [name, original] of names) {
    const parsed = parsePlain(name);
    if (parsed.kind === 'sym') byKey.set(symKey(parsed), original);
  }
  let unknown: string | undefined;
  const out = mapBottomUp(tree, (e) => {
    if (e.kind === 'sym') {
      const k = symKey(e);
      if (k === 'e') return exp(num(1));
      const original = byKey.get(k);
      if (original !== undefined) return original;
      if (k !== 'pi') unknown ??= k;
      return e;
    }
    if (e.kind === 'call') {
      const def = DEFINITIONS.get(e.fn);
      const [u, v] = e.args;
      if (def !== undefined && u !== undefined && e.args.length === 1) return def(u);
      // A derivative nerdamer left unevaluated stays a derivative: our evaluator takes it numerically.
      if (e.fn === 'diff' && u !== undefined && v !== undefined && v.kind === 'sym' && e.args.length === 2) return deriv(u, v);
      if (DEFINITIONS.has(e.fn) || e.fn === 'diff') unknown ??= `${e.fn} with ${e.args.length} arguments`;
    }
    return e;
  });
  if (unknown !== undefined) return { unsupported: `nerdamer's answer ${text} has a symbol or function we cannot read: ${unknown}` };
  return out;
}

/**
 * Evaluating a result at a point: substitute the values, then simplify with
 * the same rules (so exact points give exact values, and max/min/step state
 * their active branch as named steps).
 */
import { children, mapBottomUp, size, some, symbolsOf } from '../expr/traverse.js';
import type { Expr, Sym } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { symKey } from '../expr/sym-key.js';
import { evaluate } from '../numeric/index.js';
import { substitute } from '../expr/substitute.js';
import type { Derivation } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { evaluateExactly } from '../rewrite/builtins/fold-constants.js';
import { log2Magnitude } from '../expr/constant-size.js';
import { isFiniteInHighPrecision } from '../numeric/beyond-float-range.js';
import { PointError } from './point.js';
import { toPlain } from '../expr/to-plain.js';

export interface ValueAt {
  readonly derivation: Derivation;
  readonly value: Expr;
  /** True when the value is an exact expression: no floats, no free symbols. */
  readonly exact: boolean;
  readonly approx: number;
}

export function evaluateAt(engine: Engine, e: Expr, values: ReadonlyMap<string, Expr>): ValueAt {
  // d(f, x) at x = 1 is not d(f, 1): a derivative the rules could not finish
  // (a budget ran out) has no value we can compute by substitution.
  let unfinished: Expr | undefined;
  some(e, (x) => (x.kind === 'deriv' ? ((unfinished = x), true) : false));
  if (unfinished !== undefined) throw new PointError(`cannot evaluate at the point: the derivative did not finish within the rewrite budget (${abbreviated(toPlain(unfinished))} remains)`);
  const substituted = substitute(e, values);
  const derivation = simplify(engine, substituted);
  const value = derivation.result;
  const exact = !some(value, (x) => x.kind === 'float' || (x.kind === 'sym' && x.name !== 'pi') || x.kind === 'deriv');
  // The numeric value is computed from the substituted expression, not from the
  // simplified one, so it also checks the simplification.
  let approx = NaN;
  try {
    approx = evaluate(substituted, new Map());
  } catch {
    approx = NaN;
  }
  return { derivation, value, exact, approx };
}

export interface ActiveBranch {
  readonly call: Expr;
  /** 0 or 1: which argument of max/min is active; undefined at a tie. */
  readonly active: number | undefined;
  readonly values: readonly number[];
}

/** For each max/min in `f`, which argument is active at the point. */
export function activeBranches(f: Expr, values: ReadonlyMap<string, Expr>): ActiveBranch[] {
  const out: ActiveBranch[] = [];
  const visit = (x: Expr): void => {
    const kink = x.kind === 'call' ? lookupFunction(x.fn)?.kink : undefined;
    if (x.kind === 'call' && kink?.at === 'tie' && x.args.length === 2) {
      try {
        const vs = x.args.map((a) => evaluate(substitute(a, values), new Map()));
        const [a, b] = vs as [number, number];
        // The table's kink says which argument the value is on each side of the tie (max: u above, v below).
        const active = a === b ? undefined : (a > b ? kink.above : kink.below) === 'u' ? 0 : 1;
        out.push({ call: x, active, values: vs });
      } catch {
        // A symbol without a value: no branch statement for this call.
      }
    }
    for (const c of children(x)) visit(c);
  };
  visit(f);
  return out;
}

function abbreviated(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}

/** Subterm checks walk at most this many nodes (each evaluates its subtree); larger expressions are checked as a whole. */
const MAX_CHECKED_NODES = 2000;

/**
 * The innermost subterm of `e` that has no finite value at the point (log of
 * a negative number, a division by 0, sqrt of a negative number), or
 * undefined when every subterm is finite there.
 *
 *     undefinedAt(parsePlain('1 + log(x)'), new Map([['x', num(-1)]]))   // log(x)
 */
export function undefinedAt(e: Expr, values: ReadonlyMap<string, Expr>): Expr | undefined {
  const valueOf = (x: Expr): number | undefined => {
    try {
      return evaluate(substitute(x, values), new Map());
    } catch {
      return undefined; // a bound index (sums) or a symbol without a value: not judged alone
    }
  };
  const bad = (x: Expr): boolean => {
    const v = valueOf(x);
    // A number beyond float range (2^1025, 10^308 · 10, e^1000) is a value, not a point outside the domain.
    if (v === undefined || Number.isFinite(v)) return false;
    const at = substitute(x, values);
    return evaluateExactly(at)?.kind !== 'num' && log2Magnitude(at) === undefined && !isFiniteInHighPrecision(at);
  };
  let budget = MAX_CHECKED_NODES;
  const search = (x: Expr): Expr | undefined => {
    for (const c of children(x)) {
      if (budget-- <= 0) break;
      const inner = search(c);
      if (inner !== undefined) return inner;
    }
    return bad(x) ? x : undefined;
  };
  if (size(e) > MAX_CHECKED_NODES) return bad(e) ? e : undefined;
  return search(e);
}

/**
 * A PointError when `e` (the function, or with `label` "the derivative " its
 * derivative) is not defined at the point, naming the subterm and the values
 * of its variables.
 *
 *     checkDefinedAt(parsePlain('1 + log(x)'), point)   // PointError: --at x = -1: outside the domain of log(x), in 1 + log(x) (…)
 */
export function checkDefinedAt(e: Expr, values: ReadonlyMap<string, Expr>, label = ''): void {
  const culprit = undefinedAt(e, values);
  if (culprit === undefined) return;
  const vars = symbolsOf(culprit)
    .map((s) => [s, values.get(symKey(s))] as const)
    .filter((p): p is readonly [Sym, Expr] => p[1] !== undefined)
    .map(([s, v]) => `${toPlain(s)} = ${toPlain(v)}`);
  const at = vars.length > 0 ? vars.join(', ') : 'every point';
  const whole = `${label}${abbreviated(toPlain(e))}`;
  const what = culprit === e ? whole : `${abbreviated(toPlain(culprit))}, in ${whole}`;
  throw new PointError(`--at ${at}: outside the domain of ${what} (not a finite number there)`);
}

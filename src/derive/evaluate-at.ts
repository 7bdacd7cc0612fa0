/**
 * Evaluating a result at a point: substitute the values, then simplify with
 * the same rules (so exact points give exact values, and max/min/step state
 * their active branch as named steps).
 */
import { children, mapBottomUp, some } from '../expr/traverse.js';
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { evaluate } from '../numeric/index.js';
import type { Derivation } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { PointError } from './point.js';
import { toPlain } from '../render/to-plain.js';

/** Replace symbols by values (keys are symKey strings). */
export function substitute(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'sym' ? (values.get(symKey(x)) ?? x) : x));
}

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
    if (x.kind === 'call' && (x.fn === 'max' || x.fn === 'min') && x.args.length === 2) {
      try {
        const vs = x.args.map((a) => evaluate(substitute(a, values), new Map()));
        const [a, b] = vs as [number, number];
        const active = a === b ? undefined : (x.fn === 'max') === a > b ? 0 : 1;
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

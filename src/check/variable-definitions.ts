/**
 * A step that differentiates by a defined family is read in that family's
 * variables: with z_k = w_k^\top x in scope, ∂ℓ/∂z_k = p_k − δ_{ky} is a claim
 * about functions of z, and p_k, ℓ are written in z. Substituting z_k's
 * definition there only moves the sample points onto its image, and a value
 * that is a matrix operation (w_k^\top x, read without shapes) cannot be
 * sampled at all, so every such step came out undecided.
 *
 * The definition is left out of the step's facts only when the step (with
 * the other definitions it rests on) never mentions the symbols of its value
 * (w, x): a step that does (∂ℓ/∂w_k) needs it and keeps it.
 *
 *     withoutVariableDefinitions(active, [lhs, rhs]).active   // without z_k = w_k^T x for ∂ℓ/∂z_k
 */
import type { Expr, Sym } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { symKey } from '../expr/sym-key.js';
import { isMatrixCall } from '../matrix/matrix-calls.js';
import { allSymbols, factsUsed, type Stated } from './fact-ledger.js';
import { definesMember } from './indexed-definitions.js';

/** The variables the step differentiates by (z_k in ∂ℓ/∂z_k). */
function derivativeVariables(sides: readonly Expr[]): Sym[] {
  const out: Sym[] = [];
  for (const e of sides) some(e, (x) => (x.kind === 'deriv' && out.push(x.wrt), false));
  return out;
}

/** Does this definition define the variable s itself, or the family s belongs to? */
function definesVariable(def: Sym, s: Sym): boolean {
  return symKey(def) === symKey(s) || definesMember(def, [s]);
}

/** The names of the symbols a definition's value uses, without the family's own indices (w, x in w_k^T x, not k). */
function valueNames(def: Sym, value: Expr): Set<string> {
  const indices = new Set(def.sub.flatMap((i) => (i.kind === 'sym' ? [i.name] : [])));
  return new Set([...allSymbols(value).values()].map((s) => s.name).filter((n) => !indices.has(n)));
}

/** Does the value use one of the family's index names (w_k in z_k = w_k^T x)? A plain symbol (no indices) always counts. */
function varies(def: Sym, value: Expr): boolean {
  const indices = def.sub.flatMap((i) => (i.kind === 'sym' ? [i.name] : []));
  return indices.length === 0 || some(value, (x) => x.kind === 'sym' && x.sub.some((i) => i.kind === 'sym' && indices.includes(i.name)));
}

/** The facts a step is judged with, and the definitions left out of them. */
export interface FreedDefinitions {
  readonly active: readonly Stated[];
  /** Definitions left out although the step does not differentiate by them: a failure may lie off their image. */
  readonly freed: readonly Stated[];
}

/**
 * The facts in scope, without the definitions whose value is a matrix operation
 * (sampled without shapes it cannot be evaluated) that the step does not
 * otherwise use. Where the step differentiates by the defined family, the
 * step is about its variables and a failure stands; elsewhere (\sum_k p_k = 1
 * with z_k = w_k^T x) the symbols are sampled freely, which can prove or
 * support an identity but not refute one: the caller weakens a failure.
 */
export function withoutVariableDefinitions(active: readonly Stated[], sides: readonly Expr[]): FreedDefinitions {
  const wrt = derivativeVariables(sides);
  // A family whose value does not vary with its index (z_k = a^\top x: every score equal) is kept: freed, its members would be sampled as independent numbers.
  const dropped = active.filter((st) => st.fact.kind === 'define' && some(st.fact.value, (x) => isMatrixCall(x)) && varies(st.fact.sym, st.fact.value));
  if (dropped.length === 0) return { active, freed: [] };
  const kept = active.filter((st) => !dropped.includes(st));
  // The names the step uses, through the definitions it still rests on.
  const used = new Map<string, Sym>();
  for (const e of sides) allSymbols(e, used);
  for (const st of factsUsed(sides, kept)) if (st.fact.kind === 'define') allSymbols(st.fact.value, used);
  const names = new Set([...used.values()].map((s) => s.name));
  const needed = dropped.filter((st) => st.fact.kind === 'define' && [...valueNames(st.fact.sym, st.fact.value)].some((n) => names.has(n)));
  const left = dropped.filter((st) => !needed.includes(st));
  // Only definitions the step rests on matter: one it never reaches is no loss.
  const reached = new Set(factsUsed(sides, active));
  const freed = left.filter((st) => reached.has(st) && !wrt.some((s) => st.fact.kind === 'define' && definesVariable(st.fact.sym, s)));
  return { active: active.filter((st) => !left.includes(st)), freed };
}

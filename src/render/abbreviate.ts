/**
 * Abbreviating long derivations for print, the way a textbook writes "let
 * u = …": the largest subexpression that recurs on most lines is replaced
 * by a fresh letter, and the definition is returned to be printed with the
 * derivation. Only the display changes; the derivation itself is untouched.
 */
import { sym } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr, Sym } from '../expr/node.js';
import { children, mapBottomUp, size, symbolsOf } from '../expr/traverse.js';
import type { Derivation } from '../proof/step.js';

export interface Abbreviated {
  readonly derivation: Derivation;
  readonly lhs: Expr;
  /** u = …, in the order they were introduced (later ones may use earlier ones). */
  readonly definitions: readonly { readonly name: Sym; readonly value: Expr }[];
}

const NAMES = ['u', 'v', 'q', 'r', 's', 't'];

function subterms(e: Expr, into: Expr[]): void {
  into.push(e);
  for (const c of children(e)) subterms(c, into);
}

function contains(e: Expr, target: Expr): boolean {
  if (e.hash === target.hash && equal(e, target)) return true;
  return children(e).some((c) => contains(c, target));
}

function replace(e: Expr, target: Expr, by: Sym): Expr {
  return mapBottomUp(e, (x) => (x.hash === target.hash && equal(x, target) ? by : x));
}

/** Abbreviate until every line is at most `maxSize` nodes (or nothing recurs). */
export function abbreviate(d: Derivation, lhs: Expr, maxSize = 32): Abbreviated {
  let lines = [lhs, ...d.steps.map((s) => s.after)];
  const taken = new Set<string>();
  for (const l of lines) for (const s of symbolsOf(l)) taken.add(s.name);
  const definitions: { name: Sym; value: Expr }[] = [];
  for (const name of NAMES) {
    if (Math.max(...lines.map(size)) <= maxSize) break;
    if (taken.has(name)) continue;
    // Candidates: subterms of the first line worth naming, by size, that recur on most lines.
    const pool: Expr[] = [];
    subterms(lines[0] as Expr, pool);
    const candidates = pool
      .filter((x) => size(x) >= 6 && x.kind !== 'deriv' && x.kind !== 'sym')
      .sort((a, b) => size(b) - size(a));
    const chosen = candidates.find((c) => lines.filter((l) => contains(l, c)).length >= Math.max(2, Math.ceil(lines.length / 2)) && !equal(c, lines[0] as Expr));
    if (chosen === undefined) break;
    const s = sym(name);
    definitions.push({ name: s, value: chosen });
    lines = lines.map((l) => replace(l, chosen, s));
  }
  if (definitions.length === 0) return { derivation: d, lhs, definitions };
  const [newLhs, ...afters] = lines;
  // `before` abbreviated alike, so that the lines (src/proof/group-steps.ts, which follows chains of steps) stay the same.
  const abbreviated = (e: Expr): Expr => definitions.reduce((x, def) => replace(x, def.value, def.name), e);
  const steps = d.steps.map((st, i) => ({ ...st, before: abbreviated(st.before), after: afters[i] as Expr }));
  return { derivation: { ...d, steps, result: afters[afters.length - 1] ?? d.result }, lhs: newLhs as Expr, definitions };
}

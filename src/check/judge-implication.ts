/**
 * An implication `P \Rightarrow Q` (or `\iff`) between two relations, judged
 * by looking for a point where P holds and Q does not:
 *
 * - P an equation in one variable: its real solutions are found by scanning
 *   [-1e9, 1e9] (finely on [-1000, 1000], geometrically beyond; sign
 *   changes, then bisection; touching roots by small |lhs - rhs|), each
 *   snapped to a nearby rational and confirmed exactly;
 * - P an inequality: points of a fixed grid of small rationals where P holds
 *   exactly.
 *
 * Q is then checked at those points, exactly when both sides are rational
 * there (src/finite), else in double precision with a clear margin. A point
 * where P holds and Q fails is reported (`x^2 = 4 \Rightarrow x = 2` fails at
 * x = -2); none found is `holds`, with what was covered, never `proved`.
 * Unknown functions, sums, derivatives and several-variable equations are
 * undecided.
 *
 *     judgeImplication(premise, conclusion)   // { verdict: 'fails', evidence: { summary: 'at x = -2: …' } }
 */
import type { Expr, Sym } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { some } from '../expr/traverse.js';
import type { Rational } from '../expr/rational.js';
import { symKey } from '../expr/sym-key.js';
import { toPlain } from '../expr/to-plain.js';
import { compile, evaluate, freeSymbols } from '../numeric/evaluate.js';
import { proveRelation, type FiniteRelation } from '../finite/finite-claim.js';
import { productDomain } from '../finite/finite-domain.js';
import { ratText } from '../finite/rational-text.js';
import type { Relation } from '../parse/relation.js';
import type { Judgement } from './judgement.js';

/** One side of the connective: a relation between two expressions. */
export interface Atom {
  readonly lhs: Expr;
  readonly rel: Relation;
  readonly rhs: Expr;
}

/** Where the solutions of a one-variable equation are looked for, and how finely. */
const SCAN_LIMIT = 1000;
const SCAN_STEPS = 40000;
/** Small rationals tried for each variable of an inequality premise (and for variables only the conclusion has). */
const GRID: readonly Rational[] = [-10n, -3n, -2n, -1n, 0n, 1n, 2n, 3n, 10n].map((n) => ({ n, d: 1n })).concat([
  { n: -1n, d: 2n }, { n: 1n, d: 2n }, { n: 1n, d: 3n }, { n: 3n, d: 2n }, { n: 5n, d: 4n }, { n: -7n, d: 3n }, { n: 1n, d: 10n }, { n: 99n, d: 100n }, { n: 101n, d: 100n },
]);
/** At most this many points are tried (the grid to the power of the number of variables is cut here). */
const MAX_POINTS = 4096;

const plainRel = (r: Relation): r is FiniteRelation => r === '=' || r === '!=' || r === '<' || r === '<=' || r === '>' || r === '>=';
const atomText = (a: Atom): string => `${toPlain(a.lhs)} ${a.rel} ${toPlain(a.rhs)}`;

/** Why an atom cannot be judged this way, or undefined. */
function unsupported(a: Atom): string | undefined {
  if (!plainRel(a.rel)) return `${atomText(a)} is not a plain relation`;
  for (const e of [a.lhs, a.rhs]) {
    if (some(e, (n) => n.kind === 'deriv')) return `${toPlain(e)} has a derivative`;
    if (some(e, (n) => n.kind === 'call' && (n.fn === 'sum' || lookupFunction(n.fn) === undefined))) return `${toPlain(e)} has a sum or a function gradtex cannot evaluate`;
    if (some(e, (n) => n.kind === 'sym' && n.sub.some((s) => s.kind !== 'num'))) return `${toPlain(e)} has an indexed name`;
  }
  return undefined;
}

type Truth = 'true' | 'false' | 'unknown';

/** The relation at one exact point: exactly when both sides are rational there, else in doubles with a margin. */
function truthAt(a: Atom, names: readonly string[], point: readonly Rational[]): Truth {
  const v = proveRelation(a.lhs, a.rel as FiniteRelation, a.rhs, productDomain(names, point.map((p) => [p])));
  if (v.verdict === 'proved') return 'true';
  if (v.verdict === 'fails') return 'false';
  return truthInDoubles(a, new Map(names.map((n, i) => [n, ratValue(point[i] as Rational)])));
}

const ratValue = (r: Rational): number => Number(r.n) / Number(r.d);

/** The relation in doubles, decided only with a clear margin (relative 1e-9): `unknown` in between. */
function truthInDoubles(a: Atom, env: ReadonlyMap<string, number>): Truth {
  let l: number;
  let r: number;
  try {
    l = evaluate(a.lhs, env);
    r = evaluate(a.rhs, env);
  } catch {
    return 'unknown';
  }
  if (!Number.isFinite(l) || !Number.isFinite(r)) return 'unknown';
  const gap = l - r;
  const tol = 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));
  const sign = Math.abs(gap) <= tol ? 0 : Math.sign(gap);
  // Too close to call in doubles: neither true nor false.
  if (sign === 0) return 'unknown';
  switch (a.rel) {
    case '=':
      return 'false';
    case '!=':
      return 'true';
    case '<':
    case '<=':
      return sign < 0 ? 'true' : 'false';
    case '>':
    case '>=':
      return sign > 0 ? 'true' : 'false';
    default:
      return 'unknown';
  }
}

/**
 * The relation near a solution found only in doubles: decided only when it
 * comes out the same, with sides that barely move, a relative 1e-7 either
 * side of the point — at the true solution a step, a sign or a pole could
 * make it otherwise (sign(x^2 - 2) = 0 is true at √2 and false at its double).
 */
function stableTruth(a: Atom, values: ReadonlyMap<string, number>): Truth {
  const t = truthInDoubles(a, values);
  if (t === 'unknown') return t;
  const l0 = evaluateOr(a.lhs, values);
  const r0 = evaluateOr(a.rhs, values);
  for (const f of [1 - 1e-7, 1 + 1e-7]) {
    const near = new Map([...values].map(([k, v]) => [k, v === 0 ? f - 1 : v * f]));
    if (truthInDoubles(a, near) !== t) return 'unknown';
    const moved = (x: string, y: string): boolean => Number.isNaN(Number(x)) || Math.abs(Number(x) - Number(y)) > 1e-5 * Math.max(1, Math.abs(Number(y)));
    if (moved(evaluateOr(a.lhs, near), l0) || moved(evaluateOr(a.rhs, near), r0)) return 'unknown';
  }
  return t;
}

/** The nearest rational with a small denominator, if it is within 1e-9 of x. */
function snap(x: number): Rational | undefined {
  for (let d = 1; d <= 12; d++) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < 1e-9 * Math.max(1, Math.abs(x))) return { n: BigInt(n), d: BigInt(d) };
  }
  return undefined;
}

/** The scan: a fine linear grid on [-SCAN_LIMIT, SCAN_LIMIT], then geometric steps of 0.2% out to ±FAR. */
const FAR = 1e9;
const SCAN: readonly number[] = (() => {
  const inner = Array.from({ length: SCAN_STEPS + 1 }, (_, i) => -SCAN_LIMIT + (i * 2 * SCAN_LIMIT) / SCAN_STEPS);
  const outer: number[] = [];
  for (let x = SCAN_LIMIT * 1.002; x < FAR; x *= 1.002) outer.push(x);
  return [...outer.map((x) => -x).reverse(), ...inner, ...outer];
})();

/** The real solutions of lhs = rhs in one variable found in [-FAR, FAR], as doubles (a root between two scan points of one sign pair can be missed). */
function solveOneVariable(a: Atom, name: string): number[] {
  // Compiled once: the scan evaluates the difference at some 54 000 points.
  const x0 = freeSymbols(a.lhs, freeSymbols(a.rhs)).find((v) => symKey(v) === name);
  if (x0 === undefined) return [];
  let diff: (values: ArrayLike<number>) => number;
  try {
    const l = compile(a.lhs, [x0]);
    const r = compile(a.rhs, [x0]);
    diff = (v) => l(v) - r(v);
  } catch {
    return [];
  }
  const arg = new Float64Array(1);
  const g = (x: number): number => {
    arg[0] = x;
    try {
      return diff(arg);
    } catch {
      return Number.NaN;
    }
  };
  const roots: number[] = [];
  const values = SCAN.map(g);
  for (let i = 1; i < SCAN.length; i++) {
    const px = SCAN[i - 1] as number;
    const x = SCAN[i] as number;
    const pg = values[i - 1] as number;
    const gx = values[i] as number;
    const ppg = i >= 2 ? (values[i - 2] as number) : Number.NaN;
    if (pg === 0) roots.push(px);
    else if (Number.isFinite(pg) && Number.isFinite(gx) && gx !== 0 && Math.sign(pg) !== Math.sign(gx)) {
      let lo = px;
      let hi = x;
      for (let k = 0; k < 200 && hi - lo > 0; k++) {
        const mid = (lo + hi) / 2;
        if (mid === lo || mid === hi) break;
        if (Math.sign(g(mid)) === Math.sign(g(lo))) lo = mid;
        else hi = mid;
      }
      // A pole (1/x) changes sign too: only a small |g| is a solution.
      const m = Math.abs(g(lo)) < Math.abs(g(hi)) ? lo : hi;
      if (Math.abs(g(m)) < 1e-6) roots.push(m);
    } else if (Number.isFinite(ppg) && Number.isFinite(pg) && Number.isFinite(gx) && Math.abs(pg) <= Math.abs(ppg) && Math.abs(pg) <= Math.abs(gx) && Math.abs(pg) < 1e-3) {
      // A touching root (x^2 = 0): a local minimum of |g| near 0, refined by golden-section search.
      let lo = SCAN[i - 2] as number;
      let hi = x;
      for (let k = 0; k < 200; k++) {
        const m1 = lo + (hi - lo) * 0.382;
        const m2 = lo + (hi - lo) * 0.618;
        if (Math.abs(g(m1)) < Math.abs(g(m2))) hi = m2;
        else lo = m1;
      }
      const m = (lo + hi) / 2;
      if (Math.abs(g(m)) < 1e-12) roots.push(m);
    }
  }
  // Neighbouring scan cells can report the same root.
  return roots.filter((r, i) => roots.findIndex((q) => Math.abs(q - r) < 1e-7 * Math.max(1, Math.abs(r))) === i);
}

interface Candidate {
  readonly values: ReadonlyMap<string, number>;
  /** Exact coordinates when the premise was confirmed exactly there. */
  readonly exact?: readonly Rational[];
  readonly text: string;
}

function pointText(names: readonly string[], values: ReadonlyMap<string, number>, exact?: readonly Rational[]): string {
  return names.map((n, i) => `${n} = ${exact?.[i] !== undefined ? ratText(exact[i] as Rational) : (values.get(n) as number).toPrecision(10)}`).join(', ');
}

/** Points where the premise holds, with the words that say how they were found. */
function premisePoints(p: Atom, names: readonly string[], premiseVars: readonly string[]): { points: Candidate[]; how: string } | string {
  const others = names.filter((n) => !premiseVars.includes(n));
  const otherPoints = grid(others);
  if (p.rel === '=') {
    if (premiseVars.length !== 1) return `the premise ${atomText(p)} is an equation in ${premiseVars.length} variables, whose solutions gradtex does not look for`;
    const x = premiseVars[0] as string;
    const points: Candidate[] = [];
    // The smallest solutions first: a counterexample at x = π reads better than one at x = 10^9 π (and doubles are kinder there).
    const roots = solveOneVariable(p, x).sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
    for (const root of roots) {
      const r = snap(root);
      const exactRoot = r !== undefined && truthAt(p, [x], [r]) === 'true' ? r : undefined;
      for (const o of otherPoints) {
        const exact = exactRoot === undefined ? undefined : names.map((n) => (n === x ? exactRoot : (o.get(n) as Rational)));
        const values = new Map(names.map((n) => [n, n === x ? (exactRoot !== undefined ? ratValue(exactRoot) : root) : ratValue(o.get(n) as Rational)]));
        points.push({ values, ...(exact === undefined ? {} : { exact }), text: pointText(names, values, exact) });
      }
    }
    const shown = roots.map((r) => snap(r) ?? r).map((r) => (typeof r === 'number' ? r.toPrecision(10) : ratText(r)));
    return { points, how: `the ${roots.length} solution${roots.length === 1 ? '' : 's'} of ${atomText(p)} found in [-1e9, 1e9]${roots.length > 0 ? ` (${x} = ${shown.join(', ')})` : ''}` };
  }
  const all = grid(names);
  const points = all.filter((pt) => truthAt(p, names, names.map((n) => pt.get(n) as Rational)) === 'true').map((pt): Candidate => {
    const exact = names.map((n) => pt.get(n) as Rational);
    const values = new Map(names.map((n) => [n, ratValue(pt.get(n) as Rational)]));
    return { values, exact, text: pointText(names, values, exact) };
  });
  return { points, how: `the ${points.length} points of a grid of small rationals (${all.length} tried) where ${atomText(p)} holds` };
}

/** Every combination of GRID values for the names, cut at MAX_POINTS. */
function grid(names: readonly string[]): Map<string, Rational>[] {
  let out: Map<string, Rational>[] = [new Map()];
  for (const n of names) {
    out = out.flatMap((m) => GRID.map((v) => new Map([...m, [n, v]])));
    if (out.length > MAX_POINTS) out = out.slice(0, MAX_POINTS);
  }
  return out;
}

/** P ⇒ Q: a point where P holds and Q fails, or what was covered. */
function oneWay(p: Atom, q: Atom): Judgement {
  const why = unsupported(p) ?? unsupported(q);
  if (why !== undefined) return { verdict: 'undecided', evidence: { method: 'none', summary: `the implication is not judged: ${why}` } };
  const syms: Sym[] = [];
  for (const e of [p.lhs, p.rhs, q.lhs, q.rhs]) freeSymbols(e, syms);
  const names = syms.map(symKey);
  const premiseVars = freeSymbols(p.rhs, freeSymbols(p.lhs)).map(symKey);
  if (names.length > 3) return { verdict: 'undecided', evidence: { method: 'none', summary: `the implication is not judged: it has ${names.length} variables (at most 3 are searched)` } };
  const found = premisePoints(p, names, premiseVars);
  if (typeof found === 'string') return { verdict: 'undecided', evidence: { method: 'none', summary: `the implication is not judged: ${found}` } };
  if (found.points.length === 0) return { verdict: 'undecided', evidence: { method: 'none', summary: `no point where ${atomText(p)} holds was found (${found.how}), so nothing was checked` } };
  let unknown = 0;
  for (const c of found.points) {
    const t = c.exact !== undefined ? truthAt(q, names, c.exact) : stableTruth(q, c.values);
    if (t === 'false') {
      const l = evaluateOr(q.lhs, c.values);
      const r = evaluateOr(q.rhs, c.values);
      return {
        verdict: 'fails',
        evidence: {
          method: 'search',
          summary: `at ${c.text}: ${atomText(p)} holds${c.exact === undefined ? ' (to double precision)' : ''} but ${atomText(q)} does not (left side ${l}, right side ${r})`,
          point: Object.fromEntries(c.values),
        },
      };
    }
    if (t === 'unknown') unknown++;
  }
  if (unknown === found.points.length) return { verdict: 'undecided', evidence: { method: 'none', summary: `${atomText(q)} could not be decided at any of ${found.how}` } };
  return { verdict: 'holds', evidence: { method: 'search', summary: `no counterexample: ${atomText(q)} holds at ${found.points.length - unknown} of ${found.how}${unknown > 0 ? ` (${unknown} undecided)` : ''}; not proved`, points: found.points.length - unknown } };
}

function evaluateOr(e: Expr, env: ReadonlyMap<string, number>): string {
  try {
    return evaluate(e, env).toPrecision(6);
  } catch {
    return 'undefined';
  }
}

/** `P \Rightarrow Q` (rel '=>') or `P \iff Q` (rel '<=>': both ways). */
export function judgeImplication(p: Atom, rel: '=>' | '<=>', q: Atom): Judgement {
  const forward = oneWay(p, q);
  if (rel === '=>' || forward.verdict === 'fails') return forward;
  const backward = oneWay(q, p);
  if (backward.verdict === 'fails') return { verdict: 'fails', evidence: { ...backward.evidence, summary: `the converse fails: ${backward.evidence.summary}` } };
  if (forward.verdict === 'undecided' || backward.verdict === 'undecided') return forward.verdict === 'undecided' ? forward : backward;
  return { verdict: 'holds', evidence: { method: 'search', summary: `both ways: ${forward.evidence.summary}; and conversely ${backward.evidence.summary}`, points: (forward.evidence.points ?? 0) + (backward.evidence.points ?? 0) } };
}

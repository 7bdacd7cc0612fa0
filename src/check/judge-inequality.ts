/**
 * Judging `lhs ≤ rhs`, `<`, `≥`, `>`: a counterexample search first (it can
 * only find the claim false), then the lemma library (the only way an
 * inequality is `proved`); otherwise `holds` with the number of points tried.
 *
 *     judgeInequality(engine, prepared, '<=', lemmas, facts, {}).verdict   // 'proved' for \ln x \le x - 1 with x > 0
 */
import { add, neg, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, mapBottomUp, some } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { proveRelation } from '../finite/finite-claim.js';
import { productDomain } from '../finite/finite-domain.js';
import { abstractHead } from '../expr/abstract-function.js';
import { checkEqualNumeric, compile, createRng, EvaluationError, freeSymbols, relError, type Assumption } from '../numeric/index.js';
import { samplingPlan } from '../numeric/coverage.js';
import { needsIndexedMode } from '../numeric/indexed.js';
import { drawPoint } from '../numeric/sample.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import type { Fact } from './facts.js';
import { formatNumber as fmt } from '../numeric/format-number.js';
import { formatPoint, type Judgement } from './judgement.js';
import { proveByLemmas, type Lemma } from './lemma-proof.js';
import { positivity } from './positivity.js';
import { originalPoint, type PreparedStep } from './prepare-step.js';
import type { Relation } from '../parse/relation.js';
import { searchViolation } from './search-counterexample.js';
import { discharge, type JudgeOptions } from './judge-equal.js';

export function judgeInequality(engine: Engine, p: PreparedStep, rel: '<=' | '<' | '>=' | '>', lemmas: readonly Lemma[], facts: readonly Fact[], opts: JudgeOptions = {}): Judgement {
  const swapped = rel === '>=' || rel === '>';
  const strict = rel === '<' || rel === '>';
  const [a, b] = swapped ? [p.rhs, p.lhs] : [p.lhs, p.rhs];
  const [sa, sb] = swapped ? [p.symbolicRhs, p.symbolicLhs] : [p.symbolicLhs, p.symbolicRhs];
  const extra = p.engineDerivative ? { engineDerivative: true } : {};
  const found = searchViolation(a, b, strict, p.assumptions, { points: opts.points ?? 24, seed: opts.seed ?? 1 });
  if (found.kind === 'violation') {
    const point = originalPoint(found.point, p);
    const [lv, rv] = swapped ? [found.rhs, found.lhs] : [found.lhs, found.rhs];
    const at = formatPoint(point);
    const equalHere = lv === rv;
    return {
      verdict: 'fails',
      evidence: {
        method: 'search',
        summary: `${at === '' ? 'at a sampled point' : `at ${at}`}: left side = ${fmt(lv)}, right side = ${fmt(rv)}${found.precise !== undefined ? `; ${preciseText(found.precise, swapped, point)}` : equalHere && strict ? ' (equal, so the strict inequality fails)' : ''}`,
        point,
        lhsValue: lv,
        rhsValue: rv,
        ...extra,
      },
    };
  }
  // Sides closer than doubles can tell apart (x ≤ x − 10^(-20)): which is larger is read from a high-precision comparison.
  const tight = tightViolation(a, b, strict, p.assumptions, opts);
  if (tight !== undefined) {
    const point = originalPoint(tight.point, p);
    const at = formatPoint(point);
    const [lv, rv] = swapped ? [tight.rhs, tight.lhs] : [tight.lhs, tight.rhs];
    return { verdict: 'fails', evidence: { method: 'search', summary: `${at === '' ? 'at a sampled point' : `at ${at}`}: left side = ${fmt(lv)}, right side = ${fmt(rv)}; ${tight.why}`, point, lhsValue: lv, rhsValue: rv, ...extra } };
  }
  // A strict claim fails on its equality set: where two interchangeable families coincide (KL(p, q) > 0 at q = p).
  const coincide = strict ? equalitySet(engine, p, a, b, sa, sb, opts.seed ?? 1) : undefined;
  if (coincide !== undefined) {
    const point = originalPoint(coincide.point, p);
    const at = formatPoint(point);
    const [lv, rv] = swapped ? [coincide.rhs, coincide.lhs] : [coincide.lhs, coincide.rhs];
    if (coincide.proved) {
      return {
        verdict: 'fails',
        evidence: {
          method: 'search',
          summary: `where ${coincide.where} the sides are equal (their difference simplifies to 0), so the strict inequality fails${at === '' ? '' : `: e.g. at ${at}`}, left side = ${fmt(lv)}, right side = ${fmt(rv)}`,
          point,
          lhsValue: lv,
          rhsValue: rv,
          ...extra,
        },
      };
    }
  }
  // A lemma proof stands only on verified derivatives whose conditions, and the rearrangement's, hold on the domain.
  const proof = p.distrusted === undefined && typeof discharge([], p, opts) !== 'string' ? proveByLemmas(sa, sb, strict, lemmas, positivity(facts), engine, (cs) => typeof discharge(cs, p, opts) !== 'string') : undefined;
  if (proof !== undefined) {
    const names = proof.lemmas.length === 0 ? 'both sides are equal' : `instance of ${proof.lemmas.join(', ')}`;
    return { verdict: 'proved', evidence: { method: 'lemma', summary: `${names}; no counterexample among ${found.kind === 'none' ? found.points : 0} points`, lemmas: proof.lemmas, ...extra } };
  }
  // Two numbers (-1 < 0, 0.25 <= 1): compared exactly in rationals, not sampled.
  const exact = p.distrusted === undefined ? exactConstantComparison(a, b, strict) : undefined;
  if (exact !== undefined) return exact;
  if (found.kind === 'undecided') return { verdict: 'undecided', evidence: { method: 'search', summary: found.reason } };
  if (coincide !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'search', summary: `where ${coincide.where} the sides agree numerically: whether the strict inequality holds there cannot be decided numerically`, points: found.points } };
  }
  if (found.touching !== undefined) {
    const at = formatPoint(originalPoint(found.touching, p));
    return { verdict: 'undecided', evidence: { method: 'search', summary: `the sides come within rounding of each other near ${at}: whether the strict inequality holds there cannot be decided numerically`, points: found.points } };
  }
  // An unknown function is sampled as one fixed stand-in: a counterexample for it refutes a claim about every f, but
  // agreement says nothing (f(0) < 0 and f'(0) > 0 held for the stand-in, and are false for most f).
  const unknown = unknownFunctionIn(a) ?? unknownFunctionIn(b);
  if (unknown !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'search', summary: `no counterexample at ${found.points} points, but ${unknown} is an unknown function, sampled as one fixed stand-in: an inequality about it can hold for that one and fail for another`, points: found.points } };
  }
  return {
    verdict: 'holds',
    evidence: {
      method: 'search',
      summary: `no counterexample at ${found.points} points (random sampling and local search; ${found.coverage?.text ?? 'random points'}); no lemma matched, so not proved`,
      points: found.points,
      ...(found.coverage !== undefined ? { coverage: found.coverage } : {}),
      ...extra,
    },
  };
}

export type { Relation };

/** The name of an unknown function (f, g, \\phi, with or without primes) that e calls, if any. */
function unknownFunctionIn(e: Expr): string | undefined {
  let name: string | undefined;
  some(e, (n) => {
    if (n.kind !== 'call') return false;
    name = abstractHead(n.fn)?.name;
    return name !== undefined;
  });
  return name;
}

/** Every symbol of e, inside sums too. */
function symbolsOf(e: Expr, into: Sym[] = []): Sym[] {
  if (e.kind === 'sym') {
    if (!into.some((x) => x.hash === e.hash)) into.push(e);
  }
  for (const c of children(e)) symbolsOf(c, into);
  return into;
}

/** e with the families u and v (u_k, #u_k, …) exchanged (swap) or v renamed to u. */
function renameFamily(e: Expr, u: string, v: string, swap: boolean): Expr {
  const table = new Map([[v, u], [`#${v}`, `#${u}`], ...(swap ? ([[u, v], [`#${u}`, `#${v}`]] as const) : [])]);
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'sym') return x;
    const to = table.get(x.name);
    return to === undefined ? x : sym(to, x.sub, x.sup);
  });
}

interface Coincidence {
  /** "q = p" */
  readonly where: string;
  /** The difference of the sides with q = p simplifies to 0 (otherwise they only agree numerically). */
  readonly proved: boolean;
  readonly point: Record<string, number>;
  readonly lhs: number;
  readonly rhs: number;
}

const MAX_PAIRS = 6;

/**
 * The equality set of a ≤ b tried family by family: for two families of
 * symbols that the domain treats alike (p and q both distributions, x and y
 * with the same assumptions), the sides with q replaced by p. When they are
 * equal there — symbolically, and numerically at a point of the domain — a
 * strict claim fails (KL(p, q) > 0 at q = p; x^2 + y^2 > 2xy at y = x).
 *
 *     equalitySet(engine, prepared, a, b, sa, sb, 1)?.where   // 'q = p'
 */
function equalitySet(engine: Engine, p: PreparedStep, a: Expr, b: Expr, sa: Expr, sb: Expr, seed: number): Coincidence | undefined {
  const families = new Map<string, string>();
  for (const s of symbolsOf(add(sa, sb))) {
    if (s.name.startsWith('#') || s.name === 'pi' || s.name === 'e') continue;
    families.set(s.name, `${s.sub.length}/${s.sup.length}`);
  }
  const names = [...families.keys()].sort();
  const assumptionKeys = (list: readonly Assumption[]): string[] => list.map((x) => `${symKey(x.sym)}:${x.kind}:${x.kind === 'interval' ? `${x.lo}:${x.hi}:${x.integer === true}` : ''}`).sort();
  const original = assumptionKeys(p.assumptions).join('|');
  const reparam = [...p.reparam].map(([k, v]) => `${k}=${v.hash}`).sort().join('|');
  let pairs = 0;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [u, v] = [names[i] as string, names[j] as string];
      if (families.get(u) !== families.get(v) || pairs++ >= MAX_PAIRS) continue;
      // Interchangeable: exchanging u and v leaves the assumptions and the reparametrisation as they are.
      const swapped = assumptionKeys(p.assumptions.map((x) => ({ ...x, sym: renameFamily(x.sym, u, v, true) as Sym }))).join('|');
      if (swapped !== original) continue;
      const swappedReparam = [...p.reparam].map(([k, e]) => `${symKey(renameFamily(keySym(k, p), u, v, true) as Sym)}=${renameFamily(e, u, v, true).hash}`).sort().join('|');
      if (swappedReparam !== reparam) continue;
      const la = renameFamily(a, u, v, false);
      const lb = renameFamily(b, u, v, false);
      const at = pointOn(la, lb, p.assumptions, seed);
      if (at === undefined || relError(at.lhs, at.rhs) > 1e-9) continue;
      const difference = simplify(engine, add(renameFamily(sa, u, v, false), neg(renameFamily(sb, u, v, false))), { maxSteps: 500, maxMs: 80 }).result;
      const proved = difference.kind === 'num' && difference.n === 0n;
      // The point in the step's own symbols: v's coordinates are u's.
      const point: Record<string, number> = { ...at.point };
      for (const [k, x] of Object.entries(at.point)) {
        const m = /^(#?)([^_^{]+)(.*)$/.exec(k);
        if (m !== null && m[2] === u) point[`${m[1]}${v}${m[3]}`] = x;
      }
      return { where: `${v} = ${u}`, proved, point, lhs: at.lhs, rhs: at.rhs };
    }
  }
  return undefined;
}

/** The symbol a reparametrisation key names (keys are symKey strings of the step's symbols). */
function keySym(key: string, p: PreparedStep): Expr {
  return symbolsOf(add(p.symbolicLhs, p.symbolicRhs)).find((s) => symKey(s) === key) ?? sym(key);
}

/** A point of the domain where both sides are defined, with their values. */
function pointOn(a: Expr, b: Expr, assumptions: readonly Assumption[], seed: number): { point: Record<string, number>; lhs: number; rhs: number } | undefined {
  const indexed = needsIndexedMode(a) || needsIndexedMode(b);
  const vars = freeSymbols(b, freeSymbols(a, [], indexed), indexed);
  try {
    const f = compile(a, vars, { indexed });
    const g = compile(b, vars, { indexed });
    const plan = samplingPlan([a, b], vars, indexed, assumptions, true, seed);
    const rng = createRng(seed);
    for (let k = 0; k < 50; k++) {
      const q = plan.sampler !== undefined ? plan.sampler(rng) : drawPoint(vars, plan.assumptions, rng);
      const x = f(q);
      const y = g(q);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const point: Record<string, number> = {};
      vars.forEach((s, i) => (point[symKey(s)] = q[i] as number));
      return { point, lhs: x, rhs: y };
    }
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
  }
  return undefined;
}

/**
 * a ≤ b (a < b when strict) refuted where the sides differ by less than
 * doubles resolve: the equality check's high-precision referee reports the
 * exact sign of a − b at its point.
 *
 *     tightViolation(parsePlain('x'), parsePlain('x - 10^(-20)'), false, [], {})   // a point, a − b = 1e-20 > 0
 */
function tightViolation(a: Expr, b: Expr, strict: boolean, assumptions: readonly Assumption[], opts: JudgeOptions): { point: Record<string, number>; lhs: number; rhs: number; why: string } | undefined {
  let v: ReturnType<typeof checkEqualNumeric>;
  try {
    v = checkEqualNumeric(a, b, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions });
  } catch (e) {
    if (e instanceof EvaluationError) return undefined;
    throw e;
  }
  if (v.verdict !== 'fails' || v.highPrecision === undefined) return undefined;
  // The sign from the decimal itself: 5e-435 underflows to 0 as a double.
  const text = v.highPrecision.difference.trim();
  const mantissa = text.replace(/e.*$/i, '');
  if (!/^-?[0-9.]+$/.test(mantissa)) return undefined;
  const sign = /[1-9]/.test(mantissa) ? (mantissa.startsWith('-') ? -1 : 1) : 0;
  const violated = strict ? sign >= 0 : sign > 0;
  if (!violated) return undefined;
  return { point: v.point, lhs: v.lhs, rhs: v.rhs, why: `at ${v.highPrecision.digits} digits the left side is ${v.highPrecision.lhs} and the right side ${v.highPrecision.rhs} (difference ${v.highPrecision.difference})` };
}

/**
 * A reversal doubles could not tell from rounding, as high precision saw it: the sides (in the claim's order) and
 * the point to the last digit of its doubles (x = 1.0000005 prints as x = 1 in four digits, where the claim holds).
 */
function preciseText(precise: { digits: number; a: string; b: string }, swapped: boolean, point: Readonly<Record<string, number>>): string {
  const [l, r] = swapped ? [precise.b, precise.a] : [precise.a, precise.b];
  const exact = Object.entries(point)
    .filter(([k]) => !k.startsWith('#'))
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');
  return `at ${precise.digits} digits the left side is ${l} and the right side ${r}${exact === '' || exact === formatPoint(point) ? '' : `, at ${exact} exactly`}`;
}

/** a < b (or a ≤ b) between two constants that are exact rationals (src/finite's exact evaluator); undefined when either is not. */
function exactConstantComparison(a: Expr, b: Expr, strict: boolean): Judgement | undefined {
  if (freeSymbols(a, [], true).length > 0 || freeSymbols(b, [], true).length > 0) return undefined;
  if (some(a, (n) => n.kind === 'deriv' || n.kind === 'call') || some(b, (n) => n.kind === 'deriv' || n.kind === 'call')) return undefined;
  const v = proveRelation(a, strict ? '<' : '<=', b, productDomain([], []));
  if (v.verdict === 'undecided') return undefined;
  const what = `${toPlain(a)} ${strict ? '<' : '≤'} ${toPlain(b)}`;
  return v.verdict === 'proved'
    ? { verdict: 'proved', evidence: { method: 'simplify', summary: `both sides are numbers, compared exactly: ${what}` } }
    : { verdict: 'fails', evidence: { method: 'simplify', summary: `both sides are numbers, compared exactly: ${v.reason}` } };
}

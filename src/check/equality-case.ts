/**
 * The equality case of an inequality: "$\ln x \le x - 1$ for $x > 0$, with
 * equality if and only if $x = 1$" claims that the two sides are equal
 * exactly where x = 1. Without this the `x = 1` would read as a definition.
 * It is judged in two parts, at the `x = 1` math's own line:col:
 *
 * 1. At x = c the sides are equal: the inequality's sides with x := c (or,
 *    for `p = q` between two families, with q renamed to p) are judged as an
 *    equality by the ordinary judge (proved when it simplifies).
 * 2. Away from c the inequality is strict (only for "iff", "exactly when";
 *    "with equality for $x = 1$" claims part 1 alone): points of the domain with x ≠ c
 *    (p ≠ q) are sampled; one where the sides are equal is a counterexample.
 *    Sampled, so this part is at most `holds`.
 *
 * The verdict is `fails` when either part fails, otherwise the weaker of the
 * two. Only the phrases below are read; anything else is left to inline-math.ts.
 *
 *     equalityCase(ctx, seg)?.steps[0].verdict   // 'holds' for "with equality iff $x = 1$" after $\ln x \le x - 1$
 */
import type { Expr, Sym } from '../expr/node.js';
import { add, sym } from '../expr/build.js';
import { substitute } from '../expr/substitute.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp, symbolsOf } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { compile, createRng, EvaluationError, freeSymbols, relError } from '../numeric/index.js';
import { samplingPlan } from '../numeric/coverage.js';
import { needsIndexedMode } from '../numeric/indexed.js';
import { drawPoint } from '../numeric/sample.js';
import { lineCol, tryParseLatex } from '../parse/index.js';
import type { Relation } from '../parse/relation.js';
import { splitRelations } from '../parse/split-relations.js';
import type { ChainReport } from './document-report.js';
import type { MathContext } from './judge-math.js';
import { judgeStep } from './judge-step.js';
import type { Judgement, Verdict } from './judgement.js';
import { originalPoint, prepareStep } from './prepare-step.js';
import type { Segment } from './segments.js';

type MathSegment = Extract<Segment, { kind: 'math' }>;

/** Prose right before the math that announces an equality case. */
const EQUALITY_PHRASE = /\b(?:with\s+equality\s+(?:if\s+and\s+only\s+if|iff|exactly\s+when)|equality\s+holds\s+(?:if\s+and\s+only\s+(?:if|when)|only\s+(?:if|when)|iff|exactly\s+when))\s*(?:\$|\\\()?\s*$/i;
/** "with equality for $x = 1$", "equality holds at …": equality at the point only (part 1), no claim that it is strict elsewhere. */
const EQUALITY_AT = /\b(?:with\s+equality|equality\s+holds)\s+(?:for|when|at|if)\s*(?:\$|\\\()?\s*$/i;
const INEQUALITY: ReadonlySet<Relation> = new Set(['<=', '<', '>=', '>']);
/** Prose before inline math that makes it a condition, not the inequality whose equality case is stated. */
const CONDITION_BEFORE = /\b(?:for(?:\s+(?:every|all|each|any))?|when|whenever|where|if|with|provided(?:\s+that)?|assuming|let|given)\s*(?:\$|\\\()?\s*$/i;
/** Sampled points for part 2. */
const POINTS = 40;

interface Inequality {
  readonly lhs: Expr;
  readonly rhs: Expr;
}

/**
 * The equality case announced by the prose before `seg`, judged as one
 * inline claim; undefined when `seg` is not one (or its inequality is not
 * found or not read: then inline-math.ts reads it as before).
 */
export function equalityCase(ctx: MathContext, seg: MathSegment): ChainReport | undefined {
  if (seg.display) return undefined;
  const { source } = ctx.ledger;
  const prose = source.slice(Math.max(0, seg.offset - 80), seg.offset);
  const iff = EQUALITY_PHRASE.test(prose);
  if (!iff && !EQUALITY_AT.test(prose)) return undefined;
  const cond = conditionOf(seg.text);
  if (cond === undefined) return undefined;
  const ineq = inequalityBefore(ctx, seg);
  if (ineq === undefined) return undefined;
  const facts = ctx.ledger.activeAt(seg.offset).map((st) => st.fact);
  const { checker } = ctx;
  const seed = ctx.seed.next++;
  // Part 1: the sides at the equality case.
  const at = cond.kind !== 'families' ? (e: Expr): Expr => substitute(e, new Map([[symKey(cond.x), cond.c]])) : (e: Expr): Expr => renameFamily(e, cond.v, cond.u);
  const part1 = judgeStep(checker, at(ineq.lhs), '=', at(ineq.rhs), facts, { ...ctx.opts, seed });
  const where = cond.kind !== 'families' ? `${toPlain(cond.x)} = ${toPlain(cond.c)}` : `${cond.v} = ${cond.u}`;
  let judgement: Judgement;
  if (part1.verdict === 'fails' && cond.kind === 'families' && !interchangeable(ctx, ineq, cond, facts)) {
    // q := p put p where q's domain was: a failure may be at a point q could not take.
    judgement = { verdict: 'undecided', evidence: { method: 'none', summary: `at ${where} the sides differ (${part1.evidence.summary}), but ${cond.u} and ${cond.v} have different domains, so that point may not be one where ${where}` } };
  } else if (part1.verdict === 'fails') {
    judgement = { verdict: 'fails', evidence: { ...part1.evidence, summary: `at ${where} the sides of ${toPlain(ineq.lhs)} vs ${toPlain(ineq.rhs)} are not equal: ${part1.evidence.summary}` } };
  } else if (iff && cond.kind === 'substitution') {
    // Strict away from a = −b would need points off a curve: not sampled, so not claimed.
    judgement = { verdict: 'undecided', evidence: { method: 'none', summary: `equality case: at ${where} the sides are equal (${part1.verdict}: ${part1.evidence.summary}); that they differ everywhere else is not checked` } };
  } else if (!iff) {
    judgement = { verdict: part1.verdict, evidence: { ...part1.evidence, summary: `equality case: at ${where} the sides are equal (${part1.verdict}: ${part1.evidence.summary})` } };
  } else {
    const part2 = strictAway(ctx, ineq, cond, facts, seed);
    if (part2.verdict === 'fails') judgement = part2;
    else {
      const verdict = weaker(part1.verdict, part2.verdict);
      judgement = { verdict, evidence: { method: 'sampling', summary: `equality case: at ${where} the sides are equal (${part1.verdict}: ${part1.evidence.summary}); away from it ${part2.evidence.summary}` } };
    }
  }
  const lc = lineCol(source, seg.offset);
  const [lhs, rhs] = seg.text.split('=').map((s) => s.trim());
  return { line: lc.line, col: lc.col, inline: true, steps: [{ step: 1, line: lc.line, col: lc.col, lhs: lhs ?? '', rel: '=', rhs: rhs ?? '', verdict: judgement.verdict, evidence: judgement.evidence }] };
}

type Condition = { kind: 'point'; x: Sym; c: Expr } | { kind: 'families'; u: string; v: string } | { kind: 'substitution'; x: Sym; c: Expr };

/** `x = c` (c without free symbols), `x \in \{c\}`, or `p = q` between two plain names. */
function conditionOf(text: string): Condition | undefined {
  const set = /^\s*([^=]+?)\s*\\in\s*\\\{\s*([^,{}]+?)\s*\\\}\s*$/.exec(text);
  const parts = set !== null ? [set[1] as string, set[2] as string] : text.split('=');
  if (parts.length !== 2) return undefined;
  const x = tryParseLatex((parts[0] as string).trim());
  const c = tryParseLatex((parts[1] as string).trim());
  if (x?.kind !== 'sym' || c === undefined) return undefined;
  if (freeSymbols(c, [], true).length === 0) return { kind: 'point', x, c };
  if (c.kind === 'sym' && x.sub.length === 0 && c.sub.length === 0 && x.sup.length === 0 && c.sup.length === 0 && x.name !== c.name) return { kind: 'families', u: x.name, v: c.name };
  // "with equality for $a = -b$": the sides with a := −b (c without a in it).
  if (!freeSymbols(c, [], true).some((s) => symKey(s) === symKey(x))) return { kind: 'substitution', x, c };
  return undefined;
}

/** The single inequality of the inline math earlier in the sentence, or else of the last relation of the display just before. */
function inequalityBefore(ctx: MathContext, seg: MathSegment): Inequality | undefined {
  const segments = ctx.segments ?? [];
  const k = segments.indexOf(seg);
  const start = Math.max(ctx.ledger.source.lastIndexOf('. ', seg.offset), ctx.ledger.source.lastIndexOf('\n\n', seg.offset));
  for (let j = k - 1; j >= 0; j--) {
    const s = segments[j] as Segment;
    if (s.kind !== 'math') continue;
    if (!s.display && s.offset < start) return undefined;
    // "… for $x > 0$, with equality iff …": a condition of the claim is not the inequality.
    if (!s.display && CONDITION_BEFORE.test(ctx.ledger.source.slice(Math.max(0, s.offset - 40), s.offset))) continue;
    const found = lastInequality(s.text);
    if (found !== undefined) return s.display || found.single ? found : undefined;
    if (s.display) return undefined;
  }
  return undefined;
}

function lastInequality(text: string): (Inequality & { single: boolean }) | undefined {
  const chains = splitRelations(text);
  const c = chains[chains.length - 1];
  if (c === undefined || c.rels.length === 0) return undefined;
  const rel = c.rels[c.rels.length - 1]?.rel;
  if (rel === undefined || !INEQUALITY.has(rel)) return undefined;
  const lhs = tryParseLatex(c.sides[c.sides.length - 2]?.latex ?? '');
  const rhs = tryParseLatex(c.sides[c.sides.length - 1]?.latex ?? '');
  if (lhs === undefined || rhs === undefined) return undefined;
  return { lhs, rhs, single: chains.length === 1 && c.rels.length === 1 };
}

/** e with the family v (v_k, #v_k, …) renamed to u: the sides where q = p. */
function renameFamily(e: Expr, u: string, v: string): Expr {
  const table = new Map([[v, u], [`#${v}`, `#${u}`]]);
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'sym') return x;
    const to = table.get(x.name);
    return to === undefined ? x : sym(to, x.sub, x.sup);
  });
}

/** Do u and v have the same domain (exchanging them leaves the step's assumptions and reparametrisation as they are)? */
function interchangeable(ctx: MathContext, ineq: Inequality, cond: Extract<Condition, { kind: 'families' }>, facts: Parameters<typeof prepareStep>[3]): boolean {
  let p: ReturnType<typeof prepareStep>;
  try {
    p = prepareStep(ctx.checker.engine, ineq.lhs, ineq.rhs, facts);
  } catch {
    return false;
  }
  const names = new Map([[cond.u, cond.v], [cond.v, cond.u], [`#${cond.u}`, `#${cond.v}`], [`#${cond.v}`, `#${cond.u}`]]);
  const exchange = (e: Expr): Expr => mapBottomUp(e, (y) => (y.kind === 'sym' && names.has(y.name) ? sym(names.get(y.name) as string, y.sub, y.sup) : y));
  const keys = (rename: boolean): string =>
    p.assumptions
      .map((a) => `${symKey((rename ? exchange(a.sym) : a.sym) as Sym)}:${a.kind}:${a.kind === 'interval' ? `${a.lo}:${a.hi}:${a.integer === true}` : ''}`)
      .sort()
      .join('|');
  // The reparametrisation (simplex coordinates) must be exchanged into itself too, as in judge-inequality.ts equalitySet.
  const own = new Map(symbolsOf(add(p.symbolicLhs, p.symbolicRhs)).map((x) => [symKey(x), x]));
  const reparam = (rename: boolean): string =>
    [...p.reparam]
      .map(([k, e]) => (rename ? `${symKey(exchange(own.get(k) ?? sym(k)) as Sym)}=${exchange(e).hash}` : `${k}=${e.hash}`))
      .sort()
      .join('|');
  return keys(true) === keys(false) && reparam(true) === reparam(false);
}

/** Part 2: sampled points away from the equality case where the sides differ (at most `holds`), or a point where they are equal (`fails`). */
function strictAway(ctx: MathContext, ineq: Inequality, cond: Condition, facts: Parameters<typeof prepareStep>[3], seed: number): Judgement {
  const undecided = (why: string): Judgement => ({ verdict: 'undecided', evidence: { method: 'none', summary: `away from the equality case: ${why}` } });
  let p: ReturnType<typeof prepareStep>;
  try {
    p = prepareStep(ctx.checker.engine, ineq.lhs, ineq.rhs, facts);
  } catch {
    return undecided('the inequality could not be prepared for sampling');
  }
  const indexed = needsIndexedMode(p.lhs) || needsIndexedMode(p.rhs);
  const vars = freeSymbols(p.rhs, freeSymbols(p.lhs, [], indexed), indexed);
  let tried = 0;
  try {
    const f = compile(p.lhs, vars, { indexed });
    const g = compile(p.rhs, vars, { indexed });
    const plan = samplingPlan([p.lhs, p.rhs], vars, indexed, p.assumptions, false, seed);
    const rng = createRng(seed);
    const cValue = cond.kind === 'point' ? compile(cond.c, [], {})(new Float64Array(0)) : NaN;
    // p ≠ q at a point shows in the sides: with q renamed to p they take other values (a point where they do not is skipped).
    const fq = cond.kind === 'families' ? compile(renameFamily(p.lhs, cond.u, cond.v), vars, { indexed }) : f;
    const gq = cond.kind === 'families' ? compile(renameFamily(p.rhs, cond.u, cond.v), vars, { indexed }) : g;
    for (let n = 0; n < POINTS * 5 && tried < POINTS; n++) {
      const q = plan.sampler !== undefined ? plan.sampler(rng) : drawPoint(vars, plan.assumptions, rng);
      const point: Record<string, number> = {};
      vars.forEach((s, i) => (point[symKey(s)] = q[i] as number));
      const original = originalPoint(point, p);
      const x = f(q);
      const y = g(q);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (cond.kind === 'point' ? !away(original, cond, cValue) : relError(x, fq(q)) <= 1e-9 && relError(y, gq(q)) <= 1e-9) continue;
      tried++;
      if (relError(x, y) <= 1e-12) {
        const at = Object.entries(original).map(([k, v]) => `${k} = ${v}`).join(', ');
        return { verdict: 'fails', evidence: { method: 'search', summary: `the sides are equal at ${at}, away from the stated equality case, so equality does not hold only there`, point: original, lhsValue: x, rhsValue: y } };
      }
    }
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    return undecided(`not evaluable (${e.message})`);
  }
  if (tried < 5) return undecided(`only ${tried} sampled points of the domain were evaluable and told apart from it${cond.kind === 'families' ? ` (a point counts only where renaming ${cond.v} to ${cond.u} changes a side)` : ''}`);
  return { verdict: 'holds', evidence: { method: 'sampling', summary: `the sides differ at ${tried} sampled points (sampled, so at most holds)` } };
}

/** Is the sampled point (in the step's own symbols) away from x = c? An unknown coordinate counts as not away. */
function away(point: Readonly<Record<string, number>>, cond: Extract<Condition, { kind: 'point' }>, c: number): boolean {
  const v = point[symKey(cond.x)];
  return v !== undefined && Number.isFinite(c) && Math.abs(v - c) > 1e-6 * Math.max(1, Math.abs(c));
}

const ORDER: readonly Verdict[] = ['undecided', 'holds', 'proved'];

/** The weaker of two non-failing verdicts. */
function weaker(a: Verdict, b: Verdict): Verdict {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia < 0 || ib < 0) return 'undecided';
  return ORDER[Math.min(ia, ib)] as Verdict;
}

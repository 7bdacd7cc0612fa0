/**
 * Checking a computed named derivation independently of the rules that made
 * it: every step (and every part's start = result) is compared at random
 * points after unfolding the definitions and hypothesis instances, with
 * index ranges and sizes instantiated (see src/numeric/indexed.ts). Nothing
 * here trusts a rule, so a wrong step is reported at that step.
 *
 *     const v = verifyNamed(computeNamed(engine, spec));
 *     v.verdict   // 'holds'
 */
import type { Expr, Sym } from '../../expr/node.js';
import { some } from '../../expr/traverse.js';
import { equal } from '../../expr/equal.js';
import { checkEqualNumeric, type NumericVerdict } from '../../numeric/index.js';
import { needsIndexedMode } from '../../numeric/indexed.js';
import { nerdamerAgrees } from '../../numeric/nerdamer-bridge.js';
import type { Verdict } from '../../proof/verify.js';
import type { ComputedNamed, ComputedPart } from './compute.js';
import { definitionResolver, unfold } from './definitions.js';
import { substitute } from '../../expr/substitute.js';
import { symKey } from '../../expr/sym-key.js';
import { checkMatrixEqual, LoweringCache } from '../../matrix-check/check-matrix-equal.js';
import type { ShapeContext } from '../../matrix/shape.js';
import { lowerEntryCalls } from '../../matrix/lower.js';
import { checkChainRelation, freeVariableOf } from './matrix-chain.js';
import { DEFAULT_DETAIL, groupSteps, type Detail } from '../../proof/group-steps.js';
import { verifyLines, type LineCheck } from '../../proof/verify-lines.js';
import { joinBriefParts } from './brief-join.js';
import type { StepProof } from '../../proof/step-proof.js';
import { acEqual } from '../../proof/ac-key.js';
import type { IndexRange } from '../../proof/side-conditions.js';
import { stepProofs } from './step-proofs.js';
import { provedInPlace } from '../../proof/proved-in-place.js';
import type { Step } from '../../proof/step.js';
import { partIndexRanges } from './index-ranges.js';
import { openChainExpr } from './matrix-chain.js';
import { ExprInterner } from '../../expr/same-tree.js';

export interface VerifiedPart {
  readonly computed: ComputedPart;
  /** For a chain part: each step's check in words (the shapes and sizes it compared, or why it fails). */
  readonly stepTexts?: readonly string[];
  /** One check per step of the part's derivation, in order. */
  readonly steps: readonly NumericVerdict[];
  /**
   * One symbolic proof per step (src/proof/step-proof.ts), found independently
   * of the sampling: a step is shown proved only when its proof holds and its
   * sampling did not fail (a failing sample wins: a proved step that fails is a bug to report).
   */
  readonly proofs: readonly StepProof[];
  /** The part's start = result, checked directly. */
  readonly claim: NumericVerdict;
  /** The displayed lines at the chosen detail, a merged line checked as one step. */
  readonly lines: readonly LineCheck[];
  readonly verdict: Verdict;
  /** What made the verdict proved: every step's own proof, or nerdamer reducing start − result to 0. */
  readonly provedBy?: 'steps' | 'nerdamer';
}

/**
 * The fewest points at which the part's claim and each of its steps held:
 * what "every step holds at N random points" may say (0 when one did not hold).
 *
 *     everyStepPoints(part)   // 24
 */
export function everyStepPoints(p: VerifiedPart): number {
  return Math.min(...[p.claim, ...p.steps].map((v) => (v.verdict === 'holds' ? v.points : 0)));
}

export interface VerifiedNamed {
  readonly computed: ComputedNamed;
  readonly parts: readonly VerifiedPart[];
  /** failed if anything failed; undecided if anything was undecided or a part got stuck; proved only if every part was proved. */
  readonly verdict: Verdict;
  /** The first failing check: part index and step index (or 'result'). */
  readonly failure?: { readonly part: number; readonly step: number | 'result' };
  /** The detail the lines were grouped and checked at: printers show these lines. */
  readonly detail: Detail;
}

export interface NamedVerifyOptions {
  readonly points?: number;
  readonly seed?: number;
  /** How many lines the parts are shown in (src/proof/group-steps.ts); the merged lines are checked (default standard). */
  readonly detail?: Detail;
}

type Check = (before: Expr, after: Expr, line: number) => NumericVerdict;

/**
 * Each displayed line, a merged one checked as one step by the part's own
 * checker unless `provedBySteps` says its steps prove it (verify-lines.ts); a failing step ends its line.
 */
function lineChecks(p: ComputedPart, steps: readonly NumericVerdict[], detail: Detail, check: Check, provedBySteps?: (index: number) => boolean): LineCheck[] {
  const lines = groupSteps(p.derivation.steps, { detail, endsLine: (i) => steps[i]?.verdict === 'fails' });
  return verifyLines(lines, steps, check, provedBySteps);
}

function worst(vs: readonly NumericVerdict[]): Verdict {
  if (vs.some((v) => v.verdict === 'fails')) return 'fails';
  if (vs.some((v) => v.verdict === 'undecided')) return 'undecided';
  return 'holds';
}

/**
 * A matrix part: lhs = rhs compared entry by entry at several sizes
 * (src/matrix-check/check-matrix-equal.ts). Its matrices are free, so the
 * definitions do not apply; a failing entry is reported as a point whose
 * coordinates are the entry and the sizes.
 */
function verifyMatrixPart(p: ComputedPart, shapes: ShapeContext, seed: number, points: number, detail: Detail): VerifiedPart {
  const check = (lhs: Expr, rhs: Expr, k: number): NumericVerdict => {
    const v = checkMatrixEqual(lhs, rhs, shapes, { seed: seed + k, points: Math.max(2, Math.ceil(points / 6)) });
    if (v.verdict === 'holds') return { verdict: 'holds', points: v.points, maxRelError: v.maxRelError };
    if (v.verdict === 'undecided') return v;
    if (v.reason === 'entry') return { verdict: 'fails', point: { row: v.entry[0], column: v.entry[1], ...v.sizes }, lhs: v.lhs, rhs: v.rhs, relError: v.relError };
    // Different shapes are refused when the part is computed; this is a step changed after that.
    return { verdict: 'fails', point: {}, lhs: Number.NaN, rhs: Number.NaN, relError: Number.POSITIVE_INFINITY };
  };
  const d = p.derivation;
  const steps = d.steps.map((s, k) => check(s.redex, s.contractum, k + 1));
  // The usual single step is the claim itself: no need to sample it twice.
  const only = d.steps.length === 1 ? d.steps[0] : undefined;
  const same = only !== undefined && equal(only.redex, d.start) && equal(only.contractum, d.result);
  const claim = same && steps[0] !== undefined ? steps[0] : check(d.start, d.result, 0);
  const lines = lineChecks(p, steps, detail, (a, b, k) => check(a, b, 500 + k));
  const proofs = d.steps.map(() => NOT_ATTEMPTED_MATRIX);
  return { computed: p, steps, proofs, claim, lines, verdict: worst([claim, ...steps, ...lines.map((l) => l.verdict)]) };
}

/**
 * A chain part: each step compared entry by entry (matrix-chain.ts), with the
 * results of the chain parts before it standing for the derivatives they
 * started from; a step already known not to fit its shapes fails.
 */
function verifyChainPart(c: ComputedNamed, p: ComputedPart, index: number, seed: number, points: number, detail: Detail): VerifiedPart {
  const chain = p.chain as NonNullable<ComputedPart['chain']>;
  const known = c.parts.slice(0, index).flatMap((q) => (q.chain !== undefined ? [{ start: q.derivation.start, result: q.derivation.result }] : []));
  const free = freeVariableOf(p.derivation.start, chain.context);
  const per = Math.max(2, Math.ceil(points / 12));
  // A step's right side is the next one's left: each side is written out once at each size.
  const lowerings = new LoweringCache();
  // The recorded steps are what is checked (a step changed after computing is checked as changed); the chain adds only the shape problems found while reading.
  const checks = p.derivation.steps.map((s, k) => {
    const problem = chain.steps[k]?.problem;
    if (problem !== undefined) return { verdict: { verdict: 'fails', point: {}, lhs: Number.NaN, rhs: Number.NaN, relError: Number.POSITIVE_INFINITY } as NumericVerdict, text: `the shapes do not fit: ${problem}` };
    return checkChainRelation(s.redex, s.contractum, chain.context, known, free, seed + k + 1, per, lowerings);
  });
  const steps = checks.map((x) => x.verdict);
  // start = result is the chain of the steps' equalities: it holds when they all do, and is not sampled again.
  // Its count is the fewest points any step held at ("every step holds at N"), not their sum: no step was checked at the sum.
  const failedStep = steps.find((x) => x.verdict !== 'holds');
  const sampled = steps.length === 0 ? 0 : Math.min(...steps.map((x) => (x.verdict === 'holds' ? x.points : 0)));
  const maxRelError = steps.reduce((m, x) => Math.max(m, x.verdict === 'holds' ? x.maxRelError : 0), 0);
  const claim: NumericVerdict = failedStep ?? { verdict: 'holds', points: sampled, maxRelError };
  const lines = lineChecks(p, steps, detail, (a, b, k) => checkChainRelation(a, b, chain.context, known, free, seed + 500 + k, per, lowerings).verdict);
  const proofs = p.derivation.steps.map((s, k) => (chain.steps[k]?.problem !== undefined ? NOT_ATTEMPTED_MATRIX : chainProof(s.redex, s.contractum, (e) => openChainExpr(e, chain.context, known, free))));
  const checked = worst([claim, ...steps, ...lines.map((l) => l.verdict)]);
  const byDefinitions = checked === 'holds' && allProved(proofs);
  return { computed: p, steps, proofs, claim, lines, verdict: byDefinitions ? 'proved' : checked, ...(byDefinitions ? { provedBy: 'steps' as const } : {}), stepTexts: checks.map((x) => x.text) };
}

const NOT_ATTEMPTED_MATRIX: StepProof = { proved: false, reason: 'a matrix identity: checked entry by entry, not proved symbolically' };

/**
 * A chain step is proved when both sides are the same expression once the
 * matrix definitions and the earlier parts' results are put in (a forward
 * pass written out, "δ as derived above"); a step citing a law of
 * rules/backprop.identities is checked entry by entry only.
 */
function chainProof(before: Expr, after: Expr, open: (e: Expr) => Expr | { readonly undecided: string }): StepProof {
  const [a, b] = [open(before), open(after)];
  if ('undecided' in a || 'undecided' in b) return { proved: false, reason: 'a quantity could not be written out' };
  const used = !equal(a, before) || !equal(b, after);
  return used && acEqual(a, b) ? { proved: true, by: 'the definitions and earlier results, written out' } : NOT_ATTEMPTED_MATRIX;
}

/** Every step proved and every check passing: the part's start = result is proved, step by step. */
function allProved(proofs: readonly StepProof[]): boolean {
  return proofs.length > 0 && proofs.every((x) => x.proved);
}

function verifyPart(c: ComputedNamed, p: ComputedPart, index: number, opts: NamedVerifyOptions, ranges: readonly IndexRange[]): VerifiedPart {
  const points = opts.points ?? 24;
  const seed = (opts.seed ?? 1) + 1000 * index;
  const detail = opts.detail ?? DEFAULT_DETAIL;
  if (p.chain !== undefined) return verifyChainPart(c, p, index, seed, points, detail);
  if (p.shapes !== undefined) return verifyMatrixPart(p, p.shapes, seed, points, detail);
  // A part that differentiates with respect to a defined symbol (dL/ds with
  // s = b + Σ w_i x_i) treats that symbol as a variable of its own there.
  const wrts: Sym[] = [];
  for (const e of [p.derivation.start, ...p.derivation.steps.flatMap((s) => [s.redex, s.contractum])]) {
    some(e, (x) => (x.kind === 'deriv' && wrts.push(x.wrt), false));
  }
  const defs = [...p.unfoldings, ...c.unfoldings].filter((d) => !wrts.some((w) => w.name === d.head.name && w.sub.length === d.head.sub.length && w.sup.length === d.head.sup.length));
  const shapes = p.entryShapes;
  // Written out once per expression: the steps' checks, their proofs and the lines open the same terms.
  const opened = new Map<Expr, Expr>();
  // And interned across them (the same trees, node for node): a subtree that several steps hold is one object,
  // so what the checker remembers of a node object (its constants, the sharing in a derivative) serves them all.
  const interner = new ExprInterner();
  const open = (e: Expr): Expr => {
    let out = opened.get(e);
    if (out === undefined) {
      out = interner.intern(unfold(shapes === undefined ? e : lowerEntryCalls(e, shapes), defs));
      opened.set(e, out);
    }
    return out;
  };
  const steps = p.derivation.steps.map((s, i) => checkEqualNumeric(open(s.redex), open(s.contractum), { points, seed: seed + i + 1 }));
  // A solve part's result is its model with the solution put in.
  const solved = p.solution === undefined ? p.derivation.start : substitute(p.derivation.start, new Map(p.solution.map((s) => [symKey(s.unknown), s.value])));
  const start = open(solved);
  const result = open(p.derivation.result);
  const claim = checkEqualNumeric(start, result, { points, seed });
  const own = new Set(c.ownRules.map((r) => r.id));
  const proofs = stepProofs(c.library, own, p, open, ranges, definitionResolver(defs));
  // A line of steps each proved in place is proved by them (a solve part's steps are equations, not rewrites of one expression).
  const inPlace = (i: number): boolean => p.solution === undefined && provedInPlace(p.derivation.steps[i] as Step, proofs[i], ranges);
  const lines = lineChecks(p, steps, detail, (a, b, k) => checkEqualNumeric(open(a), open(b), { points, seed: seed + 500 + k }), inPlace);
  let verdict = worst([claim, ...steps, ...lines.map((l) => l.verdict)]);
  if (p.derivation.stop !== 'normal-form' && verdict !== 'fails') verdict = 'undecided';
  // A solve part's claim is its model at the solution, not the chain of its steps.
  let provedBy: VerifiedPart['provedBy'];
  if (verdict === 'holds' && p.solution === undefined && allProved(proofs)) [verdict, provedBy] = ['proved', 'steps'];
  // A second engine may upgrade a passing scalar check to proved; sums and
  // indices are beyond it, so those stay numeric.
  if (verdict === 'holds' && !needsIndexedMode(start) && !needsIndexedMode(result) && nerdamerAgrees(start, result) === true) [verdict, provedBy] = ['proved', 'nerdamer'];
  return { computed: p, steps, proofs, claim, lines, verdict, ...(provedBy !== undefined ? { provedBy } : {}) };
}

export function verifyNamed(c: ComputedNamed, opts: NamedVerifyOptions = {}): VerifiedNamed {
  // At brief, parts marked `brief: join` are shown (and checked) as lines of the part before them.
  const shown = (opts.detail ?? DEFAULT_DETAIL) === 'brief' ? joinBriefParts(c) : c;
  const ranges = partIndexRanges(shown.parts, shown.unfoldings);
  const parts = shown.parts.map((p, i) => verifyPart(shown, p, i, opts, ranges[i] ?? []));
  const vs = parts.map((p) => p.verdict);
  const verdict: Verdict = vs.includes('fails') ? 'fails' : vs.includes('undecided') ? 'undecided' : vs.every((v) => v === 'proved') ? 'proved' : 'holds';
  let failure: VerifiedNamed['failure'];
  parts.forEach((p, part) => {
    if (failure !== undefined) return;
    const step = p.steps.findIndex((s) => s.verdict === 'fails');
    const line = p.lines.find((l) => l.verdict.verdict === 'fails');
    if (step >= 0) failure = { part, step };
    else if (line !== undefined) failure = { part, step: line.to };
    else if (p.claim.verdict === 'fails') failure = { part, step: 'result' };
  });
  return { computed: c, parts, verdict, ...(failure !== undefined ? { failure } : {}), detail: opts.detail ?? DEFAULT_DETAIL };
}

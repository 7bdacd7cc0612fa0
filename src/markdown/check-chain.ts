/**
 * Verifying a chain `a = b = c …` written in LaTeX: each consecutive pair is
 * judged on its own (a = b, then b = c) at seeded random points, so a wrong
 * step is pinned to the line that introduced it rather than to the chain as
 * a whole. A derivative written as \frac{d}{dx} is evaluated by finite
 * differences, so `\frac{d}{dx}\sigma(x) = \sigma(x)(1-\sigma(x))` is a
 * checkable claim.
 *
 *     checkChain('x^2 - 1 = (x-1)(x+1) = x^2 + 1').problems[0].reason
 *     // 'this step does not hold: (x-1)(x+1) ≠ x^2 + 1 at x = …'
 */
import type { Expr } from '../expr/node.js';
import { checkEqualNumeric, type NumericVerdict } from '../numeric/index.js';
import { ParseError, parseLatex } from '../parse/index.js';
import { splitChain, type ChainSide } from './split-chain.js';
import { judgeShaped } from '../check/judge-shaped.js';
import { mentionsShaped } from '../matrix/mentions-shaped.js';
import type { ShapeContext } from '../matrix/shape.js';

/** A problem found in the chain, at offsets into the block's text. */
export interface ChainProblem {
  readonly kind: 'failed' | 'parse' | 'undecided' | 'no-chain';
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

export interface ChainReport {
  readonly sides: readonly ChainSide[];
  /** 'failed' if any step failed or a side could not be read; 'undecided' if one could not be judged. */
  readonly verdict: 'numeric' | 'failed' | 'undecided';
  readonly points: number;
  readonly problems: readonly ChainProblem[];
}

export interface ChainOptions {
  readonly points?: number;
  readonly seed?: number;
  /** Shapes of vectors and matrices: a step on shaped names is judged entry by entry under them (judge-shaped.ts). */
  readonly shapes?: ShapeContext;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

function describe(v: Extract<NumericVerdict, { verdict: 'failed' }>, lhs: ChainSide, rhs: ChainSide): string {
  const point = Object.entries(v.point)
    .map(([k, x]) => `${k} = ${fmt(x)}`)
    .join(', ');
  const at = point === '' ? '' : ` at ${point}`;
  return `this step does not hold: ${lhs.latex} ≠ ${rhs.latex}${at} (${fmt(v.lhs)} vs ${fmt(v.rhs)})`;
}

function parseSide(side: ChainSide): Expr | ChainProblem {
  if (side.latex === '') return { kind: 'parse', reason: 'an `=` with nothing on one side: write an expression there or remove the `=`', start: side.start, end: side.end };
  try {
    return parseLatex(side.latex);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const start = side.start + e.span.start;
    return { kind: 'parse', reason: `cannot read this as math: ${e.message}`, start, end: Math.max(start + 1, side.start + e.span.end) };
  }
}

function isProblem(x: Expr | ChainProblem): x is ChainProblem {
  return 'reason' in x;
}

/** Checks every `=` of the block; problems are reported at the right-hand side of the failing step. */
export function checkChain(block: string, opts: ChainOptions = {}): ChainReport {
  const sides = splitChain(block);
  if (sides.length < 2) {
    const only = sides[0];
    return {
      sides,
      verdict: 'failed',
      points: 0,
      problems: [{ kind: 'no-chain', reason: 'nothing to check: write a chain such as `a = b = c` (one `=` at least)', start: only?.start ?? 0, end: only?.end ?? 0 }],
    };
  }
  const parsed = sides.map(parseSide);
  const problems: ChainProblem[] = parsed.filter(isProblem);
  let points = Infinity;
  for (let i = 0; i + 1 < sides.length; i++) {
    const a = parsed[i];
    const b = parsed[i + 1];
    const lhs = sides[i];
    const rhs = sides[i + 1];
    if (a === undefined || b === undefined || lhs === undefined || rhs === undefined || isProblem(a) || isProblem(b)) continue;
    if (opts.shapes !== undefined && mentionsShaped([a, b], opts.shapes)) {
      let j;
      try {
        j = judgeShaped(lhs.latex, '=', rhs.latex, opts.shapes, { syntax: 'latex', points: opts.points ?? 4, seed: (opts.seed ?? 1) + i });
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        j = { verdict: 'undecided' as const, evidence: { summary: e.message } };
      }
      if (j.verdict === 'fails') problems.push({ kind: 'failed', reason: `this step does not hold: ${lhs.latex} ≠ ${rhs.latex}: ${j.evidence.summary}`, start: rhs.start, end: rhs.end });
      else if (j.verdict === 'undecided') problems.push({ kind: 'undecided', reason: `this step could not be checked: ${j.evidence.summary}`, start: rhs.start, end: rhs.end });
      else points = Math.min(points, j.evidence.points ?? 0);
      continue;
    }
    const v = checkEqualNumeric(a, b, { points: opts.points ?? 24, seed: (opts.seed ?? 1) + i });
    if (v.verdict === 'failed') problems.push({ kind: 'failed', reason: describe(v, lhs, rhs), start: rhs.start, end: rhs.end });
    else if (v.verdict === 'undecided') problems.push({ kind: 'undecided', reason: `this step could not be checked: ${v.reason}`, start: rhs.start, end: rhs.end });
    else points = Math.min(points, v.points);
  }
  problems.sort((p, q) => p.start - q.start);
  const verdict = problems.some((p) => p.kind !== 'undecided') ? 'failed' : problems.length > 0 ? 'undecided' : 'numeric';
  return { sides, verdict, points: Number.isFinite(points) ? points : 0, problems };
}

/**
 * The JSON of a named derivation follows the `gradtex diff` contract: a
 * `result` in plain syntax, `latex`, `steps` with rule ids and per-step
 * verdicts, `verification` and `stop`, plus the parts they came from.
 *
 *     namedToJson(verifyNamed(computeNamed(engine, spec))).steps[0].rule   // 'd.reciprocal-one'
 */
import type { Expr } from '../../expr/node.js';
import { symKey } from '../../expr/sym-key.js';
import { pathToString } from '../../expr/path.js';
import type { NumericVerdict } from '../../numeric/index.js';
import type { StopReason } from '../../proof/stop-reason.js';
import type { Verdict } from '../../proof/verify.js';
import { latexPrinter, noteToPlain, plainPrinter, toPlain } from '../../render/index.js';
import type { LineJson, StepJson } from '../diff-result.js';
import { groupSteps, type Detail } from '../../proof/group-steps.js';
import type { VerifiedNamed, VerifiedPart } from './verify.js';
import { diffJsonVerdict, type DiffJsonVerdict } from '../diff-result.js';

export interface NamedStepJson extends StepJson {
  /** The id of the part this step belongs to. */
  readonly part: string;
  /** A chain step: its rule's justification as a textbook writes it (LaTeX), and its check in words (sizes compared, or why it fails). */
  readonly justification?: string;
  readonly check?: string;
  /** How the step was proved symbolically ("an instance of d.sum"), or why it was not (it then keeps its numeric verdict). */
  readonly proof?: string;
}

export interface NamedPartJson {
  readonly id: string;
  readonly title: string;
  readonly kind: 'differentiate' | 'rewrite' | 'claim' | 'solve' | 'matrix' | 'chain';
  readonly case?: string;
  /** For a solve part: each unknown's exact value, in plain syntax. */
  readonly solution?: Readonly<Record<string, string>>;
  readonly start: string;
  readonly result: string;
  readonly latex: string;
  readonly steps: readonly NamedStepJson[];
  /** The displayed lines at the derivation's detail (steps [first, last] of this part), each checked as one step. */
  readonly lines: readonly LineJson[];
  readonly verification: { readonly verdict: DiffJsonVerdict; readonly points: number; readonly maxRelError: number | null; readonly failure?: FailureJson };
  readonly stop: StopReason;
}

interface FailureJson {
  readonly step: number | 'result';
  readonly point: Record<string, number>;
  readonly lhs: number;
  readonly rhs: number;
}

export interface NamedJson {
  readonly name: string;
  readonly input: string;
  readonly title: string;
  readonly statement: string;
  readonly definitions: readonly { readonly define: string; readonly text: string }[];
  readonly hypotheses: readonly string[];
  readonly result: string;
  readonly latex: string;
  readonly steps: readonly NamedStepJson[];
  readonly parts: readonly NamedPartJson[];
  /** brief, standard or full: the lines of each part (src/proof/group-steps.ts). */
  readonly detail: Detail;
  readonly verification: { readonly verdict: DiffJsonVerdict; readonly points: number; readonly maxRelError: number | null; readonly failure?: { readonly part: string; readonly step: number | 'result' } };
  readonly stop: StopReason;
  /** Unique notes of all steps (conditions such as "assuming y_i > 0"), in order. */
  readonly notes: readonly string[];
  /** Time to compute and verify, when the caller measured it. */
  readonly ms?: number;
}

function failureOf(p: VerifiedPart): FailureJson | undefined {
  const i = p.steps.findIndex((s) => s.verdict === 'fails');
  const v: NumericVerdict | undefined = i >= 0 ? p.steps[i] : p.claim;
  if (v === undefined || v.verdict !== 'fails') return undefined;
  return { step: i >= 0 ? i : 'result', point: v.point, lhs: v.lhs, rhs: v.rhs };
}

/**
 * A step's verdict: its sampling's, raised to proved when its symbolic proof
 * holds; a failing sample is never raised (it is then a bug to report).
 */
export function stepVerdict(p: VerifiedPart, i: number): Verdict | undefined {
  const v = p.steps[i];
  if (v === undefined) return undefined;
  return v.verdict === 'holds' && p.proofs[i]?.proved === true ? 'proved' : v.verdict;
}

/** A merged line is proved when each rewrite in it is and its own check holds. */
function lineVerdict(p: VerifiedPart, v: NumericVerdict, from: number, to: number): Verdict {
  if (v.verdict !== 'holds') return v.verdict;
  for (let i = from; i <= to; i++) if (stepVerdict(p, i) !== 'proved') return 'holds';
  return 'proved';
}

/**
 * Plain text and LaTeX of expressions, each printed once: a step's `after` is
 * the next step's `before` and the last step's of its line (pure functions of
 * the tree, so the strings are those printing again would give).
 */
interface Printer {
  readonly plain: (e: Expr) => string;
  readonly latex: (e: Expr) => string;
}

function printer(): Printer {
  // Every node, not only every whole expression: the steps share most of their subtrees.
  return { plain: plainPrinter(), latex: latexPrinter() };
}

function partLines(p: VerifiedPart, detail: Detail, print: Printer): LineJson[] {
  const checks = new Map(p.lines.map((l) => [l.from, l.verdict]));
  return groupSteps(p.computed.derivation.steps, { detail, endsLine: (i) => p.steps[i]?.verdict === 'fails' }).map((l) => {
    const from = l.steps[0]?.index ?? 0;
    const to = l.steps[l.steps.length - 1]?.index ?? from;
    const v = checks.get(from);
    return { steps: [from, to] as const, titles: l.titles, after: print.plain(l.after), latex: print.latex(l.after), ...(v !== undefined ? { verdict: diffJsonVerdict(lineVerdict(p, v, from, to)) } : {}) };
  });
}

function partJson(p: VerifiedPart, detail: Detail, print: Printer): NamedPartJson {
  const c = p.computed;
  const steps = c.derivation.steps.map((s, i) => {
    const v = stepVerdict(p, i);
    const proof = p.proofs[i];
    return {
      part: c.part.id,
      rule: s.rule,
      name: s.title,
      before: print.plain(s.before),
      after: print.plain(s.after),
      latex: print.latex(s.after),
      where: pathToString(s.path),
      notes: s.notes.map(noteToPlain),
      ...(v !== undefined ? { verdict: diffJsonVerdict(v) } : {}),
      ...(proof !== undefined ? { proof: proof.proved ? `proved: ${proof.by}` : `not proved: ${proof.reason}` } : {}),
      ...(c.chain?.steps[i] !== undefined && c.chain.steps[i].latex !== '' ? { justification: c.chain.steps[i].latex } : {}),
      ...(p.stepTexts?.[i] !== undefined ? { check: p.stepTexts[i] } : {}),
    };
  });
  const failure = failureOf(p);
  return {
    id: c.part.id,
    title: c.part.title,
    kind: c.part.kind,
    ...(c.caseText !== undefined ? { case: c.caseText } : {}),
    ...(c.solution !== undefined ? { solution: Object.fromEntries(c.solution.map((u) => [symKey(u.unknown), toPlain(u.value)])) } : {}),
    start: print.plain(c.lhs),
    result: print.plain(c.derivation.result),
    latex: print.latex(c.derivation.result),
    steps,
    lines: partLines(p, detail, print),
    verification: {
      verdict: diffJsonVerdict(p.verdict),
      points: p.claim.verdict === 'holds' ? p.claim.points : 0,
      maxRelError: p.claim.verdict === 'holds' ? p.claim.maxRelError : null,
      ...(failure !== undefined ? { failure } : {}),
    },
    stop: c.derivation.stop,
  };
}

/** The answer: the result of the part the spec names as `answer`, else of the last part. */
export function answerOf(v: VerifiedNamed): Expr | undefined {
  const parts = v.computed.parts;
  const named = parts.find((p) => p.part.id === v.computed.spec.answer);
  return (named ?? parts[parts.length - 1])?.derivation.result;
}

export function namedToJson(v: VerifiedNamed, ms?: number): NamedJson {
  const spec = v.computed.spec;
  const print = printer();
  const parts = v.parts.map((p) => partJson(p, v.detail, print));
  const answer = answerOf(v);
  const numericParts = v.parts.filter((p) => p.claim.verdict === 'holds');
  const stop = v.computed.parts.map((p) => p.derivation.stop).find((s) => s !== 'normal-form') ?? 'normal-form';
  return {
    name: spec.name,
    input: spec.name,
    title: spec.title,
    statement: spec.statement,
    definitions: spec.definitions.map((d) => ({ define: d.define, text: d.text })),
    hypotheses: spec.hypotheses.map((h) => h.text),
    result: answer === undefined ? '' : print.plain(answer),
    latex: answer === undefined ? '' : print.latex(answer),
    steps: parts.flatMap((p) => p.steps),
    parts,
    detail: v.detail,
    verification: {
      verdict: diffJsonVerdict(v.verdict),
      points: numericParts.reduce((n, p) => n + (p.claim.verdict === 'holds' ? p.claim.points : 0), 0),
      maxRelError: numericParts.length === 0 ? null : Math.max(...numericParts.map((p) => (p.claim.verdict === 'holds' ? p.claim.maxRelError : 0))),
      ...(v.failure !== undefined ? { failure: { part: v.computed.parts[v.failure.part]?.part.id ?? '', step: v.failure.step } } : {}),
    },
    stop,
    notes: [...new Set(v.computed.parts.flatMap((p) => p.derivation.steps.flatMap((st) => st.notes.map(noteToPlain))))],
    ...(ms !== undefined ? { ms: Math.round(ms * 1000) / 1000 } : {}),
  };
}

/**
 * Checking a whole document: extract the math, then walk it in document
 * order. Display math is judged step by step; inline math is a premise (its
 * facts are stated) or a claim judged like a display step (inline-math.ts
 * has the rule); math gradtex skips on purpose is listed as not read. Every
 * relation found ends up in exactly one place of the report: a judged step,
 * a definition, a premise, or a not-read entry with its reason and
 * line:col (document-report.ts). Facts hold where fact-ledger.ts says.
 * Facts that leave a symbol no value (`0 < x < 0`, `x > 1` and later
 * `x < 0` in scope) and environments never closed are a DocumentError at
 * their line:col; apart from that nothing here throws on what the user
 * wrote.
 *
 *     checkDocument(checker, '$x > 0$\n\n$$\\ln x \\le x - 1$$\n', 'markdown').chains[0].steps[0].verdict   // 'proved'
 */
import { isIndexLetter } from './index-conditions.js';
import { wordedConditions } from './worded-conditions.js';
import { lineCol } from '../parse/index.js';
import type { ChainReport, DocumentReport, NotRead, Premise } from './document-report.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractPlain } from './extract-plain.js';
import { extractTex } from './extract-tex.js';
import { createLedger } from './fact-ledger.js';
import type { Fact } from './facts.js';
import { equalityCase } from './equality-case.js';
import { proseCases, type ProseCases } from './prose-cases.js';
import { readInline, stateTrailingConditions } from './inline-math.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeMath, type MathContext } from './judge-math.js';
import type { Checker } from './judge-step.js';
import { documentScopes } from './scopes.js';
import { noteBlockShapes } from './block-shapes.js';
import { documentRanges } from './sum-ranges.js';
import { impliedFamilyShapes } from './family-shapes.js';
import { impliedNormShapes, impliedProductShapes, readDocumentShapes, readMatrixProperties } from './shape-facts.js';
import type { ShapeContext } from '../matrix/shape.js';
import type { Segment } from './segments.js';

export type { ChainReport, DocumentReport, FactUse, NotRead, Premise, StepReport } from './document-report.js';
export { DocumentError } from './document-error.js';
export { factsAbout } from './fact-ledger.js';

/** Markdown, LaTeX, or plain text (one relation a line). */
export type DocumentKind = 'markdown' | 'tex' | 'text';

export interface DocumentOptions extends JudgeOptions {
  /** Facts given on the command line, in addition to the document's. */
  readonly facts?: readonly Fact[];
  /** Shapes given on the command line (`--shape`); the document's own statements (W \in \mathbb{R}^{m \times n}) take over where they are made. */
  readonly shapes?: ShapeContext;
}

function segmentsOf(source: string, kind: DocumentKind): Segment[] {
  return kind === 'markdown' ? extractMarkdown(source) : kind === 'tex' ? extractTex(source) : extractPlain(source);
}

type MathSegment = Extract<Segment, { kind: 'math' }>;

export function checkDocument(checker: Checker, original: string, kind: DocumentKind, options: DocumentOptions = {}): DocumentReport {
  // A `shapes:` line in a ```check block declares shapes for the note (blanked, positions kept).
  const noted = kind === 'markdown' ? noteBlockShapes(original, options.shapes) : undefined;
  const source = noted?.source ?? original;
  const opts: DocumentOptions = noted === undefined || noted.shapes.size === 0 ? options : { ...options, shapes: noted.shapes };
  const segments = segmentsOf(source, kind);
  const scopes = documentScopes(source, kind === 'tex' ? 'tex' : 'markdown', segments);
  const ledger = createLedger(source, scopes, opts.facts ?? []);
  // "When all scores are equal, $p_k = \frac{1}{K}$": a condition in words the claims of its sentence rest on.
  ledger.unread.push(...wordedConditions(source));
  const notRead: NotRead[] = [];
  const premises: Premise[] = [];
  const chains: ChainReport[] = [];
  const statedShapes = readDocumentShapes(source, segments, scopes);
  const products = [...statedShapes, ...impliedProductShapes(source, segments, statedShapes, opts.shapes)];
  const byProducts = [...products, ...impliedFamilyShapes(source, segments, products)];
  const shapes = { stated: [...byProducts, ...impliedNormShapes(source, segments, byProducts, opts.shapes)], properties: readMatrixProperties(source, scopes, segments), ...(opts.shapes !== undefined ? { command: opts.shapes } : {}) };
  const ctx: MathContext = { checker, ledger, opts, seed: { next: opts.seed ?? 1 }, notRead, shapes, segments, ranges: documentRanges(source, segments, shapes.stated) };
  /** Inline math read already (prose math inside a display, read when the display reaches it). */
  const done = new Set<Segment>();
  const index = new Map(segments.map((s, k) => [s, k]));
  /** The segments after the k-th that start before `end` (extraction gives them in document order). */
  const within = (k: number, end: number): Segment[] => {
    const out: Segment[] = [];
    for (let j = k + 1; j < segments.length && (segments[j] as Segment).offset < end; j++) out.push(segments[j] as Segment);
    return out;
  };
  const inline = (seg: MathSegment): void => {
    done.add(seg);
    // "Let $g(x) = x^2$ for $x > 0$ and $g(x) = -x^2$ otherwise": one definition by cases (prose-cases.ts).
    const pieces = proseCases(source, segments, index.get(seg) ?? -1);
    if (pieces !== undefined) return definePiecewise(ctx, chains, premises, pieces, done);
    // "… with equality iff $x = 1$": the equality case of the inequality before it, a claim (not a definition of x).
    const equality = equalityCase(ctx, seg);
    if (equality !== undefined) return void chains.push(equality);
    const how = readInline(ctx, premises, seg);
    if (how === 'claim' || how === 'premise-claim') stateTrailingConditions(ctx, seg, within(index.get(seg) ?? segments.length, scopes.sentenceEnd(seg)));
    if (how === 'claim') chains.push(...judgeMath(ctx, seg, true));
    else if (how === 'premise-claim') chains.push(...judgeMath({ ...ctx, premise: true }, seg, true));
  };
  segments.forEach((seg, i) => {
    if (done.has(seg)) return;
    switch (seg.kind) {
      case 'assume':
        for (const f of ledger.read(seg.text, seg.offset, { strict: true, definitions: true })) ledger.state(f, seg.offset, scopes.sectionEnd(seg.offset));
        return;
      case 'skipped': {
        const lc = lineCol(source, seg.offset);
        notRead.push({ line: lc.line, col: lc.col, latex: seg.text, reason: seg.reason });
        return;
      }
      case 'math': {
        if (!seg.display) return inline(seg);
        // `\intertext{for $x > 0$}` between display lines: read when the display reaches it.
        const end = seg.offset + seg.text.length;
        const embedded = within(i, end).filter((s): s is MathSegment => s.kind === 'math' && !s.display);
        const before = (offset: number): void => {
          for (const e of embedded) if (e.offset < offset && !done.has(e)) inline(e);
        };
        // "$$|s| = s$$ for $s > 0$.": a condition after the display in its sentence (same paragraph) holds for it.
        const paragraph = Math.min(scopes.sentenceEnd(seg), ledger.paragraphEnd(end));
        // Only a domain (x > 0, 0 < p < 1): "with equality for $x = 1$" names a point, not the display's domain.
        // ("$$\frac{\partial p_i}{\partial z_j} = -p_i p_j$$ for $i \neq j$": an index condition is a domain of the indices.)
        // (And "for $i = j$" between index letters: the case i = j, as before a display; a value "for $x = 1$" is no domain.)
        const domain = (f: Fact): boolean => f.kind === 'sign' || (f.kind === 'interval' && f.lo < f.hi) || f.kind === 'index-relation' || (f.kind === 'define' && isIndexLetter(f.sym) && isIndexLetter(f.value));
        // (Up to the next display: "$$a$$ for $x > 0$, and $$b$$ for $x < 0$" gives each its own.)
        const after = within(i, paragraph).filter((s) => s.offset >= end);
        const next = after.findIndex((s) => s.kind === 'math' && s.display);
        stateTrailingConditions(ctx, seg, next < 0 ? after : after.slice(0, next), domain);
        chains.push(...judgeMath({ ...ctx, before }, seg, false));
        before(end);
        return;
      }
    }
  });
  const order = (a: { line: number; col: number }, b: { line: number; col: number }): number => a.line - b.line || a.col - b.col;
  return { chains: chains.sort(order), premises, notRead: notRead.sort(order) };
}

/**
 * A definition by cases written in prose: judged (read as a definition, or not read with the reader's reason) as one
 * math at the first piece; the second piece reported as the same definition, and the conditions as what they are.
 */
function definePiecewise(ctx: MathContext, chains: ChainReport[], premises: Premise[], pc: ProseCases, done: Set<Segment>): void {
  for (const p of pc.pieces) done.add(p);
  const judged = judgeMath(ctx, pc.synthetic, true);
  chains.push(...judged);
  const source = ctx.ledger.source;
  const defined = judged.some((c) => c.steps.some((s) => s.verdict === 'definition'));
  const eq = pc.second.text.indexOf('=');
  const rhsAt = pc.second.offset + eq + 1 + (pc.second.text.slice(eq + 1).length - pc.second.text.slice(eq + 1).trimStart().length);
  const at = lineCol(source, rhsAt);
  const first = lineCol(source, pc.synthetic.offset);
  const [lhs, rhs] = [pc.second.text.slice(0, eq).trim(), pc.second.text.slice(eq + 1).trim()];
  if (defined) {
    const summary = `the second piece of the definition by cases at line ${first.line}`;
    chains.push({ line: at.line, col: at.col, inline: true, steps: [{ step: 1, line: at.line, col: at.col, lhs, rel: '=', rhs, verdict: 'definition', evidence: { method: 'definition', summary } }] });
  } else {
    ctx.notRead.push({ line: at.line, col: at.col, latex: pc.second.text.trim(), reason: `the second piece of the definition by cases at line ${first.line}, which could not be read` });
  }
  for (const c of pc.pieces.filter((p) => p !== pc.synthetic && p !== pc.second && p.offset !== pc.synthetic.offset)) {
    const lc = lineCol(source, c.offset);
    premises.push({ line: lc.line, col: lc.col, latex: c.text.trim(), kind: 'assumption', summary: `the condition of a piece of the definition by cases at line ${first.line}` });
  }
}

/** The kind of a file from its name: .tex/.ltx are LaTeX, .txt plain text, anything else Markdown. */
export function documentKind(file: string): DocumentKind {
  return /\.(tex|ltx|latex)$/i.test(file) ? 'tex' : /\.txt$/i.test(file) ? 'text' : 'markdown';
}

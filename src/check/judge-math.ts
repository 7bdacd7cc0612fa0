/**
 * Judging the relations of one piece of math, a display block or an inline
 * claim, with the facts in scope at each step: the same path for both, so
 * "hence $a_1 = f(s_1)$" in a sentence is judged exactly as it would be in
 * a display. Every relation found ends up judged (a step of a chain), a
 * definition (`h = …` introducing a new symbol), or "not read" with the
 * reason and position: a block the splitter cannot take apart, a chain
 * holding a connective gradtex does not judge (`\Rightarrow`, `\to`,
 * `\forall`, `\in` …), a side the parser cannot read (at the parse error's
 * line:col).
 *
 *     judgeMath(ctx, { text: '\\ln x \\le x - 1', offset: 40 }, false)   // [{ line: 3, col: 1, steps: [{ verdict: 'proved', … }] }]
 */
import { withDocumentRanges, type DocumentRanges } from './sum-ranges.js';
import { withTwoIndices } from './two-digit-indices.js';
import { judgeAtTuple, paragraphTuples } from './tuple-values.js';
import { formatNumber as fmt } from '../numeric/format-number.js';
import { sym } from '../expr/build.js';
import { abstractHead } from '../expr/abstract-function.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { some, symbolsOf } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { ParseError, lineCol, parseLatex, parseLatexReadings, parsePlain, type LatexOptions, type Reading } from '../parse/index.js';
import type { ChainReport, FactUse, NotRead, StepReport } from './document-report.js';
import { allSymbols, emptyScope, factsUsed, subjectOf, type Ledger, type Stated, type UnreadCondition } from './fact-ledger.js';
import { holdAt } from './widened-domains.js';
import { definitionOf, FactError, mergeDomains, type Fact } from './facts.js';
import { readFacts } from './read-facts.js';
import { functionDefinition, functionInWords } from './function-definitions.js';
import { indexConditionClause, unappliedIndexCondition } from './index-conditions.js';
import { headDefinition, headDefinitionFact, headName, headOf, kinkedHeads, parseWithHeads, usesHeads, type HeadDefinition, type HeadOptions } from './multi-argument-heads.js';
import { derivativeFunction } from './defined-heads.js';
import { tryParseLatex } from '../parse/index.js';
import { endContradictedDefinition } from './primed-names.js';
import { documentFunctionArguments } from './function-arguments.js';
import { readEvaluationBar } from './evaluation-bars.js';
import { definedDerivativeAtKink, derivativeAtKink } from './kink-derivatives.js';
import { laterWhere, usingClause, whereClause } from './where-clauses.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeStep, type Checker } from './judge-step.js';
import { shapesAt, type StatedProperty, type StatedShape } from './shape-facts.js';
import { shapedStep } from './shaped-step.js';
import { boldArrayNames } from './bold-arrays.js';
import { elementwiseDefinitionTexts } from './elementwise-definitions.js';
import type { ShapeContext } from '../matrix/shape.js';
import { relationLatex } from '../parse/relation.js';
import type { Segment } from './segments.js';
import { relationInArgument, splitRelations, type ChainSide, type RawChain } from '../parse/split-relations.js';
import { unjudgedRelations } from './unjudged-relations.js';
import { unbalancedBrace } from './unbalanced-braces.js';
import { counterexampleAtGap } from './cases-gaps.js';
import { judgeImplicationChain } from './implication-chain.js';
import { withoutVariableDefinitions } from './variable-definitions.js';
import { exampleMembers } from './example-superscripts.js';
import { isValue, judgeAtTerms, judgeInExample, sequenceIndex } from './worked-example.js';
import { judgeClosedForm, judgeTerms, numberedMembers, recordRecurrence } from './recurrence-closed-form.js';
import { forwardRecurrence, isFamilySymbol, isRecurrence } from './indexed-definitions.js';
import type { Judgement } from './judgement.js';

/** An increment's name: `\Delta w_j`, `\Delta \theta`, `\Delta b^{(l)}`. */
const INCREMENT = /^\s*\\Delta\s*(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_(?:\{[^{}]*\}|[A-Za-z0-9]))?(?:\s*\^(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*$/;

/** What judging needs besides the math: the checker, the facts, where to put what is not read. */
export interface MathContext {
  readonly checker: Checker;
  readonly ledger: Ledger;
  readonly opts: JudgeOptions;
  /** The seed of the next step's random points (each step gets its own, in document order). */
  readonly seed: { next: number };
  readonly notRead: NotRead[];
  /** Called before a step at `offset` is judged: prose math embedded in a display (`\intertext{for $x > 0$}`) is read first. */
  readonly before?: (offset: number) => void;
  /** Inline math the prose introduced as a premise ("using $…$"): judged, but a failure is only `undecided`. */
  readonly premise?: boolean;
  /** Shapes stated in the document (W \in \mathbb{R}^{m \times n}) and on the command line, and matrix properties in prose. */
  readonly shapes?: DocumentShapes;
  /** The document's segments, for "$$…$$ where $p = \sigma(z)$" (the inline math after a display that defines what it uses). */
  readonly segments?: readonly Segment[];
  /** The document's size for each index family, for sums whose range is not stated (sum-ranges.ts). */
  readonly ranges?: DocumentRanges;
}

/** What shaped-step.ts needs to judge a step entry by entry. */
export interface DocumentShapes {
  readonly stated: readonly StatedShape[];
  readonly properties: readonly StatedProperty[];
  readonly command?: ShapeContext;
}

type MathSegment = Extract<Segment, { kind: 'math' }>;

type Side = { readonly ok: true; readonly expr: Expr; readonly readings?: readonly Reading[] } | { readonly ok: false; readonly reason: string; readonly offset: number };

/** Readings worth saying beside a verdict: where the notation allowed another (a(b+c) a product, \\sum_k over 1..K, an indicator, cases). */
const TOLD: ReadonlySet<Reading['kind']> = new Set(['product', 'sum-range', 'indicator', 'cases', 'elementwise', 'function-argument', 'operator-scope', 'index-split']);

/** The side with its unstated sum ranges read as the document's sizes (sum-ranges.ts); the reading notes say which. */
function rangedSide(side: Side, ranges: DocumentRanges | undefined): Side {
  if (!side.ok) return side;
  // x_{11} with x_{ij} in the document: x_{1,1} (two-digit-indices.ts).
  const split = withTwoIndices(side.expr, ranges?.twoIndexed);
  const r = withDocumentRanges(split.expr, ranges);
  if (r.notes.length === 0 && split.notes.length === 0) return side;
  const replaced = (x: Reading): boolean => x.kind === 'sum-range' && r.notes.some((n) => n.startsWith(x.text.slice(0, x.text.indexOf(':'))));
  const notes: Reading[] = [...r.notes.map((text): Reading => ({ at: { start: 0, end: 0 }, kind: 'sum-range', text })), ...split.notes.map((text): Reading => ({ at: { start: 0, end: 0 }, kind: 'index-split', text }))];
  return { ok: true, expr: r.expr, readings: [...(side.readings ?? []).filter((x) => !replaced(x)), ...notes] };
}

/** A definition in scope with its unstated sum ranges read as the document's sizes, like the claims. */
function rangedFact(f: Fact, ranges: DocumentRanges | undefined): Fact {
  if (f.kind !== 'define') return f;
  const r = withDocumentRanges(f.value, ranges);
  return r.notes.length === 0 ? f : { ...f, value: r.expr };
}

function parseSide(side: ChainSide, base: number, plain: boolean, heads: readonly HeadDefinition[] = [], opts: HeadOptions = {}, latexOpts: LatexOptions = {}): Side {
  if (side.latex === '') return { ok: false, reason: 'nothing on this side of the relation', offset: base + side.start };
  try {
    // \frac{d}{dx} f\Big|_{x=2}: the side at the point, its derivatives by x taken first (evaluation-bars.ts).
    const bar = plain ? undefined : readEvaluationBar(side.latex, opts.derivative, latexOpts);
    if (bar !== undefined) return bar.ok ? bar : { ok: false, reason: bar.reason, offset: base + side.start };
    // Calls of functions the document defined (L(a, b, c), KL(p, q), \ell'(z)) are read as their definitions.
    if (!plain && !usesHeads(side.latex, heads)) {
      const r = parseLatexReadings(side.latex, latexOpts);
      return { ok: true, expr: r.expr, readings: r.readings };
    }
    return { ok: true, expr: plain ? parseAuto(side.latex, heads, opts) : parseWithHeads(side.latex, heads, opts) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, reason: `cannot read this math: ${e.message}`, offset: base + side.start + e.span.start };
    throw e;
  }
}

/** A line of a plain-text file: the plain syntax first (`ln(x)`, `2*x`), LaTeX when that fails (`\frac{1}{x}`); the plain error when both fail on text without a backslash. */
function parseAuto(text: string, heads: readonly HeadDefinition[] = [], opts: HeadOptions = {}): Expr {
  try {
    return parsePlain(text);
  } catch (plain) {
    if (!(plain instanceof ParseError)) throw plain;
    try {
      return usesHeads(text, heads) ? parseWithHeads(text, heads, opts) : parseLatex(text);
    } catch (latex) {
      throw text.includes('\\') ? latex : plain;
    }
  }
}

/** The math as written, on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The defined symbols whose definition line uses an elementwise product (⊙,
 * \circ): read without shapes it was an ordinary product, so the definition
 * is not written in under shapes (shaped-definitions.ts).
 */
function elementwiseDefinitions(source: string, active: readonly Stated[]): Set<string> {
  const lines = source.split('\n');
  return new Set(active.flatMap((st) => (st.fact.kind === 'define' && /\\(?:odot|circ)(?![A-Za-z])/.test(lines[st.line - 1] ?? '') ? [symKey(st.fact.sym)] : [])));
}

/** `… \quad \text{where } x \ge 0` closing a one-line display: the clause's start, and its math's text and start. */
function conditionClause(text: string): { start: number; text: string; textStart: number } | undefined {
  if (text.includes('\\begin') || text.includes('\\\\')) return undefined;
  const m = /(?:,|\\[,;:]|\\q?quad|~)*\s*\\(?:text|mbox|textrm|mathrm)\{\s*(?:where|for|if|when|whenever|with|provided(?:\s+that)?|assuming|as\s+long\s+as)\s*\}\s*([^]*?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[1].trim() === '') return bareDomainClause(text);
  return { start: m.index, text: m[1], textStart: m.index + m[0].indexOf(m[1]) };
}

/**
 * `\sqrt{t^2} = t, \quad t \ge 0`: a comma and a space, then a bound on a letter the relation before uses (`t \ge 0`,
 * `0 < t < 1`, `t \ne 0`), closing a one-line display: the relation's condition, as textbooks write it, not a second
 * claim (t ≥ 0 failed as a claim, and √(t²) = t with it).
 */
function bareDomainClause(text: string): { start: number; text: string; textStart: number } | undefined {
  const m = /,\s*(?:\\q?quad|\\[,;:]|~|\\ )+\s*((?:-?\d+(?:\.\d+)?\s*(?:<|\\leq?|\\lt)(?![A-Za-z])\s*)?(\\?[A-Za-z]+)\s*(?:[<>]|\\(?:le|ge|leq|geq|lt|gt|ne|neq)(?![A-Za-z]))\s*-?\d+(?:\.\d+)?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  const letter = m[2].replace(/[\\]/g, '\\\\');
  if (!new RegExp(`(?<![A-Za-z])${letter}(?![A-Za-z])`).test(text.slice(0, m.index))) return undefined;
  return { start: m.index, text: m[1], textStart: m.index + m[0].indexOf(m[1]) };
}

/** Words that open a condition closing a relation, beyond conditionClause's (where, for, if, when, with, provided). */
const WORDED_CONDITION = /(?:,|\\[,;:]|\\q?quad|~)*\s*\\(?:text|mbox|textrm|mathrm)\{\s*(?:(?:for|if|when|where|with|provided)\s+[a-z]|whenever|assuming|as\s+long\s+as|given|unless|except|so\s+long\s+as|only\s+(?:if|when|for))[^]*$/i;

/** `… \quad \text{whenever } a > 0` (or any condition in words conditionClause does not read) closing a one-row relation. */
function wordedClause(text: string): { start: number; text: string } | undefined {
  if (text.includes('\\\\') || text.includes('\\begin')) return undefined;
  const m = WORDED_CONDITION.exec(text);
  if (m === null) return undefined;
  // "for all"/"for every": forallClause's.
  if (/^(?:,|\\[,;:]|\\q?quad|~)*\s*\\(?:text|mbox|textrm|mathrm)\{\s*for\s+(?:all|every|any|each)\b/i.test(m[0]) && forallClause(text) !== undefined) return undefined;
  return { start: m.index, text: m[0].replace(/^(?:,|\\[,;:]|\\q?quad|~|\s)*/, '').trim() };
}

/**
 * `… \quad \forall x \in \mathbb{R}` or `… \text{ for all } x` (every, any, each; "real" allowed) closing a one-line
 * relation: the clause's start and the text after the quantifier.
 */
function forallClause(text: string): { start: number; text: string } | undefined {
  if (text.includes('\\\\') || text.includes('\\begin')) return undefined;
  const m = /(?:,|\\[,;:]|\\q?quad|~|\s)*(?:\\forall(?![A-Za-z])|\\(?:text|mbox|textrm)\s*\{\s*for\s+(?:all|every|any|each)(?:\s+real)?\s*\})\s*([^]*?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[1].trim() === '' || /\\forall(?![A-Za-z])/.test(m[1])) return undefined;
  return { start: m.index, text: m[1] };
}

/**
 * Conditions closing rows of a display (`\log(ab) &= \log a + \log b \quad \text{for all } a, b > 0 \\`): each is
 * stated for its row (the relations whose sign is on the row, a row `&= …` continuing the step above included) and
 * blanked; one not understood is blanked too and makes a failure on its row undecided.
 */
function rowConditions(ctx: MathContext, seg: MathSegment, text: string): string {
  let out = text;
  let from = 0;
  // Where the last side of the row above starts (after its last relation sign), in text.
  let lastSide = 0;
  for (const m of [...text.matchAll(/\\\\/g), { index: text.length, 0: '' }]) {
    const to = m.index ?? text.length;
    const row = text.slice(from, to).replace(/\\(?:begin|end)\{[A-Za-z*]+\}/g, (x) => ' '.repeat(x.length));
    const rowStart = from;
    from = to + 2;
    // A row `&= …` continues the step whose left side is the last side of the row above (a step is placed where
    // its left side starts): the condition is stated from there, so it reaches that step and no earlier one.
    const continues = CONTINUATION_ROW.test(row);
    const start = continues ? Math.min(lastSide, rowStart) : rowStart;
    const signs = [...row.matchAll(RELATION_SIGN)];
    const lastSign = signs[signs.length - 1];
    if (lastSign !== undefined) lastSide = rowStart + lastSign.index + lastSign[0].length;
    const forall = forallClause(row);
    const facts = forall !== undefined ? readQuantifier(forall.text) : undefined;
    const condition = facts === undefined ? conditionClause(row) : undefined;
    const read = facts ?? (condition !== undefined ? readRowCondition(condition.text) : undefined);
    const worded = forall === undefined && condition === undefined ? wordedClause(row) : undefined;
    const cut = forall?.start ?? condition?.start ?? worded?.start;
    if (cut === undefined) continue;
    if (read === undefined) {
      // A condition in words not read ("for sufficiently small a"): cut from the relation all the same (it is no
      // part of it), and a failure on this row may lie outside it, so it is undecided.
      // (Only a clause closing a relation: a row that is all quantifier, `\forall i:\ p_i \ge 0`, is the splitter's.)
      if (![...row.slice(0, cut).matchAll(RELATION_SIGN)].length) continue;
      const said = (forall?.text ?? condition?.text ?? worded?.text ?? '').trim();
      const lc = lineCol(ctx.ledger.source, seg.offset + start);
      ctx.ledger.unread.push({ text: said, from: seg.offset + start, to: seg.offset + to, line: lc.line });
    } else {
      for (const f of read) ctx.ledger.state(f, seg.offset + start, seg.offset + to, true);
    }
    out = out.slice(0, rowStart + cut) + ' '.repeat(to - rowStart - cut) + out.slice(to);
  }
  return out;
}

/**
 * Every fact in force somewhere from `from` to `to` (at most 4000 characters): the range a recurrence is stated for
 * ("… for $t \ge 2$", in force for its clause only) and the terms given after it ("and $a_1 = 5$").
 */
function factsSince(ledger: MathContext['ledger'], from: number, to: number): Stated[] {
  const seen = new Set<Stated>();
  for (let p = from; p <= Math.min(to, from + 4000); p++) for (const st of ledger.activeAt(p)) seen.add(st);
  return [...seen];
}

/** A row that opens with a relation sign (`&= …`): it continues the step of the row above. */
const CONTINUATION_ROW = /^\s*&?\s*(?:=|<|>|\\(?:le|ge|leq|geq|ne|neq|approx)(?![A-Za-z]))/;
/** A relation sign in a row, for where the next side starts. */
const RELATION_SIGN = /=|<|>|\\(?:le|ge|leq|geq|ne|neq|approx|lt|gt)(?![A-Za-z])/g;

/** A row's `\text{for } a > 0` condition, when every piece of it is read as a fact. */
function readRowCondition(text: string): Fact[] | undefined {
  try {
    const facts = readFacts(text, { strict: true });
    return facts.length > 0 ? facts : undefined;
  } catch (e) {
    if (e instanceof FactError || e instanceof ParseError) return undefined;
    throw e;
  }
}

/** The domain a quantifier states (`x \in \mathbb{R}`: nothing to add; `x > 0`), or undefined when a piece is not understood. */
function readQuantifier(text: string): Fact[] | undefined {
  // `\forall x`, `\forall x, y`: every value, the default domain.
  if (/^\s*[A-Za-z](?:_\{?\w+\}?)?(?:\s*,\s*[A-Za-z](?:_\{?\w+\}?)?)*\s*$/.test(text)) return [];
  try {
    return readFacts(text, { strict: true });
  } catch (e) {
    if (e instanceof FactError || e instanceof ParseError) return undefined;
    throw e;
  }
}

/** Prose just before a display that makes its `h = …` a (re)definition: "now let", "redefine", "instead take". */
const REDEFINE = /\b(let|define|redefine|instead(?:\s+(?:take|use))?|now\s+(?:take|use|set))\s*:?\s*$/i;

/** Adds a not-read entry at an offset of the file. */
export function notReadAt(ctx: MathContext, offset: number, latex: string, reason: string): void {
  const lc = lineCol(ctx.ledger.source, offset);
  ctx.notRead.push({ line: lc.line, col: lc.col, latex: oneLine(latex), reason });
}

/** "otherwise", "else", "in the other case" in the prose of the sentence right before math (after any math before it), or undefined. */
function otherCase(source: string, offset: number): string | undefined {
  const before = source.slice(Math.max(0, offset - 120), offset).replace(/\$+\s*$/, '');
  const from = Math.max(before.lastIndexOf('$'), before.search(/[.!?]\s[^.!?]*$/), before.lastIndexOf('\n\n'));
  return /\b(otherwise|else|in (?:the|all) other cases?)\b/i.exec(before.slice(from + 1))?.[1]?.toLowerCase();
}

/** The relations of a piece of math judged; what is not judged goes to ctx.notRead. */
export function judgeMath(ctx: MathContext, seg: MathSegment, inline: boolean): ChainReport[] {
  const { ledger } = ctx;
  const { source, scopes } = ledger;
  // "$$…$$ where $p = \sigma(z)$": the clause defines what the display uses, from the display on.
  // "so $KL(p, q) \ge 0$, where $KL(p, q) = …$": a where later in the sentence defines what the claim uses.
  if (ctx.segments !== undefined) {
    for (const w of inline ? laterWhere(source, seg.offset + seg.text.length, ctx.segments) : whereClause(source, seg, ctx.segments)) {
      const named = functionInWords(w.text, source.slice(w.offset + w.text.length, w.offset + w.text.length + 80).replace(/^\$+/, ''));
      for (const f of named !== undefined ? [named] : ledger.read(w.text, w.offset, { definitions: true })) if (f.kind === 'define' && !ledger.definedAt(f.sym, seg.offset)) ledger.state(f, seg.offset, scopes.sectionEnd(seg.offset));
    }
  }
  // "If $x > 0$, then $$…$$, and otherwise $$\sqrt{x^2} = -x$$": the other case of a split, a condition not read
  // (the first case's fact ends where "otherwise" begins): a failure of the claim may lie outside it.
  const otherwise = otherCase(source, seg.offset);
  if (otherwise !== undefined) ledger.unread.push({ text: `\\text{${otherwise}}`, from: seg.offset, to: seg.offset + seg.text.length, line: lineCol(source, seg.offset).line });
  // "$$…$$ using $\sum_i p_i = 1$": the constraint the display relies on holds for it.
  if (!inline && ctx.segments !== undefined) {
    for (const u of usingClause(source, seg, ctx.segments)) for (const f of ledger.read(u.text, u.offset, { definitions: false })) if (f.kind !== 'define') ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
  }
  // A condition (`\text{where } x \ge 0`) or an index condition (`L = …`, k \ne l) closing a one-line display holds for that display only.
  const clause = inline ? undefined : (conditionClause(seg.text) ?? indexConditionClause(seg.text));
  let text = clause === undefined ? seg.text : seg.text.slice(0, clause.start) + ' '.repeat(seg.text.length - clause.start);
  if (clause !== undefined) {
    const facts = ledger.read(clause.text, seg.offset + clause.textStart, { definitions: true });
    for (const f of facts) ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
    // `\text{if } a \text{ is positive}`: a condition nothing of which was read; a failure of the display may lie outside it.
    if (facts.length === 0) ledger.unread.push({ text: clause.text.trim(), from: seg.offset, to: seg.offset + seg.text.length, line: lineCol(source, seg.offset).line });
  } else if (!inline) {
    // `\text{whenever } a > 0`, `\text{ for positive } a`, `\text{unless } …`: a condition in words not read here. Cut
    // from the relation (it is no part of it: read as math it made `|a| = a a`), and a failure may lie outside it.
    const worded = wordedClause(text);
    if (worded !== undefined && [...text.slice(0, worded.start).matchAll(RELATION_SIGN)].length > 0) {
      text = text.slice(0, worded.start) + ' '.repeat(text.length - worded.start);
      ledger.unread.push({ text: worded.text, from: seg.offset, to: seg.offset + seg.text.length, line: lineCol(source, seg.offset).line });
    }
  }
  // `… \quad \forall x \in \mathbb{R}` or `\forall x > 0` closing a one-line relation: a domain, when every piece of it is understood.
  const forall = forallClause(text);
  if (forall !== undefined) {
    const facts = readQuantifier(forall.text);
    if (facts !== undefined) {
      text = text.slice(0, forall.start) + ' '.repeat(text.length - forall.start);
      for (const f of facts) ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
    }
  }
  // `… \quad \text{for all } a, b > 0` closing one row of a display of several: a domain for that row's steps only.
  // (A display of one row inside \begin{aligned} too: its closing condition is no one-line clause, the \begin is in the way.)
  if (!inline && (text.includes('\\\\') || /\\begin\{(?:aligned|align\*?|gathered|split|eqnarray\*?)\}/.test(text)) && !/\\begin\{(?:d?cases|[pbBvV]?matrix|array)\}/.test(text)) text = rowConditions(ctx, seg, text);
  let raw: RawChain[];
  try {
    raw = splitRelations(text);
  } catch (e) {
    notReadAt(ctx, seg.offset, seg.text, `cannot be split into relations: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  // A typo such as e^{2x = … leaves every relation inside an open group, so the splitter sees none: not read at the brace, never silently dropped.
  const brace = raw.length === 0 ? unbalancedBrace(text) : undefined;
  if (brace !== undefined && /[=<>]|\\(?:le|ge|leq|geq|ne|neq|approx)(?![A-Za-z])/.test(text)) {
    notReadAt(ctx, seg.offset + brace.at, seg.text.trim(), `cannot read this math: ${brace.reason}`);
    return [];
  }
  // \mathbf{x = x + 1}: a relation inside a font's argument is no relation of the block; not read, never dropped.
  const grouped = raw.length === 0 ? relationInArgument(text) : undefined;
  if (grouped !== undefined) {
    const labelled = /^(?:stackrel|overset|underset)$/.test(grouped.command);
    const why = labelled
      ? `the sign carries a condition (\\${grouped.command}{…}{…}), which gradtex does not read; write the condition in words ("for $x > 1$")`
      : `the relation is written inside \\${grouped.command}{…}, which gradtex reads as one piece of an expression; write the relation outside it`;
    notReadAt(ctx, seg.offset + grouped.at, seg.text.trim(), `cannot read this math: ${why}`);
    return [];
  }
  const connectives = unjudgedRelations(text);
  const spans: [number, number][] = [];
  const chains: ChainReport[] = [];
  for (const chain of raw) {
    const first = chain.sides[0] as ChainSide;
    const last = chain.sides[chain.sides.length - 1] as ChainSide;
    spans.push([first.start, last.end]);
    const connective = connectives.find((u) => u.start >= first.start && u.end <= last.end);
    if (connective !== undefined) {
      // x^2 = 4 \Rightarrow x = 2: one relation each side of one connective is judged as an implication (implication-chain.ts).
      const alone = connectives.filter((u) => u.start >= first.start && u.end <= last.end).length === 1;
      const implication = alone ? judgeImplicationChain(ledger, seg.offset, text, first.start, last.end, connective) : undefined;
      if (implication !== undefined) {
        chains.push(inline ? { ...implication, inline: true as const } : implication);
        continue;
      }
      // x > 1 \Rightarrow x^2 > 1 does not claim x > 1: the whole chain is not read.
      notReadAt(ctx, seg.offset + first.start, text.slice(first.start, last.end), connective.reason);
      continue;
    }
    const steps = judgeChain(ctx, seg, chain, inline);
    // `w' = w - \eta y x` failing against w''s definition: the definition is not trusted after it (primed-names.ts).
    const head = steps[0];
    if (head?.step === 1 && head.verdict === 'fails' && head.rel === '=') endContradictedDefinition(ledger, head.lhs, seg.offset + first.start);
    if (steps.length > 0) {
      const at = lineCol(ledger.source, seg.offset + first.start);
      chains.push({ line: at.line, col: at.col, ...(inline ? { inline: true as const } : {}), steps });
    }
  }
  // A connective outside every chain (`W \in \mathbb{R}^{m \times n}` in a display, `\forall x` on a row of its own).
  const reported = new Set<number>();
  for (const u of connectives) {
    if (spans.some(([a, b]) => u.start >= a && u.end <= b)) continue;
    const [from, to] = rowAround(text, u.start);
    if (reported.has(from)) continue;
    reported.add(from);
    notReadAt(ctx, seg.offset + from + (text.slice(from, to).length - text.slice(from, to).trimStart().length), text.slice(from, to), u.reason);
  }
  return chains;
}

/** The name a definition's left side introduces: h, f in f(x) (an unknown function), L in L(w), KL in KL(p, q). */
function definedName(lhsLatex: string, lhs: Expr): string | undefined {
  if (lhs.kind === 'sym') return lhs.name;
  if (lhs.kind === 'call' && abstractHead(lhs.fn)?.order === 0) return lhs.fn;
  return headOf(lhsLatex)?.name ?? (lhs.kind === 'mul' && lhs.args.length === 2 && lhs.args[0]?.kind === 'sym' && /\(/.test(lhsLatex) ? lhs.args[0].name : undefined);
}

/** The row of a block (between `\\` breaks) around an offset. */
function rowAround(text: string, at: number): [number, number] {
  const before = text.lastIndexOf('\\\\', at);
  const after = text.indexOf('\\\\', at);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after];
}

function judgeChain(ctx: MathContext, seg: MathSegment, chain: RawChain, inline: boolean): StepReport[] {
  const { ledger } = ctx;
  const { source, scopes } = ledger;
  // Heads defined so far, by an earlier row of the same display too.
  const heads = ledger.activeAt(seg.offset + (chain.sides[0]?.start ?? 0)).flatMap((st) => (st.fact.kind === 'define' ? (headDefinition(st.fact) ?? []) : []));
  // (Names defined by an expression, u = 3x^2; not a worked example's value, x = 0, at which σ'(x) stays a derivative.)
  const definedHere = new Set(ledger.activeAt(seg.offset + (chain.sides[0]?.start ?? 0)).flatMap((st) => (st.fact.kind === 'define' && st.example !== true && st.fact.param === undefined && st.fact.params === undefined && symbolsOf(st.fact.value).length > 0 ? [symKey(st.fact.sym)] : [])));
  const headOpts: HeadOptions = { derivative: (value, param, order) => derivativeFunction(ctx.checker.engine, value, param, order), partial: (value, param) => derivativeFunction(ctx.checker.engine, value, param, 1), defined: definedHere };
  // A sum over an unstated range takes the document's size for its family (\sum_j e^{z_j} with \sum_{j=1}^K e^{z_j} elsewhere: K).
  // \frac{d\sigma}{dx} where the document writes \sigma(x) = …: d(σ(x), x) (function-arguments.ts).
  const latexOpts: LatexOptions = { functionArguments: documentFunctionArguments(source) };
  const sides = chain.sides.map((s) => rangedSide(parseSide(s, seg.offset, seg.syntax === 'plain', heads, headOpts, latexOpts), ctx.ranges));
  const chainAt = seg.offset + (chain.sides[0]?.start ?? 0);
  const steps: StepReport[] = [];
  // `P(y = k \mid x) = p_k = \frac{…}{…}`: a first side that cannot be read (a conditional probability) names
  // what follows; the chain's definition, if any, is the next step (p_k = …), as if the chain started there.
  // (Not a head being defined, KL(p, q) = \sum …, which is read from its text.)
  const opening = chain.sides.length > 2 && sides[0]?.ok === false && headOf(chain.sides[0]?.latex ?? '') === undefined ? 1 : 0;
  chain.rels.forEach((r, k) => {
    const ls = chain.sides[k] as ChainSide;
    const rs = chain.sides[k + 1] as ChainSide;
    const a = sides[k] as Side;
    const b = sides[k + 1] as Side;
    const stepAt = seg.offset + ls.start;
    ctx.before?.(stepAt);
    const at = lineCol(source, seg.offset + (rs.latex === '' ? r.start : rs.start));
    const base = { step: k + 1, line: at.line, col: at.col, lhs: ls.latex, rel: r.rel, rhs: rs.latex };
    // f = \tanh: a function letter standing for a function (the right side alone is not an expression); L(x, y, w) = …: a head of several arguments.
    const named = k === opening && r.rel === '=' ? (functionDefinition(ls.latex, rs.latex) ?? (b.ok ? headDefinitionFact(ls.latex, b.expr) : undefined)) : undefined;
    // "Now let $$h = …$$" redefines h from here on (without such words h = … is a claim about h).
    const redefineWords = !inline && k === opening && r.rel === '=' && REDEFINE.test(source.slice(Math.max(0, seg.offset - 40), seg.offset).replace(/(\$\$|\\\[|\\begin\{[A-Za-z*]+\})\s*$/, ''));
    if (named?.kind === 'define' && redefineWords) for (const st of ledger.activeAt(stepAt)) if (st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(named.sym)) st.to = stepAt;
    // Var(w) = \frac{2}{n_{in} + n_{out}} then Var(w_{He}) = 2 / n_{in}: the first gave a value at w (its body never uses w),
    // not a function of w; the second gives the value at another argument, a definition too (not stated as a fact).
    const at0 = named?.kind === 'define' && 'params' in named ? heads.find((h) => h.name === headOf(ls.latex)?.name && h.params.length === 1 && !symbolsOf(h.value).some((x) => h.params.some((q) => q.name === x.name))) : undefined;
    if (at0 !== undefined && headOf(ls.latex)?.params.some((q) => !at0.params.some((x) => symKey(x) === symKey(q))) === true) {
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}: ${at0.nameLatex}(${at0.params.map((x) => x.name).join(', ')}) was given as a value that does not use its argument, so this is its value at another argument` } });
      return;
    }
    // g(x) = … after a definition of the function g the reader could not take (cases it refuses): a claim about that g, not a new definition.
    const unreadlyDefined = (x: Sym): boolean => !redefineWords && ledger.unread.some((u) => u.definition === true && u.from <= stepAt && stepAt < u.to && (u.about ?? []).includes(headName(x.name)));
    // f(z) = cases leaving their split point out: a definition with no value there is not used (a claim at that point would
    // meet the value the reader chose); listed as not read, and a claim about f after it is only undecided.
    const gapped = (b.ok && (b.readings ?? []).some((x) => x.gap !== undefined)) || undefined;
    const refuseGapped = (sym0: Sym): void => {
      notReadAt(ctx, seg.offset + rs.start, `${ls.latex} = ${rs.latex}`, 'cannot read this math: \\begin{cases} (a piecewise definition) is not read as a definition: the two conditions leave out the point where both sides are equal, so the cases have no value there; state the value there (≤ or ≥ in one row)');
      ledger.unread.push({ text: `${ls.latex} = ${rs.latex}`, from: stepAt, to: scopes.sectionEnd(stepAt), line: lineCol(source, stepAt).line, about: [headName(sym0.name)], definition: true });
    };
    if (named !== undefined && named.kind === 'define' && !ledger.definedAt(named.sym, stepAt) && !unreadlyDefined(named.sym)) {
      if (gapped) return refuseGapped(named.sym);
      ledger.state(named, stepAt, scopes.sectionEnd(stepAt));
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
      return;
    }
    // g'(0) = 1/2 with g(z) = \max(0, z) defined: a derivative that does not exist there, so the equation is false and an inequality undecided (kink-derivatives.ts).
    const atKink = a.ok && b.ok ? (definedDerivativeAtKink(ctx.checker.engine, ls.latex, heads) ?? definedDerivativeAtKink(ctx.checker.engine, rs.latex, heads)) : undefined;
    if (atKink !== undefined) {
      steps.push({ ...base, verdict: r.rel === '=' ? 'fails' : 'undecided', evidence: { method: 'none', summary: `a side does not exist: ${atKink}` } });
      return;
    }
    // \text{ReLU}'(0) = 1: a derivative at a kink that does not exist, so the equation is false (kink-derivatives.ts).
    const missing = r.rel === '=' && a.ok !== b.ok ? derivativeAtKink(ctx.checker.engine, a.ok ? rs.latex : ls.latex) : undefined;
    if (missing !== undefined) {
      steps.push({ ...base, verdict: 'fails', evidence: { method: 'none', summary: `the ${a.ok ? 'right' : 'left'} side does not exist: ${missing}` } });
      return;
    }
    if (!a.ok || !b.ok) {
      // Unreadable notation is not a verdict: the relation is listed as not read, at the parse error.
      const bad = (!a.ok ? a : b) as Extract<Side, { ok: false }>;
      notReadAt(ctx, bad.offset, `${ls.latex} ${relationLatex(r.rel)} ${rs.latex}`, bad.reason);
      // `f(\mathbf{x}) = w_0 + \dots` not read: f is not an unknown function independent of the w_j, so a failure of a step using it may be about what f is.
      // (i = 1, \dots, n is an index's range, not a definition.)
      const defining = k === opening && r.rel === '=' && a.ok && !b.ok && !/^\s*-?\d+\s*,[^]*\\[lc]?dots/.test(rs.latex) ? definedName(ls.latex, a.expr) : undefined;
      if (defining !== undefined) ledger.unread.push({ text: `${ls.latex} = ${rs.latex}`, from: stepAt, to: scopes.sectionEnd(stepAt), line: lineCol(source, stepAt).line, about: [defining], definition: true });
      return;
    }
    // "θ_j := θ_j − α ∂J/∂θ_j" (an update rule, CS229's notation): := with its name on both sides assigns a new
    // value and claims nothing about the old one; judged as an equation it "fails" for every η ≠ 0.
    const target = a.expr;
    if (r.definition && target.kind === 'sym' && symbolsOf(b.expr).some((x) => symKey(x) === symKey(target))) {
      notReadAt(ctx, stepAt, seg.text.slice(ls.start, rs.end), 'an update (:= with the same name on both sides): an assignment, not a claim');
      return;
    }
    // "the update $\Delta w_j = -\eta \frac{\partial J}{\partial w_j}$": an increment named first here is a definition (read as a product Δ·w_j, it cannot be used as one).
    if (k === 0 && r.rel === '=' && INCREMENT.test(ls.latex) && !ledger.definedAt(sym('Delta'), stepAt) && !ledger.usedInSection('Delta', stepAt)) {
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines the increment ${ls.latex.trim()} (not used as a fact: gradtex reads \Delta w as a product)` } });
      return;
    }
    // `h = …` or `f(x) = …` introducing a symbol first seen here is a definition, not a claim.
    // (The left side as written: a defined head's call was read as its definition.)
    // (A redefined head is read as written: its call or bare name was read as the old definition.)
    const d = k === opening && r.rel === '=' ? definitionOf(ls.latex, redefineWords && heads.length > 0 ? (tryParseLatex(ls.latex) ?? a.expr) : a.expr, b.expr) : undefined;
    const redefines = redefineWords && d?.kind === 'define';
    if (redefines && d?.kind === 'define') for (const st of ledger.activeAt(stepAt)) if (st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(d.sym)) st.to = stepAt;
    // A member of a family a recurrence in scope defines (a_n after a_n = a_{n-1} + 2) is not a new name: a closed form is a claim.
    // (A term by number after a recurrence written forward, "$w_1 = 0.5 \cdot 0 + 1.5$" after w_{t+1} = …, stays a worked
    // example's value, as it was before such recurrences were recorded: the sequence path judges the steps at those terms.)
    const recurrent = d?.kind === 'define' && !redefines && ledger.recurrences.some((x) => x.from <= stepAt && stepAt < x.to && x.sym.name === d.sym.name && d.sym.sub.length === 1 && (x.shift === undefined || d.sym.sub[0]?.kind !== 'num'));
    // "So $$w_1 = 0.6$$" after w_0 = 0 and w_{t+1} = w_t − η(w_t − 1) with η = 0.5, which give w_1 = 0.5: a term by
    // number that the recurrence determines, given a value it does not have, is a wrong claim, not a value for the
    // example (kept as one, it made w_2 = 0.8 = w_1 + 0.2 proved). A right value, or one not determined, stays a value.
    if (d !== undefined && d.kind === 'define' && !recurrent && !redefines && d.param === undefined && d.sym.sub[0]?.kind === 'num') {
      const family = ledger.recurrences.filter((x) => x.shift !== undefined && x.from <= stepAt && stepAt < x.to && x.sym.name === d.sym.name);
      const rec = family.length > 0 && family.every((x) => x.value.hash === family[0]?.value.hash) ? family[0] : undefined;
      // (Its own seed: the steps after it keep theirs, as when it was a value.)
      const judgeTerm = (l: Expr, rr: Expr, extra: readonly Fact[]): Judgement => judgeStep(ctx.checker, l, '=', rr, [...mergeDomains(ledger.activeAt(stepAt).map((st) => rangedFact(st.fact, ctx.ranges))), ...extra], { ...ctx.opts });
      const term = rec === undefined ? undefined : judgeTerms(rec, a.expr, b.expr, judgeTerm, factsSince(ledger, rec.from, stepAt));
      if (term !== undefined && term.verdict === 'fails') {
        steps.push({ ...base, verdict: 'fails', evidence: term.evidence });
        return;
      }
    }
    if (d !== undefined && d.kind === 'define' && !recurrent && !ledger.definedAt(d.sym, stepAt) && !(d.param !== undefined && unreadlyDefined(d.sym)) && (redefines || !ledger.usedInSection(symKey(d.sym), stepAt))) {
      if (gapped) return refuseGapped(d.sym);
      if (inline && isValue(d)) {
        // "At the point $x = 2$", "so $x = 2$": a value named in passing is a worked example's value (worked-example.ts).
        const end = scopes.exampleEnd(stepAt, seg.offset + seg.text.length);
        ledger.state(d, stepAt, end, false, true);
        steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `${ledger.describe(d)}: a value for the worked example that follows (to line ${lineCol(source, end).line})` } });
        return;
      }
      ledger.state(d, stepAt, scopes.sectionEnd(stepAt));
      // a_{n+1} = 2 a_n: the next term, and a recurrence a closed form for a_n is judged against (inline-math.ts statePremise).
      const forward = d.param === undefined ? forwardRecurrence(d.sym, d.value) : undefined;
      if (forward !== undefined) recordRecurrence(ledger, forward.sym, forward.value, stepAt, scopes.sectionEnd(stepAt), forward.shift);
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
      return;
    }
    // A recurrence written as a claim (m_t = β m_{t-1} + …): kept for a closed form claimed later in the section.
    if (r.rel === '=' && a.expr.kind === 'sym' && isFamilySymbol(a.expr) && isRecurrence(a.expr, b.expr)) recordRecurrence(ledger, a.expr, b.expr, stepAt, scopes.sectionEnd(stepAt));
    const { active: stated, freed } = withoutVariableDefinitions(ledger.activeAt(stepAt), [a.expr, b.expr]);
    // z^{(i)} with z = \sum_j w_j x_j + b in scope: the definition at the i-th example (example-superscripts.ts).
    const members = exampleMembers([a.expr, b.expr], factsUsed([a.expr, b.expr], stated), stated, source);
    const active = members.length === 0 ? stated : [...stated, ...members];
    const inScope = factsUsed([a.expr, b.expr], active);
    const empty = inScope.some((st) => st.hypothetical === true) ? emptyScope(inScope) : undefined;
    if (empty !== undefined) {
      // Hypothetical facts that contradict the others in scope: nothing can be sampled, nothing is claimed.
      const uses = inScope.map((st) => ({ fact: ledger.describe(st.fact), line: st.line, col: st.col }));
      steps.push({ ...base, verdict: 'undecided', evidence: { method: 'none', summary: `the facts in scope leave no value for ${subjectOf(empty)}` }, facts: uses });
      return;
    }
    let shapedUses: FactUse[] = [];
    let sampled = false;
    const judgeWith = (given: readonly Stated[]): Judgement => {
      const all = mergeDomains(given.map((st) => rangedFact(st.fact, ctx.ranges)));
      try {
        // Vectors and matrices with shapes in scope are judged entry by entry under them (shaped-step.ts).
        const sh = ctx.shapes;
        const shaped = sh === undefined ? undefined : shapedStep(ctx.checker, ls.latex, a.expr, r.rel, rs.latex, b.expr, all, shapesAt(sh.stated, stepAt, sh.command), sh.stated, stepAt, { ...ctx.opts, seed: ctx.seed.next }, sh.properties, elementwiseDefinitions(source, active), elementwiseDefinitionTexts(source, active), (e) => withDocumentRanges(e, ctx.ranges).expr);
        shapedUses = [...(shaped?.uses ?? [])];
        if (shaped !== undefined) return shaped.judgement;
        sampled = true;
        return judgeStep(ctx.checker, a.expr, r.rel, b.expr, all, { ...ctx.opts, seed: ctx.seed.next, bold: boldArrayNames([ls.latex, rs.latex]) });
      } catch (e) {
        return { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `could not be judged: ${e instanceof Error ? e.message : String(e)}` } };
      }
    };
    // A step using a worked example's values is judged in general first, then with the values (worked-example.ts).
    // Families the step runs over with a letter index (z_j in a sum), whose given members (z_1 = 0) it uses too.
    const names = new Set(
      [...allSymbols(a.expr, allSymbols(b.expr, new Map(inScope.flatMap((st) => (st.fact.kind === 'define' ? [...allSymbols(st.fact.value).entries()] : []))))).values()].filter((s) => s.sub.some((i) => symbolsOf(i).length > 0)).map((s) => s.name),
    );
    const judged = judgeInExample(active, inScope, names, [a.expr, b.expr], judgeWith, ledger.describe);
    // Each step judged by sampling gets its own seed (both judgements of a worked example's step share one).
    if (sampled) ctx.seed.next++;
    let j = judged.judgement;
    const facts = judged.values.length === 0 ? inScope.filter((st) => st.example !== true) : [...inScope, ...judged.values.filter((st) => !inScope.includes(st))];
    const uses: FactUse[] = [...facts.map((st) => ({ fact: ledger.describe(st.fact), line: st.line, col: st.col })), ...shapedUses];
    // A sum whose range the text leaves unstated is read over 1..J, a guess; when the counterexample gives the
    // step another size too (K of a softmax over K terms) and J differs from it, it may only refute the guess
    // (Σ_{j≠i} p_j = 1 − p_i fails at J = 1, K = 3).
    // Cases that leave their split point out have no value there: a counterexample at it refutes nothing (cases-gaps.ts).
    const gap = j.verdict === 'fails' ? counterexampleAtGap([...(a.readings ?? []), ...(b.readings ?? [])], j.evidence.point) : undefined;
    if (gap !== undefined) {
      const summary = `${j.evidence.summary}; but there the cases leave out the point where the sides of their conditions are equal, and give no value: state the value there, or the claim holds only away from it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    const guess = j.verdict === 'fails' ? guessedBoundApart([...(a.readings ?? []), ...(b.readings ?? [])], j.evidence.point) : undefined;
    if (guess !== undefined) {
      const summary = `${j.evidence.summary}; but the sum's range is not stated and was read up to ${guess.bound}, which the point sets apart from ${guess.other}: state the range (\\sum_{j=1}^{${guess.other}})`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    const keys = new Set([...allSymbols(a.expr).keys(), ...allSymbols(b.expr).keys()]);
    // A vector given by its entries in the paragraph ("for $x = (3, -4)$", before or after the claim): the claim may be about it.
    // The names the claim uses, through the definitions it rests on (L = -log p_c, p_k = e^{z_k}/…: z), entries by their family's name.
    const tupleNames = j.verdict === 'fails' ? new Set([...allSymbols(a.expr, allSymbols(b.expr, new Map(facts.flatMap((st) => (st.fact.kind === 'define' ? [...allSymbols(st.fact.value).entries()] : []))))).values()].map((x) => x.name)) : new Set<string>();
    // Not when the worked example's values (z = (0, \ln 3) read as z_1, z_2) already judged it: the vector is the example's.
    const tuple = j.verdict === 'fails' && judged.values.length === 0 ? paragraphTuples(source, stepAt, ledger.paragraphEnd(stepAt)).find((t) => tupleNames.has(t.letter)) : undefined;
    if (tuple !== undefined) {
      const atTuple = ctx.shapes === undefined || !keys.has(tuple.letter) ? undefined : judgeAtTuple(ls.latex, r.rel, rs.latex, tuple, shapesAt(ctx.shapes.stated, stepAt, ctx.shapes.command));
      const given = `${tuple.letter} = (${tuple.entries.map((v) => fmt(v)).join(', ')})`;
      if (atTuple !== undefined && !atTuple.agrees) {
        // Failing at the given entries too, the claim fails whichever x it means; the counterexample is the document's own.
        const sizes = Object.entries(atTuple.sizes).map(([k, v]) => `${k} = ${v}`).join(', ');
        const summary = `at ${given}, given in the paragraph${sizes === '' ? '' : ` (so ${sizes})`}: left side = ${fmt(atTuple.lhs)}, right side = ${fmt(atTuple.rhs)}; it fails for other ${tuple.letter} too: ${j.evidence.summary}`;
        const point = Object.fromEntries([...Object.entries(atTuple.sizes), ...tuple.entries.map((v, k) => [`${tuple.letter}_{${k + 1}}`, v] as const)]);
        steps.push({ ...base, verdict: 'fails', evidence: { method: 'sampling', summary, point, lhsValue: atTuple.lhs, rhsValue: atTuple.rhs }, ...(uses.length > 0 ? { facts: uses } : {}) });
        return;
      }
      const also = atTuple !== undefined ? `; it holds there (left side = ${fmt(atTuple.lhs)}, right side = ${fmt(atTuple.rhs)})` : '';
      const summary = `${j.evidence.summary}; but ${given} is given in the paragraph, and the claim may be about that vector${also}`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // m_t = (1 − β^t) g after m_0 = 0 and m_t = β m_{t-1} + …: a closed form of the recurrence, judged against its
    // terms and by induction (recurrence-closed-form.ts), not as a claim about a free number m_t.
    // (Two recurrences of the family in scope that differ, "Model B uses $a_{n+1} = 3 a_n$": which one is meant is not known.)
    const recurrencesOf = (j.verdict === 'fails' || j.verdict === 'undecided') && r.rel === '=' ? ledger.recurrences.filter((x) => x.from <= stepAt && stepAt < x.to && x.sym.name === (a.expr.kind === 'sym' ? a.expr.name : '')) : [];
    const recurrence = recurrencesOf.every((x) => x.value.hash === recurrencesOf[0]?.value.hash) ? recurrencesOf[0] : undefined;
    const judgeRec = (l: Expr, rr: Expr, extra: readonly Fact[]): Judgement => judgeStep(ctx.checker, l, '=', rr, [...mergeDomains(active.map((st) => rangedFact(st.fact, ctx.ranges))), ...extra], { ...ctx.opts, seed: ctx.seed.next });
    // a_3 = 8 or f(a_2) = 4, terms by number: judged with the terms the recurrence gives, never at a free a_3 (a failure only).
    // (Two recurrences of one family in scope, "Model B: a_{n+1} = 3 a_n" after a_{n+1} = 2 a_n: which one is meant is not known.)
    const numberedIn = j.verdict === 'fails' && r.rel === '=' ? ledger.recurrences.filter((x) => x.from <= stepAt && stepAt < x.to && numberedMembers(x, [a.expr, b.expr]).length > 0) : [];
    const numbered = numberedIn.length > 0 && numberedIn.every((x) => x.sym.name === numberedIn[0]?.sym.name && x.value.hash === numberedIn[0].value.hash) ? numberedIn[0] : undefined;
    const closed =
      (recurrence === undefined ? undefined : judgeClosedForm(recurrence, a.expr, b.expr, judgeRec, factsSince(ledger, recurrence.from, stepAt))) ??
      (numbered === undefined ? undefined : judgeTerms(numbered, a.expr, b.expr, judgeRec, factsSince(ledger, numbered.from, stepAt))) ??
      (numbered === undefined && numberedIn.length > 0 && freeMember(j, numberedIn[0]?.sym.name ?? '') ? { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `${j.evidence.summary}; but it uses terms of a sequence given by recurrences that differ (lines ${numberedIn.map((x) => x.line).join(', ')}), so which terms are meant is not known` } } : undefined);
    if (closed !== undefined) {
      steps.push({ ...base, verdict: closed.verdict, evidence: closed.evidence, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // w_t with w_0 = 0, w_1 = … given: a term of a sequence, not a free number: judged at the terms given.
    const sequence = j.verdict === 'fails' ? sequenceIndex([a.expr, b.expr], active, ledger.describe) : undefined;
    if (sequence !== undefined) {
      const at = judgeAtTerms(sequence, (extra) => judgeWith([...active, extra]));
      steps.push({ ...base, verdict: at.verdict, evidence: at.evidence, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // h_t after h_{t+1} = tanh(W h_t) with no first term (or terms that could not be written out): h_t is no free
    // number, and a failure at a sampled h_t is no counterexample.
    // (Only when the failing point gives a member a value: at the document's own terms a failure stands.)
    const ofRecurrence = j.verdict === 'fails' ? ledger.recurrences.find((x) => x.from <= stepAt && stepAt < x.to && freeMember(j, x.sym.name)) : undefined;
    if (ofRecurrence !== undefined) {
      const summary = `${j.evidence.summary}; but ${ofRecurrence.sym.name} is a sequence given by the recurrence ${toPlain(ofRecurrence.sym)} = ${toPlain(ofRecurrence.value)} (line ${ofRecurrence.line}), whose terms could not be written out here, so the point may be no term of it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // p_k after "$\mathbf p = \operatorname{softmax}(\mathbf z)$": an entry of a vector the document defines as a whole,
    // not a free number (Σ_k p_k = 1 "failed" at a sampled p_k); gradtex does not write the entry in from that definition.
    // (Only for a function's value, whose entries may be confined (softmax, σ): z = W x gives z_k any value.)
    const scopeFacts = j.verdict === 'fails' ? ledger.activeAt(stepAt) : [];
    const whole = scopeFacts.find((st) => st.fact.kind === 'define' && st.fact.param === undefined && st.fact.sym.sub.length === 0 && st.fact.sym.sup.length === 0 && st.fact.value.kind === 'call' && usesEntries([a.expr, b.expr], st.fact.sym.name) && !scopeFacts.some((o) => o.fact.kind === 'define' && o.fact.sym.name === (st.fact.kind === 'define' ? st.fact.sym.name : '') && o.fact.sym.sub.length > 0));
    if (whole !== undefined && whole.fact.kind === 'define') {
      const name = whole.fact.sym.name;
      const summary = `${j.evidence.summary}; but ${name} is defined as a whole (${ledger.describe(whole.fact)}, line ${whole.line}), and its entries ${name}_… are not written in from that definition, so the point may be no value of it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    if (j.verdict === 'fails' && ctx.premise === true) {
      const summary = `${j.evidence.summary}; but the prose introduces this as a premise (a definition or an identity it uses), not as a claim`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // An index relation in scope that the sampler could not apply (k bound by a sum, x < y between variables).
    const unapplied = j.verdict === 'fails' ? unappliedIndexCondition([a.expr, b.expr], [...facts.flatMap((st) => (st.fact.kind === 'define' ? [st.fact.value] : []))], facts.map((st) => st.fact), j.evidence.point) : undefined;
    if (unapplied !== undefined) {
      const summary = `${j.evidence.summary}; but the condition ${ledger.describe(unapplied)} could not be applied to this step's indices, and the point may break it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // "the derivative of L needs its definition" where the document wrote one that could not be read: say which.
    const unreadOf = j.verdict === 'undecided' ? /^the derivative of (\S+) needs its definition/.exec(j.evidence.summary)?.[1] : undefined;
    const unreadLine = unreadOf === undefined ? undefined : ledger.unread.find((u) => u.definition === true && u.from <= stepAt && stepAt < u.to && (u.about ?? []).includes(unreadOf));
    if (unreadLine !== undefined) j = { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `the derivative of ${unreadOf} needs its definition, and the one written at line ${unreadLine.line} ($${unreadLine.text}$) could not be read` } };
    // "\subsection{Mistakes}" judging ∂C/∂z_i with C defined in an earlier subsection of the same section: that definition, said so.
    const earlier = unreadOf !== undefined && unreadLine === undefined ? ledger.lastDefinitionBefore(unreadOf, stepAt) : undefined;
    // (Only a definition whose scope ended with its subsection: one kept to a display or a sentence on purpose stays there.)
    const sectionEnded = earlier !== undefined && earlier.to === scopes.sectionEnd(earlier.from) && scopes.sectionStart(earlier.from) !== scopes.sectionStart(stepAt);
    if (earlier !== undefined && sectionEnded && earlier.to <= stepAt && scopes.parentSectionEnd(earlier.from) > stepAt && scopes.parentSectionEnd(earlier.from) === scopes.parentSectionEnd(stepAt)) {
      const again = judgeWith([...active, { ...earlier, to: stepAt + 1 }]);
      if (again.verdict !== 'undecided') {
        const note = `using ${ledger.describe(earlier.fact)}, the definition at line ${earlier.line} in an earlier subsection`;
        j = { ...again, evidence: { ...again.evidence, summary: `${again.evidence.summary} (${note})` } };
      }
    }
    // A derivative of a definition with a kink (\ell(w, b) = \max(0, …)) is claimed piece by piece, the piece often said in words only.
    const kinked = j.verdict === 'fails' && [a.expr, b.expr].some((e) => some(e, (x) => x.kind === 'deriv')) ? kinkedHeads(`${ls.latex} ${rs.latex}`, heads)[0] : undefined;
    if (kinked !== undefined) {
      const summary = `${j.evidence.summary}; but ${kinked.nameLatex.replace(/^\\/, '')} is defined piecewise (with a kink), and the claim may be about one piece only, stated in words`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // Words about named symbols ("$W$ is orthogonal") weaken only the steps that use those symbols (or their definitions do).
    const positive = j.verdict === 'proved' || j.verdict === 'holds';
    const stepSymbols = j.verdict === 'fails' || positive ? new Set([...allSymbols(a.expr, allSymbols(b.expr, new Map(facts.flatMap((st) => (st.fact.kind === 'define' ? [...allSymbols(st.fact.value).entries()] : []))))).values()].map((s) => s.name)) : new Set<string>();
    // A derivative through a name whose definition was not read (f(\mathbf{x}) = w_0 + \dots) is not known to be right either: f may depend on the variable.
    const unreadDefinition = positive && [a.expr, b.expr].some((e) => some(e, (x) => x.kind === 'deriv')) ? ledger.unread.find((u) => u.definition === true && u.from <= stepAt && stepAt < u.to && (u.about ?? []).some((n) => stepSymbols.has(n))) : undefined;
    if (unreadDefinition !== undefined) {
      const summary = `${j.evidence.summary}; but it takes a derivative through ${(unreadDefinition.about ?? []).join(', ')}, whose definition $${unreadDefinition.text}$ (line ${unreadDefinition.line}) could not be read`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    const failedAt = j.evidence.point;
    const settled = (u: UnreadCondition): boolean => u.settledBy !== undefined && failedAt !== undefined && holdAt(u.settledBy, failedAt);
    const unreadHere = j.verdict === 'fails' ? ledger.unread.find((u) => u.from <= stepAt && stepAt < u.to && (u.about === undefined || u.about.some((n) => stepSymbols.has(n))) && !settled(u)) : undefined;
    if (unreadHere !== undefined) {
      // Weaker than the truth, never stronger: the counterexample may violate a condition we could not read.
      const summary = `${j.evidence.summary}; but the condition $${unreadHere.text}$ (line ${unreadHere.line}) could not be read as a fact, and the point may lie outside it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // Definitions left out as matrix operations (z_k = w_k^T x): their symbols were sampled freely.
    const freedText = freed.map((st) => ledger.describe(st.fact)).join(', ');
    if (j.verdict === 'fails' && freed.length > 0) {
      const summary = `${j.evidence.summary}; but ${freedText} is a matrix operation that cannot be sampled without shapes, so its symbols were drawn freely and the point may be one it never reaches`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // The output says which reading was used where the notation allowed another.
    const told = [...(a.readings ?? []), ...(b.readings ?? [])].filter((r) => TOLD.has(r.kind)).map((r) => r.text);
    if (freed.length > 0) told.push(`${freedText} left out (a matrix operation): its symbols taken as free`);
    const evidence = told.length === 0 ? j.evidence : { ...j.evidence, summary: `${j.evidence.summary} (read: ${[...new Set(told)].join('; ')})` };
    steps.push({ ...base, verdict: j.verdict, evidence, ...(uses.length > 0 ? { facts: uses } : {}) });
  });
  ledger.noteUsed(
    sides.flatMap((s) => (s.ok ? [s.expr] : [])),
    chainAt,
  );
  return steps;
}

/**
 * The bound a sum with an unstated range was read up to (a 'sum-range' reading: "read as j = 1, …, J"), when
 * the point gives it a value other than another size of the step (a capital letter, K).
 */
function guessedBoundApart(readings: readonly Reading[], point: Readonly<Record<string, number>> | undefined): { bound: string; other: string } | undefined {
  if (point === undefined) return undefined;
  for (const r of readings) {
    if (r.kind !== 'sum-range') continue;
    const bound = /read as \w+ = 1, …, (\w+)/.exec(r.text)?.[1];
    const at = bound === undefined ? undefined : point[bound];
    if (bound === undefined || at === undefined) continue;
    const other = Object.keys(point).find((k) => k !== bound && /^[A-Z]$/.test(k) && point[k] !== at);
    if (other !== undefined) return { bound, other };
  }
  return undefined;
}

/** Does the failing point of `j` give a member of the family `name` (h_{t}, a_{1}) a sampled value? */
function freeMember(j: Judgement, name: string): boolean {
  return Object.keys(j.evidence.point ?? {}).some((k) => k.startsWith(`${name}_`));
}

/** Does one of `es` use an entry (a subscripted symbol) of the name, p_k or p_{k+1}? */
function usesEntries(es: readonly Expr[], name: string): boolean {
  return es.some((e) => some(e, (y) => y.kind === 'sym' && y.name === name && y.sub.length > 0));
}

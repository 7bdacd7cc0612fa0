/**
 * The marks of an HTML check report: one per relation of the document
 * (judged, a definition, or not read), with where it was written, and the
 * hast elements that show them. Each verdict has a symbol and a word as well
 * as a colour, so a printout in greyscale reads the same; the relation itself
 * is left as a `code.language-math` element for rehype-katex to render.
 *
 *     marksOf(source, report)[0]
 *     // { offset: 41, line: 3, col: 1, kind: 'fails', relation: '(x+1)^2 = x^2 + 1', detail: 'at x = 1: 4 vs 2' }
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { DocumentReport } from '../check/check-document.js';
import type { Verdict } from '../check/judgement.js';
import { relationLatex } from '../parse/relation.js';

export type MarkKind = Verdict | 'definition' | 'assumption' | 'not-read';

export interface Mark {
  /** Offset of line:col in the source, to place the mark next to the math that holds it. */
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  readonly kind: MarkKind;
  /** The relation as written (LaTeX), or the unread math. */
  readonly relation: string;
  /** Evidence or reason, one line; with the facts used. */
  readonly detail: string;
}

/** Symbol, word and CSS class of each kind; the order is the legend's and the summary's. */
export const MARK_STYLES: readonly { readonly kind: MarkKind; readonly symbol: string; readonly word: string; readonly meaning: string }[] = [
  { kind: 'proved', symbol: '✔', word: 'proved', meaning: 'an exact symbolic argument' },
  { kind: 'holds', symbol: '✓', word: 'holds', meaning: 'agrees at every sampled point; not a proof' },
  { kind: 'fails', symbol: '✗', word: 'fails', meaning: 'a counterexample is shown' },
  { kind: 'undecided', symbol: '?', word: 'undecided', meaning: 'not judged; the reason is shown' },
  { kind: 'not-read', symbol: '∅', word: 'not read', meaning: 'math gradtex could not read as a relation' },
  { kind: 'definition', symbol: '≔', word: 'definition', meaning: 'introduces a name; not a claim' },
  { kind: 'assumption', symbol: '⊳', word: 'assumption', meaning: 'a domain the text states; used by later steps' },
];

function styleOf(kind: MarkKind): (typeof MARK_STYLES)[number] {
  const s = MARK_STYLES.find((m) => m.kind === kind);
  if (s === undefined) throw new Error(`no style for ${kind}`);
  return s;
}

/** The offset of 1-based line:col in source (clamped to the source). */
export function offsetOf(source: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', at);
    if (nl < 0) return source.length;
    at = nl + 1;
  }
  return Math.min(source.length, at + Math.max(0, col - 1));
}

/** Runs of blanks (layout blanked by the splitter keeps offsets) read as one. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An inline definition ("let $h = \\tanh(z)$") or assumption ("for $x > 0$") the checker read as a premise. */
interface Premise {
  readonly line: number;
  readonly col: number;
  readonly latex: string;
  readonly kind: 'definition' | 'assumption';
  readonly summary: string;
}

/** The report's premises, for a checker that lists them (a report without the field has none). */
function premisesOf(report: DocumentReport): readonly Premise[] {
  // Read structurally: the field is optional from this file's point of view.
  return 'premises' in report ? (report as { readonly premises: readonly Premise[] }).premises : [];
}

/** Every relation of the report as a mark, in document order. */
export function marksOf(source: string, report: DocumentReport): Mark[] {
  const marks: Mark[] = [];
  for (const chain of report.chains) {
    for (const s of chain.steps) {
      const facts = s.facts === undefined || s.facts.length === 0 ? '' : `; using ${s.facts.map((f) => `${f.fact} (${f.line === 0 ? 'command line' : `line ${f.line}`})`).join(', ')}`;
      marks.push({
        offset: offsetOf(source, s.line, s.col),
        line: s.line,
        col: s.col,
        kind: s.verdict,
        relation: `${oneLine(s.lhs)} ${relationLatex(s.rel)} ${oneLine(s.rhs)}`,
        detail: s.evidence.summary + facts,
      });
    }
  }
  for (const p of premisesOf(report)) {
    marks.push({ offset: offsetOf(source, p.line, p.col), line: p.line, col: p.col, kind: p.kind, relation: oneLine(p.latex), detail: p.summary });
  }
  for (const n of report.notRead) marks.push({ offset: offsetOf(source, n.line, n.col), line: n.line, col: n.col, kind: 'not-read', relation: oneLine(n.latex), detail: n.reason });
  return marks.sort((a, b) => a.offset - b.offset);
}

/** Counts by kind, every kind present (0 when none). */
export function countMarks(marks: readonly Mark[]): Record<MarkKind, number> {
  const t: Record<MarkKind, number> = { proved: 0, holds: 0, fails: 0, undecided: 0, 'not-read': 0, definition: 0, assumption: 0 };
  for (const m of marks) t[m.kind]++;
  return t;
}

export function element(tagName: string, className: readonly string[], children: ElementContent[], properties: Record<string, string> = {}): Element {
  return { type: 'element', tagName, properties: { ...(className.length > 0 ? { className: [...className] } : {}), ...properties }, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** Inline math for rehype-katex (remark-math's own shape). */
export function inlineMath(latex: string): Element {
  return element('code', ['language-math', 'math-inline'], [text(latex)]);
}

/** `✗ fails` with the kind's class: the symbol and the word, never colour alone. */
export function verdictTag(kind: MarkKind): Element {
  const s = styleOf(kind);
  return element('span', ['gt-tag', `gt-${kind}`], [element('span', ['gt-sym'], [text(s.symbol)]), text(` ${s.word}`)]);
}

/** Do marks of this kind carry evidence worth showing beside the line? */
function shownDetail(kind: MarkKind): boolean {
  return kind === 'fails' || kind === 'undecided' || kind === 'not-read';
}

/** One mark as a list item: tag, line:col, the relation rendered, and the evidence (always for fails, undecided and not read; as a tooltip otherwise). */
function markItem(m: Mark): Element {
  // Display style: an inline fraction's exponents (1/(1+e^{-z})) would otherwise run into its bar.
  const children: ElementContent[] = [verdictTag(m.kind), element('span', ['gt-where'], [text(`line ${m.line}:${m.col}`)]), element('span', ['gt-rel'], [inlineMath(`\\displaystyle ${m.relation}`)])];
  if (shownDetail(m.kind)) children.push(element('div', ['gt-evidence'], [text(m.detail)]));
  return element('li', ['gt-mark', `gt-${m.kind}`], children, shownDetail(m.kind) ? {} : { title: m.detail });
}

/** The marks of one display block, under it. */
export function markList(marks: readonly Mark[]): Element {
  return element('ul', ['gt-marks'], marks.map(markItem));
}

/** The marks of inline math, right after it: tags, and the evidence of a failing or undecided relation in brackets. */
export function inlineMarks(marks: readonly Mark[]): Element {
  const children: ElementContent[] = [];
  for (const m of marks) {
    const tag = verdictTag(m.kind);
    if (!shownDetail(m.kind)) tag.properties = { ...tag.properties, title: `line ${m.line}:${m.col}: ${m.detail}` };
    children.push(tag);
    if (shownDetail(m.kind)) children.push(element('span', ['gt-evidence'], [text(`line ${m.line}:${m.col}: ${m.detail}`)]));
  }
  return element('span', ['gt-inline-marks'], children);
}

/** The most serious kind among the marks, for the block's border: fails, undecided, not read, holds, proved, then premises. */
export function worstKind(marks: readonly Mark[]): MarkKind {
  const order: readonly MarkKind[] = ['fails', 'undecided', 'not-read', 'holds', 'proved', 'definition', 'assumption'];
  return order.find((k) => marks.some((m) => m.kind === k)) ?? 'assumption';
}

/** A display block with its marks under it, bordered by its most serious verdict. */
export function markedBlock(content: Element, marks: readonly Mark[]): Element {
  return element('div', ['gt-block', `gt-${worstKind(marks)}`], [content, markList(marks)]);
}

/** Inline math with its marks right after it. */
export function markedInline(content: Element, marks: readonly Mark[]): Element {
  return element('span', ['gt-inline', `gt-${worstKind(marks)}`], [content, inlineMarks(marks)]);
}

/** Every class the marks use, for a sanitising schema. */
export function markClasses(): string[] {
  const kinds = MARK_STYLES.map((s) => `gt-${s.kind}`);
  return ['gt-block', 'gt-inline', 'gt-plain', 'gt-marks', 'gt-mark', 'gt-tag', 'gt-sym', 'gt-where', 'gt-rel', 'gt-evidence', 'gt-inline-marks', ...kinds];
}

/**
 * Hands each mark to the innermost host range holding its offset; marks in
 * no host are returned as `unplaced` (the page lists them apart, so every
 * relation is still shown).
 */
export function placeMarks<H extends { readonly start: number; readonly end: number }>(hosts: readonly H[], marks: readonly Mark[]): { placed: Map<H, Mark[]>; unplaced: Mark[] } {
  const placed = new Map<H, Mark[]>();
  const unplaced: Mark[] = [];
  for (const m of marks) {
    let best: H | undefined;
    for (const h of hosts) if (h.start <= m.offset && m.offset < h.end && (best === undefined || h.end - h.start < best.end - best.start)) best = h;
    if (best === undefined) unplaced.push(m);
    else placed.set(best, [...(placed.get(best) ?? []), m]);
  }
  return { placed, unplaced };
}

/** Elements we built (text escaped by the stringifier) to HTML, math rendered by rehype-katex with trust off. */
export function hastHtml(children: ElementContent[]): string {
  const tree: Root = { type: 'root', children };
  const processor = unified().use(rehypeKatex, { trust: false }).use(rehypeStringify);
  const file = new VFile();
  // rehype-katex maps a root to a root.
  return processor.stringify(processor.runSync(tree, file) as Root, file);
}

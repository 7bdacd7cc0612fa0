/**
 * Breaking a formula that is too wide for the page into lines, the way a
 * textbook does (TeXbook ch. 19, "breaking long displayed formulas"): before
 * a relation (=, ≈, ≤) first, else before a plus or minus at the outermost
 * level, else inside the widest bracket — `\left( … \right)` becomes
 * `\Bigl( … \Bigr)` of a size chosen from what it holds, because a \left on
 * one line cannot close on the next. A piece that still does not fit
 * (one fraction wider than the page) is left whole; the overfull-box test
 * over every example shows where.
 *
 *     breakMath('a + b + c', { first: 3, rest: 3 })  // ['a + b', '+ c']
 */
import { nodesText, parseMathTree, type MathNode } from './latex-math-tree.js';
import { mathHeight, nodesWidth } from './latex-width.js';

/** Widths in em a line may take: the first line, and every line after it. */
export interface LineBudget {
  readonly first: number;
  readonly rest: number;
}

const RELATIONS = new Set(['=', '<', '>', '\\le', '\\leq', '\\ge', '\\geq', '\\ne', '\\neq', '\\approx', '\\equiv', '\\sim', '\\simeq', '\\propto', '\\Rightarrow', '\\iff', '\\implies', '\\Leftrightarrow', '\\to']);
const ADDITIVE = new Set(['+', '-', '\\pm', '\\mp']);
/** After one of these a minus is a sign, not an operator (no break before it). */
const BEFORE_SIGN = new Set([...RELATIONS, ...ADDITIVE, '\\cdot', '\\times', ',', '(', '[', '\\{', '\\quad', '\\qquad', '^', '_', '&']);

export const isRelation = (n: MathNode | undefined): boolean => n?.kind === 'atom' && RELATIONS.has(n.text);

/** Ends a factor: a bracket (\\left…\\right, or a closing \\Bigr) ), a number, or a script after one of those. */
function endsFactor(nodes: readonly MathNode[], i: number): boolean {
  const prev = nodes[i] as MathNode;
  if (prev.kind === 'delimited') return true;
  if (prev.kind === 'atom') return /^[0-9.]+$/.test(prev.text) || ((prev.text === ')' || prev.text === ']' || prev.text === '\\}') && /^\\(big|Big|bigg|Bigg)r$/.test(nodes[i - 1]?.text ?? ''));
  // x^{2}, (…)^{2 - 1}: the script ends what its base ends.
  return prev.kind === 'group' && (nodes[i - 1]?.text === '^' || nodes[i - 1]?.text === '_') && i >= 2 && endsFactor(nodes, i - 2);
}

/** Control words that are not factors: operators, relations, spacing, sizes, scripts. */
const NOT_A_FACTOR = /^\\(cdot|times|pm|mp|odot|circ|left|right|quad|qquad|big|Big|bigg|Bigg)[lrm]?$|^\\[,;:! ]$/;

/** Starts a factor of its own: a fraction or big operator anywhere, else a bracket, a function or a letter after the end of a factor. */
function startsFactor(nodes: readonly MathNode[], i: number): boolean {
  const n = nodes[i] as MathNode;
  const prev = nodes[i - 1] as MathNode;
  if (prev.kind === 'atom' && (BEFORE_SIGN.has(prev.text) || prev.text === '\\cdot')) return false;
  if (n.kind === 'atom' && (n.text === '\\frac' || n.text === '\\sum' || n.text === '\\prod')) return true;
  if (!endsFactor(nodes, i - 1)) return false;
  if (n.kind === 'delimited') return true;
  // σ\left(…\right) after a bracket: the function starts a factor and keeps its argument (which follows it).
  return n.kind === 'atom' && (/^[A-Za-z]$/.test(n.text) || (/^\\[A-Za-z]+$/.test(n.text) && !NOT_A_FACTOR.test(n.text) && !RELATIONS.has(n.text)));
}

type BreakKind = 'relation' | 'additive' | 'product';

/** Where a line may break: before these indices, the better places (relations, then + and −, then between factors) first. */
function breakPoints(nodes: readonly MathNode[], kind: BreakKind): number[] {
  const out: number[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as MathNode;
    const prev = nodes[i - 1] as MathNode;
    if (kind === 'relation' && isRelation(n)) out.push(i);
    if (kind === 'additive' && n.kind === 'atom' && ADDITIVE.has(n.text) && !(prev.kind === 'atom' && BEFORE_SIGN.has(prev.text))) out.push(i);
    if (kind === 'product' && (startsFactor(nodes, i) || (n.kind === 'atom' && (n.text === '\\cdot' || n.text === '\\times')))) out.push(i);
  }
  return out;
}

/** Cuts a node list before the given indices. */
function cut(nodes: readonly MathNode[], at: readonly number[]): MathNode[][] {
  const out: MathNode[][] = [];
  let from = 0;
  for (const i of at) {
    if (i > from) out.push(nodes.slice(from, i));
    from = i;
  }
  out.push(nodes.slice(from));
  return out;
}

/** \left( → \Bigl(, sized by what the bracket holds (a \left cannot close on another line). */
function sizedDelimiter(delim: string, side: 'l' | 'r', height: number): string {
  if (delim === '.') return '';
  const size = height === 0 ? 'big' : height === 1 ? 'Big' : 'bigg';
  return `\\${size}${side}${delim}`;
}

/** A line of nodes, as LaTeX. */
type Line = MathNode[];

/**
 * Lines for a piece too wide for its budget, opening its widest bracket:
 * `pre \left( body \right) post` becomes `pre \Bigl( body₁`, …, `bodyₙ \Bigr) post`.
 */
function openBracket(nodes: readonly MathNode[], budget: LineBudget, depth: number): Line[] | undefined {
  if (depth > 6) return undefined;
  const candidates = nodes
    .map((n, i) => ({ n, i }))
    .filter((x): x is { n: Extract<MathNode, { kind: 'delimited' }>; i: number } => x.n.kind === 'delimited')
    .sort((a, b) => nodesWidth(b.n.body) - nodesWidth(a.n.body));
  for (const { n, i } of candidates) {
    const pre = nodes.slice(0, i);
    const post = nodes.slice(i + 1);
    const h = mathHeight(n.body);
    const open = sizedDelimiter(n.open, 'l', h);
    const close = sizedDelimiter(n.close, 'r', h);
    const openW = open === '' ? 0 : 0.75;
    const firstRoom = budget.first - nodesWidth(pre) - openW;
    const lastRoom = budget.rest - nodesWidth(post) - openW;
    if (firstRoom < 4 || lastRoom < 4) continue;
    // A bracket kept whole around a body made narrower (a fraction's numerator set on lines).
    const whole = (body: Line): MathNode => {
      const bodyText = nodesText(body);
      return { kind: 'delimited', text: `\\left${n.open} ${bodyText} \\right${n.close}`, open: n.open, close: n.close, body, bodyText };
    };
    // The body may fit the first line alone and still leave no room for what follows the bracket: then its first line is made shorter.
    let inner: Line[] | undefined;
    for (let first = firstRoom; first >= 4; first = Math.min(first - 1, nodesWidth(n.body) - 0.5)) {
      const attempt = breakNodes(n.body, { first, rest: Math.min(budget.rest, lastRoom) }, depth + 1);
      if (attempt === undefined) break;
      inner = attempt;
      if (attempt.length >= 2 || nodesWidth([...pre, whole(attempt[0] as Line), ...post]) <= budget.first) break;
    }
    if (inner === undefined) continue;
    const atom = (text: string): MathNode[] => (text === '' ? [] : [{ kind: 'atom', text }]);
    if (inner.length === 1) {
      const body = inner[0] as Line;
      const line = [...pre, whole(body), ...post];
      if (nodesWidth(line) <= budget.first) return [line];
      // Last resort: the bracket closes on the next line.
      const opening = [...pre, ...atom(open), ...body];
      if (close !== '' && nodesWidth(opening) <= budget.first) return [opening, [...atom(close), ...post]];
      continue;
    }
    const lines = inner.map((l) => [...l]);
    lines[0] = [...pre, ...atom(open), ...(lines[0] as Line)];
    const last = [...(lines[lines.length - 1] as Line), ...atom(close), ...post];
    // What follows the bracket may not fit after its last line: that line is broken again (between factors).
    const tail = nodesWidth(last) > budget.rest ? breakNodes(last, { first: budget.rest, rest: budget.rest }, depth + 1) : undefined;
    lines.splice(lines.length - 1, 1, ...(tail ?? [last]));
    return lines;
  }
  return undefined;
}

/**
 * Greedy filling: as many pieces on a line as fit; a piece wider than a whole
 * line is opened. A product broken between factors shows its multiplication
 * at the start of the next line (TeXbook ch. 19: a break at a product is
 * marked by \times or \cdot), where the factors were side by side.
 */
function fill(pieces: readonly MathNode[][], budget: LineBudget, depth: number, product: boolean): Line[] | undefined {
  const lines: Line[] = [];
  let line: Line = [];
  const room = (): number => (lines.length === 0 ? budget.first : budget.rest);
  for (const p of pieces) {
    if (line.length > 0 && nodesWidth([...line, ...p]) <= room()) {
      line = [...line, ...p];
      continue;
    }
    const broke = line.length > 0;
    // A short line takes the start of a long piece rather than end early.
    const lineWidth = nodesWidth(line);
    if (broke && lineWidth < room() * 0.4 && nodesWidth(p) > room() - lineWidth) {
      const opened = breakNodes(p, { first: room() - lineWidth, rest: budget.rest }, depth + 1);
      if (opened !== undefined && opened.length > 1) {
        lines.push([...line, ...(opened[0] as Line)], ...opened.slice(1, -1));
        line = [...(opened[opened.length - 1] as Line)];
        continue;
      }
    }
    if (broke) lines.push(line);
    const marked = product && broke && !(p[0]?.kind === 'atom' && (p[0].text === '\\cdot' || p[0].text === '\\times'));
    line = marked ? [{ kind: 'atom', text: '\\cdot' }, ...p] : [...p];
    if (nodesWidth(line) > room()) {
      const opened = breakNodes(line, { first: room(), rest: budget.rest }, depth + 1);
      if (opened !== undefined) {
        lines.push(...opened.slice(0, -1));
        line = [...(opened[opened.length - 1] as Line)];
      }
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Lines of nodes, each within its budget where a break allows; undefined when nothing can be broken. */
function breakNodes(nodes: readonly MathNode[], budget: LineBudget, depth: number): Line[] | undefined {
  if (nodesWidth(nodes) <= budget.first) return [[...nodes]];
  if (depth > 40) return undefined;
  for (const kind of ['relation', 'additive', 'product'] as const) {
    const at = breakPoints(nodes, kind);
    if (at.length === 0) continue;
    return fill(cut(nodes, at), budget, depth, kind === 'product');
  }
  return openBracket(nodes, budget, depth) ?? openFraction(nodes, budget, depth);
}

/**
 * A fraction whose numerator is wider than a line cannot be broken across
 * lines; its numerator is set on lines of its own instead, in an `aligned`
 * block (amsmath, and KaTeX too): \frac{\begin{aligned}&a + b \\ &\quad + c\end{aligned}}{d}.
 */
function openFraction(nodes: readonly MathNode[], budget: LineBudget, depth: number): Line[] | undefined {
  // The aligned block adds about an em on each side of a line, and a quad before every line after the first.
  const room = Math.min(budget.first, budget.rest) - 3;
  /** A numerator or denominator on lines of its own, or undefined when it fits or cannot be broken. */
  const onLines = (part: MathNode | undefined): MathNode | undefined => {
    if (part?.kind !== 'group' || nodesWidth(part.body) <= room) return undefined;
    const lines = breakNodes(part.body, { first: room, rest: room - 1 }, depth + 1);
    if (lines === undefined || lines.length < 2) return undefined;
    const body = lines.map((l, k) => `&${k === 0 ? '' : '\\quad '}${nodesText(l)}`).join(' \\\\ ');
    const env: MathNode = { kind: 'env', name: 'aligned', body, text: `\\begin{aligned}${body}\\end{aligned}` };
    return { kind: 'group', text: `{${env.text}}`, body: [env] };
  };
  let changed = false;
  const narrower = [...nodes];
  nodes.forEach((n, i) => {
    if (!(n.kind === 'atom' && (n.text === '\\frac' || n.text === '\\dfrac'))) return;
    for (const k of [i + 1, i + 2]) {
      const part = onLines(nodes[k]);
      if (part === undefined) continue;
      narrower[k] = part;
      changed = true;
    }
  });
  if (!changed) return undefined;
  return breakNodes(narrower, budget, depth + 1) ?? [narrower];
}

/**
 * The lines of a formula, as LaTeX: one line when it fits the first budget,
 * else lines each starting with the operator it was broken before.
 */
export function breakMath(latex: string, budget: LineBudget): string[] {
  const lines = breakNodes(parseMathTree(latex), budget, 0);
  // One line: the formula as it was, unless a fraction in it was set on lines to make it fit.
  if (lines === undefined || (lines.length === 1 && fits(latex, budget.first))) return [latex];
  return lines.map(nodesText);
}

/** Does a formula fit in a width (em)? */
export function fits(latex: string, width: number): boolean {
  return nodesWidth(parseMathTree(latex)) <= width;
}

/**
 * The delimiter family of the LaTeX reader: brackets ( ) [ ] \{ \}, bars
 * | | (the absolute value), their sized forms \left( … \right),
 * \bigl( … \bigr), \Big, \bigg, \Bigg (l, r, m or bare), and argument lists
 * in brackets. Norms \|x\|, \lVert x \rVert, \left\| x \right\| are the
 * calls norm(x) (‖x‖, ‖x‖_2, ‖A‖_F) and norm1(x) (‖x‖_1); other norms
 * (‖x‖_∞, ‖x‖_p) and a middle bar (\middle|, \bigm|) are refused by name.
 *
 *     \Bigl( x + 1 \Bigr)^2    |x - 1|    \max\left\{a, b\right\}    \|x\|_2^2
 */
import { call } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { inferShape } from '../matrix/infer-shape.js';
import { ShapeError, type ShapeContext } from '../matrix/shape.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '|': '|' };

/** Commands that open or close a norm: \| \Vert \lVert \rVert. */
export const NORM_COMMANDS: ReadonlySet<string> = new Set(['|', 'Vert', 'lVert', 'rVert']);

/** Sized delimiters: \big, \bigl, \bigr, \bigm, up to \Bigg. */
export const SIZE_COMMANDS: readonly string[] = ['big', 'Big', 'bigg', 'Bigg'].flatMap((s) => [s, `${s}l`, `${s}r`, `${s}m`]);

/** Does the token at k close a group opened with `close`'s partner? (\} and \rvert are commands.) */
function closes(p: LatexReader, close: string, k = 0): boolean {
  const t = p.peek(k);
  if (t.type === 'sym') return t.text === close && close !== '}';
  const c = p.command(k);
  return c?.kind === 'delimiter' && c.text === close;
}

/** At k (after \left or a size command): the opening delimiter ('(', '[', '{', '|', or '‖' for a norm), or undefined. */
export function openDelimiter(p: LatexReader, k = 0): string | undefined {
  const t = p.peek(k);
  if (t.type === 'sym' && (t.text === '(' || t.text === '[' || t.text === '|')) return t.text;
  if (t.type === 'cmd' && NORM_COMMANDS.has(t.text) && t.text !== 'rVert') return '‖';
  const c = p.command(k);
  if (c?.kind === 'delimiter' && (c.text === '{' || c.text === '|') && t.text !== 'rvert') return c.text;
  return undefined;
}

/** Is a bracketed argument list at offset k: (…), \left(…\right), \bigl(…\bigr), \{…\}? */
export function bracketAt(p: LatexReader, k: number): boolean {
  const c = p.command(k);
  const o = c?.kind === 'left' || c?.kind === 'size' ? openDelimiter(p, k + 1) : openDelimiter(p, k);
  return o !== undefined && o !== '|' && o !== '‖';
}

/** The bracketed argument list at the cursor (see bracketAt), consumed. */
export function bracketArgs(p: LatexReader): Expr[] {
  const c = p.command();
  const sized = c?.kind === 'left' || c?.kind === 'size' ? p.next() : undefined;
  const openText = openDelimiter(p) ?? '(';
  const openTok = p.next();
  return delimited(p, openTok, openText, sized?.text === 'left');
}

/** The one expression of a bracket; a list of several is an error (they are arguments only after a function name). */
export function single(p: LatexReader, items: Expr[], open: LatexToken): Expr {
  if (items.length !== 1) p.fail('E_PARSE_UNEXPECTED_TOKEN', `a list of ${items.length} items where one expression was expected; a function name before the bracket makes them arguments, as in \\max\\{a, b\\}`, open);
  return items[0] as Expr;
}

/** Is the token at k a norm bar: \|, \Vert, \rVert (\lVert only opens)? */
function normBar(p: LatexReader, k = 0): boolean {
  const t = p.peek(k);
  return t.type === 'cmd' && NORM_COMMANDS.has(t.text) && t.text !== 'lVert';
}

/**
 * The subscript of a norm, consumed: _2, _{2}, _F (the Euclidean or
 * Frobenius norm), _1; ‖x‖_∞ and ‖x‖_p are refused by name.
 */
function normKind(p: LatexReader, open: LatexToken): { readonly fn: 'norm' | 'norm1' | 'norminf'; readonly sub: string } {
  if (!p.is('sym', '_')) {
    p.note({ at: { start: open.start, end: p.peek(-1).end }, kind: 'norm', text: '‖…‖ without a subscript is read as the Euclidean norm ‖…‖_2' });
    return { fn: 'norm', sub: '' };
  }
  const under = p.next();
  const braced = p.is('sym', '{');
  if (braced) p.next();
  const t = p.peek();
  let text: string;
  if (t.type === 'num') text = p.digit();
  else if (t.type === 'letter' || (t.type === 'cmd' && t.text === 'infty')) text = p.next().text;
  else return p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected the norm's subscript (2, 1 or F) after '_', found ${p.describe(t)}`, t);
  if (braced) {
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNSUPPORTED', `only the norms ‖x‖_2, ‖x‖_1 and ‖A‖_F are read (found a longer subscript at ${p.where(under.start)})`, p.peek());
    p.next();
  }
  if (text === '2' || text === 'F') return { fn: 'norm', sub: text };
  if (text === '1') return { fn: 'norm1', sub: text };
  if (text === 'infty') return { fn: 'norminf', sub: text };
  return p.fail('E_PARSE_UNSUPPORTED', `the norm ‖…‖_${text} is not read: gradtex reads ‖x‖ and ‖x‖_2 (Euclidean), ‖A‖_F (Frobenius), ‖x‖_1 and ‖x‖_\\infty; write the sum it stands for`, { start: under.start, end: p.peek(-1).end });
}

/**
 * A norm after its opening bar `open` (\|, \lVert, or the bar after \left /
 * \bigl, which is `sizedBy`): the argument, the closing bar (\|, \rVert,
 * \right\|, \bigr\|), then the subscript.
 *
 *     \left\| X w - y \right\|_2^2
 *            ^
 */
function readNormBody(p: LatexReader, open: LatexToken, sizedBy?: LatexToken): Expr {
  p.expectOperand(open);
  const saved = p.absDepth;
  p.absDepth = 0;
  p.normDepth++;
  const inner = p.additive();
  p.normDepth--;
  p.absDepth = saved;
  const c = p.command();
  const sizedClose = (c?.kind === 'right' || c?.kind === 'size') && normBar(p, 1);
  if (sizedClose) p.next();
  else if (sizedBy?.text === 'left') p.fail('E_PARSE_UNCLOSED', `expected '\\right\\|' to close '\\left\\|' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  if (!normBar(p)) p.fail('E_PARSE_UNCLOSED', `expected '\\|' to close the norm opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  const kind = normKind(p, sizedBy ?? open);
  if (kind.sub !== 'F' && p.shapes !== undefined && isMatrixShaped(inner, p.shapes)) {
    p.fail('E_PARSE_UNSUPPORTED', `‖…‖${kind.sub === '' ? '' : `_${kind.sub}`} of a matrix is not read: ‖A‖_2 is often its spectral norm; write ‖A‖_F for the Frobenius norm`, { start: open.start, end: p.peek(-1).end });
  }
  return p.lit.plain(call(kind.fn, [inner]));
}

/** Is e a matrix (neither a scalar nor a vector) under the declared shapes? A shape error is reported by the reading itself. */
function isMatrixShaped(e: Expr, shapes: ShapeContext): boolean {
  try {
    const s = inferShape(e, shapes);
    return s.rows !== 1 && s.cols !== 1;
  } catch (err) {
    if (err instanceof ShapeError) return false;
    throw err;
  }
}

/**
 * Items in delimiters: ( … ), [ … ], \{ … \}, | … |, each optionally
 * \left … \right (or \bigl … \bigr); commas separate arguments.
 *
 *     \left( a, b \right)
 *          ^
 */
export function delimited(p: LatexReader, open: LatexToken, openText: string, sized: boolean): Expr[] {
  if (openText === '‖') p.fail('E_PARSE_UNEXPECTED_TOKEN', `a norm is one expression, not a bracket around arguments`, open);
  const close = CLOSERS[openText] ?? ')';
  // Inside |…| a bar closes; inside any other bracket a bar opens again: |(|x|)|.
  const saved = p.absDepth;
  p.absDepth = openText === '|' ? saved + 1 : 0;
  const items = [p.additive()];
  while (p.is('sym', ',')) {
    const comma = p.next();
    p.expectOperand(comma);
    items.push(p.additive());
  }
  p.absDepth = saved;
  const c = p.command();
  if (c?.kind === 'right' || c?.kind === 'size') p.next();
  else if (sized) p.fail('E_PARSE_UNCLOSED', `expected '\\right${close === '}' ? '\\}' : close}' to close '\\left${openText === '{' ? '\\{' : openText}' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  const t = p.peek();
  if (!closes(p, close)) {
    const shown = close === '}' ? '\\}' : close;
    p.fail('E_PARSE_UNCLOSED', `expected '${shown}' to close '${openText === '{' ? '\\{' : openText}' opened at ${p.where(open.start)}, found ${p.describe(t)}`, t);
  }
  p.next();
  return items;
}

/**
 * \left( … \right), \bigl( … \bigr), \Big| … \Big|: a group, or an absolute
 * value between bars; with the command `t` consumed.
 *
 *     \Bigl( x + 1 \Bigr)
 *          ^
 */
export const readSizedGroup: LatexFamilyReader = (p, t) => {
  if (t.text.endsWith('m') && t.text !== 'left' && (p.is('sym', '|') || p.is('cmd', 'vert') || p.is('cmd', 'mid'))) refuseMiddleBar(p, t);
  const open = openDelimiter(p);
  // \left. f \right|_{x=0}: a value at a point, which is not an expression here.
  if (open === undefined && p.is('sym', '.')) return p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}. … \\right|_{x=a} (a value at a point) is not read: substitute the point, or check the expression before it`, { start: t.start, end: p.peek().end });
  if (open === undefined) return p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a delimiter such as ( after '\\${t.text}', found ${p.describe(p.peek())}`, p.peek());
  const openTok = p.next();
  if (open === '‖') return readNormBody(p, openTok, t);
  const e = single(p, delimited(p, openTok, open, t.text === 'left'), openTok);
  return p.lit.plain(open === '|' ? call('abs', [e]) : e);
};

/** \{ … \} as a group, \lvert … \rvert as an absolute value, norms refused; with the command `t` consumed. */
export function readDelimiterCommand(p: LatexReader, t: LatexToken, text: string): Expr {
  if (text === '{') return p.lit.plain(single(p, delimited(p, t, '{', false), t));
  if (text === '|' && t.text !== 'rvert') return p.lit.plain(call('abs', [single(p, delimited(p, t, '|', false), t)]));
  return p.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\${t.text}': it closes nothing`, t);
}

/** \|, \Vert and \lVert: a norm (see the file comment); \rVert closes one. */
export const readNorm: LatexFamilyReader = (p, t) => {
  if (t.text === 'rVert') return p.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\rVert': it closes no norm`, t);
  return readNormBody(p, t);
};

/** \middle| and \bigm|: the bar of p(y | x) or of a set {x | x > 0}, which no expression here stands for. */
function refuseMiddleBar(p: LatexReader, t: LatexToken): never {
  return p.fail('E_PARSE_UNSUPPORTED', `a middle bar (\\${t.text}|, as in p(y \\mid x) or a set {x \\mid x > 0}) is not read: a conditional or a set is not an expression gradtex can check`, t);
}

/** \middle and \mid: refused (see refuseMiddleBar). */
export const readMiddle: LatexFamilyReader = (p, t) => refuseMiddleBar(p, t);

/**
 * The delimiter family of the LaTeX reader: brackets ( ) [ ] \{ \}, bars
 * | | (the absolute value), their sized forms \left( … \right),
 * \bigl( … \bigr), \Big, \bigg, \Bigg (l, r, m or bare), and argument lists
 * in brackets. Norms \|x\|, \lVert x \rVert and a middle bar (\middle|,
 * \bigm|) are refused by name: the expression tree has no norm and no
 * conditional bar, and reading ‖x‖ as |x| would be silently wrong for a vector.
 *
 *     \Bigl( x + 1 \Bigr)^2    |x - 1|    \max\left\{a, b\right\}
 */
import { call } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
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

/** Refuse a norm opened at `t`: there is no norm in the expression tree. */
function refuseNorm(p: LatexReader, t: LatexToken): never {
  return p.fail(
    'E_PARSE_UNSUPPORTED',
    `norms (\\${t.text} … \\${t.text === 'lVert' ? 'rVert' : t.text}) are not read: gradtex has no norm of a vector; write the sum it stands for, as \\sum_{i=1}^{n} x_i^2 for \\|x\\|_2^2, or |x| for a scalar`,
    t,
  );
}

/**
 * Items in delimiters: ( … ), [ … ], \{ … \}, | … |, each optionally
 * \left … \right (or \bigl … \bigr); commas separate arguments.
 *
 *     \left( a, b \right)
 *          ^
 */
export function delimited(p: LatexReader, open: LatexToken, openText: string, sized: boolean): Expr[] {
  if (openText === '‖') refuseNorm(p, open);
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
  const e = single(p, delimited(p, openTok, open, t.text === 'left'), openTok);
  return p.lit.plain(open === '|' ? call('abs', [e]) : e);
};

/** \{ … \} as a group, \lvert … \rvert as an absolute value, norms refused; with the command `t` consumed. */
export function readDelimiterCommand(p: LatexReader, t: LatexToken, text: string): Expr {
  if (text === '{') return p.lit.plain(single(p, delimited(p, t, '{', false), t));
  if (text === '|' && t.text !== 'rvert') return p.lit.plain(call('abs', [single(p, delimited(p, t, '|', false), t)]));
  return p.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\${t.text}': it closes nothing`, t);
}

/** \| and \lVert: a norm, refused (see the file comment). */
export const readNorm: LatexFamilyReader = (p, t) => refuseNorm(p, t);

/** \middle| and \bigm|: the bar of p(y | x) or of a set {x | x > 0}, which no expression here stands for. */
function refuseMiddleBar(p: LatexReader, t: LatexToken): never {
  return p.fail('E_PARSE_UNSUPPORTED', `a middle bar (\\${t.text}|, as in p(y \\mid x) or a set {x \\mid x > 0}) is not read: a conditional or a set is not an expression gradtex can check`, t);
}

/** \middle and \mid: refused (see refuseMiddleBar). */
export const readMiddle: LatexFamilyReader = (p, t) => refuseMiddleBar(p, t);

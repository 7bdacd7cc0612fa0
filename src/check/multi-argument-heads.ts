/**
 * Functions of several arguments defined in a document: `L(x, y, w) = …`,
 * then `L(a, b, c)` used. The LaTeX reader reads a bracket after a letter as
 * one expression (L(a, b) is a list where one value was expected), so the
 * checker rewrites each call of a defined head before reading: the call
 * becomes a placeholder symbol, read in place, then replaced by the
 * definition with the parameters set to the arguments (all at once, so
 * L(y, x) swaps them).
 *
 *     const h = headOf('L(x, y, w)')                     // { nameLatex: 'L', name: 'L', params: [x, y, w] }
 *     parseWithHeads('L(a, b, c) + 1', [{ ...h, value }])  // value[x := a, y := b, w := c] + 1
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, withChildren } from '../expr/traverse.js';
import { parseLatex } from '../parse/index.js';
import { splitTopLevelCommas } from './top-level-commas.js';

/** A defined function of two or more arguments. */
export interface HeadDefinition {
  /** The head as written (L, f, \ell). */
  readonly nameLatex: string;
  /** The name the definition fact carries. */
  readonly name: string;
  readonly params: readonly Sym[];
  readonly value: Expr;
}

const HEAD = /^\s*(\\[A-Za-z]+|[A-Za-z])\s*(?:\\left\s*)?\(([^()]*)(?:\\right\s*)?\)\s*$/;

/**
 * The left side of `L(x, y, w) = …`: a head and two or more distinct bare
 * parameters; undefined for anything else (one parameter is definitionOf's).
 */
export function headOf(lhsLatex: string): { nameLatex: string; name: string; params: Sym[] } | undefined {
  const m = HEAD.exec(lhsLatex);
  if (m === null) return undefined;
  const nameLatex = m[1] as string;
  const items = splitTopLevelCommas((m[2] as string).replace(/\\right\s*$/, ''));
  if (items.length < 2) return undefined;
  const params: Sym[] = [];
  for (const item of items) {
    let e: Expr;
    try {
      e = parseLatex(item);
    } catch {
      return undefined;
    }
    if (e.kind !== 'sym' || params.some((p) => p.hash === e.hash)) return undefined;
    params.push(e);
  }
  let name: Expr;
  try {
    name = parseLatex(nameLatex);
  } catch {
    return undefined;
  }
  if (name.kind !== 'sym' || name.sub.length > 0) return undefined;
  return { nameLatex, name: name.name, params };
}

/** Replace symbols by key, all at once, in subscripts too. */
function substituteAll(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  if (e.kind === 'sym') {
    const v = values.get(symKey(e));
    if (v !== undefined) return v;
  }
  const kids = children(e);
  if (kids.length === 0) return e;
  return withChildren(
    e,
    kids.map((c) => substituteAll(c, values)),
  );
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The index of the bracket closing the one opened at `open` (a `\right)` closes too), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/**
 * Read `latex` with every call of a defined head replaced by its definition;
 * a call with the wrong number of arguments is left to the reader (whose
 * error then names it). Throws the reader's ParseError as parseLatex does.
 */
/** A definition fact of a head with several parameters, as the reader's view of it. */
export function headDefinition(f: { readonly sym: Sym; readonly params?: readonly Sym[]; readonly value: Expr }): HeadDefinition | undefined {
  if (f.params === undefined || f.params.length < 2) return undefined;
  return { nameLatex: f.sym.name.length === 1 ? f.sym.name : `\\${f.sym.name}`, name: f.sym.name, params: f.params, value: f.value };
}

export function parseWithHeads(latex: string, heads: readonly HeadDefinition[]): Expr {
  if (heads.length === 0) return parseLatex(latex);
  const values = new Map<string, Expr>();
  let text = latex;
  for (const h of heads) {
    const call = new RegExp(`(?<![A-Za-z\\\\])${escape(h.nameLatex)}(?![A-Za-z])\\s*(?:\\\\left\\s*)?\\(`, 'g');
    for (let m = call.exec(text); m !== null; m = call.exec(text)) {
      const open = m.index + m[0].length - 1;
      const close = closing(text, open);
      if (close < 0) continue;
      const inner = text.slice(open + 1, close).replace(/\\right\s*$/, '');
      const args = splitTopLevelCommas(inner);
      if (args.length !== h.params.length) continue;
      const parsed = args.map((a) => parseWithHeads(a, heads));
      const key = `${9000 + values.size}`;
      const placeholder = sym('Xi', [sym(key)]);
      values.set(symKey(placeholder), substituteAll(h.value, new Map(h.params.map((p, i) => [symKey(p), parsed[i] as Expr]))));
      const replacement = `\\left(\\Xi_{${key}}\\right)`;
      text = text.slice(0, m.index) + replacement + text.slice(close + 1);
      call.lastIndex = m.index + replacement.length;
    }
  }
  const e = parseLatex(text);
  return values.size === 0 ? e : substituteAll(e, values);
}

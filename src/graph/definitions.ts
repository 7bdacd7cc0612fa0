/**
 * Reading the input of `gradtex graph`: one expression, or definitions
 * separated by `;` or new lines (`a = x*y + z; b = a*(x + x); w = a*b + b`).
 * A defined name used later is a reference to that definition's node; the
 * outputs are the definitions no later definition uses (all of f1, f2 for a
 * vector-valued f), or the expression itself, named f.
 *
 *     readDefinitions('a = x*y; w = a + 1')   // [{ name: a, … }, { name: w, … }], outputs [w]
 */
import type { Expr, Sym } from '../expr/node.js';
import { sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { some } from '../expr/traverse.js';
import { lineCol, ParseError, parseLatex, parsePlain } from '../parse/index.js';

/** A mistake in the definitions, located at line:col of the whole input. */
export class DefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionError';
  }
}

export interface Definition {
  readonly name: Sym;
  readonly expr: Expr;
}

export interface Definitions {
  readonly definitions: readonly Definition[];
  /** Keys (symKey) of the definitions that are outputs, in input order. */
  readonly outputs: readonly string[];
}

interface Piece {
  readonly text: string;
  /** Offset of `text` in the whole input. */
  readonly start: number;
}

/** Pieces between top-level `;` and new lines (a `;` inside braces or parentheses stays). */
function splitPieces(text: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (i === text.length || ((c === ';' || c === '\n') && depth <= 0)) {
      if (text.slice(start, i).trim() !== '') out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** The first top-level `=` in a piece, or -1 (`<=`, `>=`, `!=` are not definitions). */
function definitionSign(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === '=' && depth === 0 && !'<>!'.includes(text[i - 1] ?? '') && text[i + 1] !== '=') return i;
  }
  return -1;
}

function where(whole: string, offset: number): string {
  const lc = lineCol(whole, offset);
  return `${lc.line}:${lc.col}`;
}

function parseAt(whole: string, text: string, start: number, what: string): Expr {
  try {
    return text.includes('\\') ? parseLatex(text) : parsePlain(text);
  } catch (e) {
    if (e instanceof ParseError) throw new DefinitionError(`${what}: ${where(whole, start + e.span.start)}: ${e.message}`);
    throw e;
  }
}

/** `f_1(w_1, w_2)` names f_1: the argument list of a definition's left side is dropped. */
function nameOf(whole: string, lhs: string, start: number): Sym {
  const bare = lhs.replace(/\(\s*[^()]*\)\s*$/, '');
  const e = parseAt(whole, bare, start, 'definition');
  if (e.kind !== 'sym') throw new DefinitionError(`${where(whole, start + (bare.length - bare.trimStart().length))}: the left side of a definition must be a name such as a or f_1, not ${bare.trim()}`);
  return e;
}

/** Reads `text` into definitions; DefinitionError (with line:col) on a parse error, a redefinition or a use before definition. */
export function readDefinitions(text: string): Definitions {
  const pieces = splitPieces(text);
  if (pieces.length === 0) throw new DefinitionError('1:1: the input is empty: give an expression or definitions such as a = x*y; w = a + 1');
  const defs: Definition[] = [];
  const used = new Set<string>();
  const later = new Map<string, number>();
  const parsed: { name: Sym | undefined; expr: Expr; start: number }[] = [];
  for (const p of pieces) {
    const eq = definitionSign(p.text);
    if (eq < 0) {
      if (pieces.length > 1) throw new DefinitionError(`${where(text, p.start + (p.text.length - p.text.trimStart().length))}: with several lines, each must be a definition name = expression`);
      parsed.push({ name: undefined, expr: parseAt(text, p.text, p.start, 'expression'), start: p.start });
    } else {
      const name = nameOf(text, p.text.slice(0, eq), p.start);
      const expr = parseAt(text, p.text.slice(eq + 1), p.start + eq + 1, `definition of ${symKey(name)}`);
      if (later.has(symKey(name))) throw new DefinitionError(`${where(text, p.start)}: ${symKey(name)} is defined twice`);
      later.set(symKey(name), parsed.length);
      parsed.push({ name, expr, start: p.start });
    }
  }
  parsed.forEach((d, index) => {
    some(d.expr, (x) => {
      if (x.kind !== 'sym') return false;
      const at = later.get(symKey(x));
      if (at === undefined) return false;
      if (at >= index) throw new DefinitionError(`${where(text, d.start)}: ${symKey(x)} is used before (or in) its own definition; define it on an earlier line`);
      used.add(symKey(x));
      return false;
    });
    if (d.expr.kind === 'deriv' || some(d.expr, (x) => x.kind === 'deriv')) throw new DefinitionError(`${where(text, d.start)}: a derivative d(…) cannot be a node of a computation graph; write the function itself`);
    defs.push({ name: d.name ?? sym('f'), expr: d.expr });
  });
  const outputs = defs.map((d) => symKey(d.name)).filter((k) => !used.has(k));
  return { definitions: defs, outputs };
}

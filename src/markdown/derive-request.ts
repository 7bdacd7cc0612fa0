/**
 * What a ```derive block asks for, one request per non-empty line (a line
 * starting with `%` is a comment):
 *
 *     d/dx sigma(x)                    the derivative by x
 *     d/dx d/dy x^2*y                  by y first, then by x (read right to left, as written)
 *     d/dz_j \frac{e^{z_i}}{\sum_{k=1}^{c} e^{z_k}}
 *     diff log(1 + exp(x)) wrt x       the same as d/dx …
 *     diff x^2*y wrt x, y              by x, then by y
 *     softmax-jacobian                 a named derivation from rules/derivations
 *
 * The expression is LaTeX when it contains a backslash, plain syntax
 * otherwise (as on the command line). Offsets are into the block's text so
 * problems are reported where they are.
 */
import type { Expr, Sym } from '../expr/node.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';

export type DeriveRequest =
  | { readonly kind: 'diff'; readonly source: string; readonly f: Expr; readonly wrt: readonly Sym[]; readonly start: number; readonly end: number }
  | { readonly kind: 'named'; readonly name: string; readonly start: number; readonly end: number };

export interface RequestProblem {
  readonly kind: 'request';
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

const USAGE = 'write `d/dx EXPR`, `d/dx d/dy EXPR`, `diff EXPR wrt x` or the name of a derivation (such as `softmax-jacobian`)';

function parseMath(text: string, at: number): Expr | RequestProblem {
  try {
    return text.includes('\\') ? parseLatex(text) : parsePlain(text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { kind: 'request', reason: `cannot read this as math: ${e.message}`, start: at + e.span.start, end: Math.max(at + e.span.start + 1, at + e.span.end) };
  }
}

function parseVariable(text: string, at: number): Sym | RequestProblem {
  const e = parseMath(text, at);
  if ('reason' in e) return e;
  if (e.kind !== 'sym') return { kind: 'request', reason: `'${text}' is not a variable: differentiate by a name such as x, w_1 or z_j`, start: at, end: at + text.length };
  return e;
}

/** One line of the block; `at` is the offset of the line in the block. */
function parseLine(line: string, at: number): DeriveRequest | RequestProblem {
  const lead = line.length - line.trimStart().length;
  const text = line.trim();
  const start = at + lead;
  const end = start + text.length;
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(text)) return { kind: 'named', name: text, start, end };
  const diff = /^diff\s+(.*?)\s+wrt\s+(\S.*)$/.exec(text);
  if (diff !== null) {
    const exprText = diff[1] ?? '';
    const varsText = diff[2] ?? '';
    const f = parseMath(exprText, start + 5);
    if ('reason' in f) return f;
    const wrt: Sym[] = [];
    let from = start + text.length - varsText.length;
    for (const part of varsText.split(',')) {
      const name = part.trim();
      const v = parseVariable(name, from + part.indexOf(name));
      if ('reason' in v) return v;
      wrt.push(v);
      from += part.length + 1;
    }
    return { kind: 'diff', source: exprText, f, wrt, start, end };
  }
  const ops: Sym[] = [];
  let rest = text;
  let offset = start;
  for (let m = /^d\/d(\S+)\s+/.exec(rest); m !== null; m = /^d\/d(\S+)\s+/.exec(rest)) {
    const v = parseVariable(m[1] ?? '', offset + 3);
    if ('reason' in v) return v;
    ops.push(v);
    offset += m[0].length;
    rest = rest.slice(m[0].length);
  }
  if (ops.length === 0) return { kind: 'request', reason: `not a derivation request: ${USAGE}`, start, end };
  const f = parseMath(rest, offset);
  if ('reason' in f) return f;
  // d/dx d/dy f = d/dx (d/dy f): the operator nearest f applies first.
  return { kind: 'diff', source: rest, f, wrt: ops.reverse(), start, end };
}

/** Every request of the block, or the problem that stopped a line from being read. */
export function parseDeriveBlock(block: string): (DeriveRequest | RequestProblem)[] {
  const out: (DeriveRequest | RequestProblem)[] = [];
  let at = 0;
  for (const line of block.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('%')) out.push(parseLine(line, at));
    at += line.length + 1;
  }
  if (out.length === 0) out.push({ kind: 'request', reason: `empty derive block: ${USAGE}`, start: 0, end: 0 });
  return out;
}

export function isRequestProblem(x: DeriveRequest | RequestProblem): x is RequestProblem {
  return x.kind === 'request';
}

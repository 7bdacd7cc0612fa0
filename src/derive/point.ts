/**
 * Parsing `--at x=0.3,y=2,w_1=1/2` into exact values where possible: a
 * decimal typed by a user (0.3) is taken as the exact 3/10, so gradients at
 * such points come out exact.
 */
import { num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { some } from '../expr/traverse.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';

/** A point written wrongly: `--at x` without a value, a value with a variable in it. */
export class PointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PointError';
  }
}

function parseInput(text: string, _syntax: 'auto', what: string): Expr {
  try {
    return text.includes('\\') ? parseLatex(text) : parsePlain(text);
  } catch (e) {
    if (e instanceof ParseError) throw new PointError(`${what}: ${e.oneLine()}`);
    throw e;
  }
}

export interface Point {
  readonly values: ReadonlyMap<string, Expr>;
  readonly symbols: readonly Sym[];
}

function decimalToExact(text: string): Expr | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) return undefined;
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2]}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return num(n, 10n ** BigInt(frac.length));
}

/** Split at commas that are not inside parentheses or braces. */
function splitAssignments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

export function parsePoint(specs: readonly string[]): Point {
  const values = new Map<string, Expr>();
  const symbols: Sym[] = [];
  for (const spec of specs) {
    for (const part of splitAssignments(spec)) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new PointError(`--at: expected name=value, found '${part}'`);
      const name = parseInput(part.slice(0, eq).trim(), 'auto', `--at '${part}'`);
      if (name.kind !== 'sym') throw new PointError(`--at: '${part.slice(0, eq).trim()}' is not a variable name`);
      const raw = part.slice(eq + 1).trim();
      const value = decimalToExact(raw) ?? parseInput(raw, 'auto', `--at '${part}'`);
      if (some(value, (x) => x.kind === 'sym' && x.name !== 'pi')) throw new PointError(`--at: the value of ${raw} must be a number`);
      values.set(symKey(name), value);
      symbols.push(name);
    }
  }
  return { values, symbols };
}

/** Parse a comma-separated list of variables: `x1,x2,w_1`. */
export function parseVariables(spec: string, option: string): Sym[] {
  return splitAssignments(spec).map((v) => {
    const e = parseInput(v, 'auto', option);
    if (e.kind !== 'sym') throw new PointError(`${option}: '${v}' is not a variable name`);
    return e;
  });
}


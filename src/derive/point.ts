/**
 * Parsing `--at x=0.3,y=2,w_1=1/2` into exact values where possible: a
 * decimal typed by a user (0.3, 1.5e-3) is taken as the exact 3/10, 3/2000,
 * so gradients at such points come out exact. A value must be a finite
 * number that a double can hold: `x=1/0`, `x=1e309` (overflow) and
 * `x=1e-400` (underflow to 0) are PointErrors naming the variable.
 */
import { num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp, some } from '../expr/traverse.js';
import { evaluate, EvaluationError } from '../numeric/index.js';
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
  /** `z=[2, 4.5, 1]` gives the entries z_1, z_2, z_3 in `values` and z ↦ 3 here (the vector's length). */
  readonly vectors: ReadonlyMap<string, number>;
}

/** Exponents beyond this are refused before any big number is built (a double ends near 1e308 and 5e-324). */
const MAX_EXPONENT = 400;

function decimalToExact(text: string, what: string): Expr | undefined {
  const m = /^([-+]?)(\d+)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (m === null) return undefined;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0');
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) throw new PointError(`${what}: the exponent of ${text} is out of range for a double`);
  const n = BigInt(`${m[2]}${frac}`) * (m[1] === '-' ? -1n : 1n);
  const shift = exp - frac.length;
  return shift >= 0 ? num(n * 10n ** BigInt(shift)) : num(n, 10n ** BigInt(-shift));
}

/** The value must be a finite number a double can hold (not 1/0, not 1e309, not a nonzero that rounds to 0). */
function checkFinite(name: string, raw: string, value: Expr): void {
  const what = `--at ${name}=${raw}`;
  let v: number;
  try {
    v = evaluate(value, new Map());
  } catch (e) {
    if (e instanceof EvaluationError) throw new PointError(`${what}: the value of ${name} cannot be computed (${e.message})`);
    throw e;
  }
  const zero = value.kind === 'num' ? value.n === 0n : v === 0;
  if (Number.isNaN(v)) throw new PointError(`${what}: the value of ${name} is not a number`);
  if (!Number.isFinite(v)) throw new PointError(`${what}: the value of ${name} is not finite${value.kind === 'num' || value.kind === 'float' ? ' in double precision (it overflows beyond 1.8e308)' : ''}`);
  if (v === 0 && !zero) throw new PointError(`${what}: the value of ${name} underflows to 0 in double precision`);
}

/** Split at commas that are not inside parentheses, braces or brackets (a vector's entries). */
function splitAssignments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * `x=[1, 2, 3]` as the assignments x_1=1, x_2=2, x_3=3 (entries numbered from
 * 1, as sums over data write them), or the part itself when it is no vector.
 */
function vectorEntries(part: string, vectors: Map<string, number>): string[] {
  const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*\[(.*)\]\s*$/s.exec(part);
  if (m === null) return [part];
  const name = m[1] ?? '';
  const entries = splitAssignments(m[2] ?? '');
  if (entries.length === 0) throw new PointError(`--at ${name}=[]: a vector needs at least one entry`);
  vectors.set(name, entries.length);
  return entries.map((v, k) => `${name}_${k + 1}=${v}`);
}

export function parsePoint(specs: readonly string[]): Point {
  const values = new Map<string, Expr>();
  const symbols: Sym[] = [];
  const vectors = new Map<string, number>();
  for (const spec of specs) {
    for (const part of splitAssignments(spec).flatMap((p) => vectorEntries(p, vectors))) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new PointError(`--at: expected name=value, found '${part}'`);
      const name = parseInput(part.slice(0, eq).trim(), 'auto', `--at '${part}'`);
      if (name.kind !== 'sym') throw new PointError(`--at: '${part.slice(0, eq).trim()}' is not a variable name`);
      const raw = part.slice(eq + 1).trim();
      if (raw.startsWith('[')) throw new PointError(`--at: only a plain name takes a vector ([…]), not '${part.slice(0, eq).trim()}'`);
      const value = decimalToExact(raw, `--at '${part}'`) ?? parseInput(raw, 'auto', `--at '${part}'`);
      if (some(value, (x) => x.kind === 'sym' && x.name !== 'pi')) throw new PointError(`--at: the value of ${raw} must be a number`);
      checkFinite(symKey(name), raw, value);
      values.set(symKey(name), value);
      symbols.push(name);
    }
  }
  return { values, symbols, vectors };
}

/** Parse a comma-separated list of variables: `x1,x2,w_1`. */
export function parseVariables(spec: string, option: string): Sym[] {
  return splitAssignments(spec).map((v) => {
    const e = parseInput(v, 'auto', option);
    if (e.kind !== 'sym') throw new PointError(`${option}: '${v}' is not a variable name`);
    return e;
  });
}


/**
 * The decimals typed in an expression taken as the exact numbers they name,
 * as in a point: `step(-0.5)` is step(-1/2) = 0 exactly and `6 + 0.25` is 25/4.
 * The float's shortest round-trip text is the decimal the user typed (0.001
 * prints as 0.001); one whose text is not a plain decimal stays a float.
 */
export function exactDecimals(e: Expr): Expr {
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'float' || !Number.isFinite(x.value)) return x;
    try {
      return decimalToExact(String(x.value), 'a decimal') ?? x;
    } catch {
      return x;
    }
  });
}

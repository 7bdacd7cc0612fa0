/**
 * Numbers on data: an expression evaluated where the point gives vectors
 * (`x=[1, 2, 3]`: x_1, x_2, x_3), sums over them written out term by term
 * (`sum((y_i - w*x_i)^2, i, 1, 3)`, or `…, i, 1, n)` with n read off the
 * vectors' common length), softmax and log-sum-exp of a vector, and
 * let-bindings (`u = w*x + b`) evaluated in order, each value kept for the
 * table of intermediates. A length mismatch, an index out of range and a
 * missing value are DataErrors with a one-line reason.
 *
 *     evaluateOnData(engine, parse, 'sum(x_i^2, i, 1, n)', parsePoint(['x=[1,2,3]']), [])
 *     // result: the value 14
 */
import { evaluateAt, type ValueAt } from '../derive/evaluate-at.js';
import type { Point } from '../derive/point.js';
import { call, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp, some, symbolsOf } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { MAX_UNROLLED_TERMS, unrollSums } from '../matrix/unroll-sums.js';
import type { Engine } from '../rewrite/engine.js';
import { DataError, expandVectorFunctions } from './vector-functions.js';

export interface LetValue {
  readonly name: string;
  /** As evaluated: sums written out term by term. */
  readonly definition: Expr;
  /** As written, for display. */
  readonly written: Expr;
  readonly value: ValueAt;
}

export interface DataEvaluation {
  readonly lets: readonly LetValue[];
  /** A scalar value, or the entries of a vector-valued expression (softmax(z)). */
  readonly result:
    | { readonly kind: 'scalar'; readonly expr: Expr; readonly written: Expr; readonly value: ValueAt }
    | { readonly kind: 'vector'; readonly label: string; readonly entries: readonly { readonly expr: Expr; readonly written: Expr; readonly value: ValueAt }[] };
}

/** Parses one expression; `what` names it in a parse error ('--let u'). */
export type ParseText = (text: string, what: string) => Expr;

/** x_i with x a vector and i the index of the sum around it. */
function vectorIndexedBy(s: Sym, index: string, vectors: ReadonlyMap<string, number>): boolean {
  const k = s.sub[0];
  return vectors.has(s.name) && s.sub.length === 1 && s.sup.length === 0 && k !== undefined && k.kind === 'sym' && k.name === index && k.sub.length === 0;
}

/** A symbol's value at the point, or the expression itself. */
function valueOf(e: Expr, point: Point): Expr {
  return e.kind === 'sym' ? (point.values.get(symKey(e)) ?? e) : e;
}

/**
 * Every sum over a vector's entries gets its range checked against the
 * vectors it reads, and an unstated end (n) the vectors' common length.
 */
function bindSumRanges(e: Expr, point: Point): Expr {
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || x.fn !== 'sum' || x.args.length !== 4) return x;
    const [body, k, lo, hi] = x.args as [Expr, Expr, Expr, Expr];
    if (k.kind !== 'sym') return x;
    const read = [...new Map(symbolsOf(body).filter((s) => vectorIndexedBy(s, k.name, point.vectors)).map((s) => [s.name, point.vectors.get(s.name) ?? 0])).entries()];
    // An end given at the point (n=3) is the range, with or without vectors.
    if (read.length === 0) return call('sum', [body, k, valueOf(lo, point), valueOf(hi, point)]);
    let end = hi;
    if (hi.kind === 'sym' && !point.values.has(symKey(hi))) {
      const lengths = new Set(read.map(([, n]) => n));
      if (lengths.size > 1) throw new DataError(`length mismatch: the sum over ${k.name} reads ${read.map(([v, n]) => `${v} (${n} entries)`).join(' and ')}; give vectors of one length or write the range`);
      end = num(read[0]?.[1] ?? 0);
    } else if (hi.kind === 'sym') {
      end = point.values.get(symKey(hi)) ?? hi;
    }
    const start = lo.kind === 'sym' ? (point.values.get(symKey(lo)) ?? lo) : lo;
    if (start.kind === 'num' && end.kind === 'num' && start.d === 1n && end.d === 1n) {
      for (const [v, n] of read) {
        if (start.n < 1n || end.n > BigInt(n)) throw new DataError(`index out of range: the sum over ${k.name} runs from ${start.n} to ${end.n}, but ${v} has ${n} entr${n === 1 ? 'y' : 'ies'} (${v}_1 … ${v}_${n})`);
      }
      if (end.n - start.n + 1n > BigInt(MAX_UNROLLED_TERMS)) throw new DataError(`the sum over ${k.name} has ${end.n - start.n + 1n} terms; at most ${MAX_UNROLLED_TERMS} are written out`);
    }
    return call('sum', [body, k, start, end]);
  });
}

/** The checks after the sums are written out: entries that exist, vectors not used as numbers, every symbol with a value. */
function checkValues(e: Expr, point: Point, known: ReadonlyMap<string, Expr>, what: string): void {
  for (const s of symbolsOf(e)) {
    const n = point.vectors.get(s.name);
    if (n !== undefined && s.sub.length === 0 && s.sup.length === 0 && !known.has(symKey(s))) throw new DataError(`${what}: ${s.name} is a vector (${n} entries): read its entries as ${s.name}_i inside a sum, or as ${s.name}_1 … ${s.name}_${n}`);
    const k = s.sub[0];
    if (n !== undefined && s.sub.length === 1 && k?.kind === 'num' && !known.has(symKey(s))) throw new DataError(`index out of range: ${what} reads ${s.name}_${toPlain(k)}, but ${s.name} has ${n} entr${n === 1 ? 'y' : 'ies'} (${s.name}_1 … ${s.name}_${n})`);
  }
  const missing = symbolsOf(e).filter((s) => s.name !== 'pi' && !known.has(symKey(s)));
  const first = missing[0];
  if (first !== undefined) throw new DataError(`no value for ${missing.map(symKey).join(', ')} in ${what}: add --at ${symKey(first)}=…${missing.length > 1 ? ' (and the others)' : ''}`);
}

function prepare(written: Expr, expanded: Expr, point: Point, known: ReadonlyMap<string, Expr>, what: string): { expr: Expr; written: Expr } {
  const e = unrollSums(bindSumRanges(expanded, point));
  if (some(e, (x) => x.kind === 'call' && x.fn === 'sum')) throw new DataError(`${what}: a sum whose range is not a pair of whole numbers cannot be written out; give its end (n) or the vectors it reads`);
  checkValues(e, point, known, what);
  return { expr: e, written };
}

/** `u = w*x + b` → ['u', 'w*x + b']. */
function splitLet(spec: string): [string, string] {
  const eq = spec.indexOf('=');
  const name = spec.slice(0, eq).trim();
  if (eq <= 0 || !/^[A-Za-z][A-Za-z0-9]*(_\{?[A-Za-z0-9]+\}?)?$/.test(name)) throw new DataError(`--let '${spec}': write name = expression, such as 'u = w*x + b'`);
  return [name, spec.slice(eq + 1).trim()];
}

export function evaluateOnData(engine: Engine, parse: ParseText, text: string, point: Point, letSpecs: readonly string[]): DataEvaluation {
  const known = new Map(point.values);
  const lets: LetValue[] = [];
  for (const spec of letSpecs) {
    const [name, body] = splitLet(spec);
    const nameExpr = parse(name, `--let ${name}`);
    if (nameExpr.kind !== 'sym') throw new DataError(`--let '${spec}': '${name}' is not a variable name`);
    if (known.has(symKey(nameExpr)) || point.vectors.has(name)) throw new DataError(`--let ${name}: ${name} already has a value (from --at or an earlier --let)`);
    const bodyExpr = parse(body, `--let ${name}`);
    const expanded = expandVectorFunctions(bodyExpr, point.vectors);
    if (expanded.entries !== undefined) throw new DataError(`--let ${name}: ${expanded.entries.label} is a vector; a let-binding holds one number`);
    const { expr: definition, written } = prepare(bodyExpr, expanded.expr, point, known, `--let ${name}`);
    const value = evaluateAt(engine, definition, known);
    lets.push({ name, definition, written, value });
    // Later lines see the exact value (or the decimal one where there is none).
    known.set(symKey(nameExpr), value.value);
  }
  const parsed = parse(text, 'the expression');
  const expanded = expandVectorFunctions(parsed, point.vectors);
  if (expanded.entries !== undefined) {
    const entries = expanded.entries.exprs.map((t, j) => {
      const { expr, written } = prepare(expanded.entries?.written[j] ?? t, t, point, known, `entry ${j + 1} of ${expanded.entries?.label ?? ''}`);
      return { expr, written, value: evaluateAt(engine, expr, known) };
    });
    return { lets, result: { kind: 'vector', label: expanded.entries.label, entries } };
  }
  const { expr, written } = prepare(parsed, expanded.expr, point, known, 'the expression');
  return { lets, result: { kind: 'scalar', expr, written, value: evaluateAt(engine, expr, known) } };
}

export { DataError };

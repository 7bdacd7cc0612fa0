/**
 * Definitions of indexed symbols, `y_i = exp(z_i)/sum(exp(z_k), k, 1, c)`,
 * and their unfolding. Checks unfold every defined symbol before comparing
 * numbers, so a step that names y_j is checked against the softmax it
 * stands for; a hypothesis instance (`y_k = delta(k, t)`: one-hot labels) is
 * unfolded the same way, so checks sample only the cases the hypothesis allows.
 *
 *     const d = parseDefinition('y_i = exp(z_i)/sum(exp(z_k), k, 1, c)');
 *     unfold(parsePlain('y_2'), [d])   // exp(z_2)/sum(exp(z_k), k, 1, c)
 */
import { call, sym } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr, Sym } from '../../expr/node.js';
import { mapBottomUp, some } from '../../expr/traverse.js';
import { parsePlain } from '../../parse/index.js';

export interface ParsedDefinition {
  /** The defined symbol as written, e.g. y_i. */
  readonly head: Sym;
  readonly body: Expr;
}

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
}

/** `name_{params} = body` in plain syntax. Index parameters must be plain names. */
export function parseDefinition(text: string): ParsedDefinition {
  const eq = text.indexOf('=');
  if (eq < 0) throw new DefinitionError(`expected 'symbol = expression', e.g. y_i = exp(z_i), in '${text}'`);
  const head = parsePlain(text.slice(0, eq).trim());
  if (head.kind !== 'sym') throw new DefinitionError(`the left side of '${text}' must be one symbol such as y_i`);
  for (const p of [...head.sub, ...head.sup]) {
    if (p.kind !== 'sym' || p.sub.length > 0 || p.sup.length > 0) throw new DefinitionError(`the indices of ${text.slice(0, eq).trim()} must be plain names such as i or k`);
  }
  return { head, body: parsePlain(text.slice(eq + 1).trim()) };
}

/** Symbols bound by sums inside e. */
function boundIndices(e: Expr): Expr[] {
  const out: Expr[] = [];
  some(e, (x) => {
    if (x.kind === 'call' && x.fn === 'sum' && x.args[1] !== undefined) out.push(x.args[1]);
    return false;
  });
  return out;
}

function replaceAll(e: Expr, from: Expr, to: Expr): Expr {
  return mapBottomUp(e, (x) => (equal(x, from) ? to : x));
}

/** The body with the parameters replaced by the actual indices, renaming bound indices that would capture them. */
function instantiate(def: ParsedDefinition, actual: Sym): Expr {
  const params = [...def.head.sub, ...def.head.sup];
  const args = [...actual.sub, ...actual.sup];
  let body = def.body;
  // A bound k in the body must not capture an actual index that is also k.
  for (const b of boundIndices(body)) {
    if (b.kind === 'sym' && args.some((a) => some(a, (x) => equal(x, b)))) body = replaceAll(body, b, sym(`${b.name}'`));
  }
  // Two passes through fresh placeholders, so y_{ij} = … with actual (j, i) swaps correctly.
  const holes = params.map((_, n) => call('#hole', [sym(`#${n}`)]));
  params.forEach((p, n) => (body = replaceAll(body, p, holes[n] as Expr)));
  holes.forEach((h, n) => (body = replaceAll(body, h, args[n] as Expr)));
  return body;
}

function matches(def: ParsedDefinition, s: Sym): boolean {
  return s.name === def.head.name && s.sub.length === def.head.sub.length && s.sup.length === def.head.sup.length;
}

/**
 * What a symbol stands for under `defs` (one level), for `withDependencies`:
 * differentiating by w then sees that ŷ_k, defined through w, is no constant.
 */
export function definitionResolver(defs: readonly ParsedDefinition[]): (s: Sym) => Expr | undefined {
  return (s) => {
    const d = defs.find((def) => matches(def, s));
    return d === undefined ? undefined : instantiate(d, s);
  };
}

/** Replace every defined symbol by its definition, to a fixed depth (definitions may use each other). */
export function unfold(e: Expr, defs: readonly ParsedDefinition[]): Expr {
  let out = e;
  for (let round = 0; round < 8; round++) {
    const next = mapBottomUp(out, (x) => {
      if (x.kind !== 'sym') return x;
      const d = defs.find((def) => matches(def, x));
      return d === undefined ? x : instantiate(d, x);
    });
    if (equal(next, out)) return out;
    out = next;
  }
  return out;
}

/**
 * Training examples written with a superscript: a document defines
 * `z = \sum_j w_j x_j + b` once and then writes `z^{(i)}` and `x_j^{(i)}`
 * for the i-th example. `z^{(i)}` is then the definition of z with every
 * name the document writes with the same superscript (x, y) taken at that
 * example (x_j^{(i)}); the other names (the weights w_j, the bias b) are
 * shared by all examples, as written.
 *
 *     // source writes x_j^{(i)}; z = sum(w_j x_j, j, 1, m) + b in scope
 *     exampleMembers([z^{(i)}], active, source)   // [z^{(i)} = sum(w_j x_j^{(i)}, j, 1, m) + b]
 */
import type { Expr, Sym } from '../expr/node.js';
import { sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { children, withChildren } from '../expr/traverse.js';
import { allSymbols, type Stated } from './fact-ledger.js';
import { isIndexLetter } from './index-conditions.js';

/** Names the source writes with the superscript (i) of index `letter`: x in `x_j^{(i)}`, `x^{(i)}_j`, y in `y^{(i)}`. */
function namesWithSuperscript(source: string, letter: string): Set<string> {
  const out = new Set<string>();
  const re = new RegExp(`(\\\\?[A-Za-z]+)\\s*(?:_(?:\\{[^{}]*\\}|[A-Za-z0-9])\\s*)?\\^\\s*\\{\\s*\\(\\s*${letter}\\s*\\)\\s*\\}`, 'g');
  for (const m of source.matchAll(re)) out.add((m[1] as string).replace(/^\\/, ''));
  return out;
}

/** `e` with each free symbol named in `names` (and without a superscript) taken at the example `index`. */
function atExample(e: Expr, index: Sym, names: ReadonlySet<string>, bound: ReadonlySet<string> = new Set()): Expr {
  if (e.kind === 'sym') return e.sup.length === 0 && names.has(e.name) && !bound.has(symKey(e)) ? sym(e.name, e.sub, [index]) : e;
  if (e.kind === 'call' && e.fn === 'sum' && e.args[1]?.kind === 'sym') {
    const inner = new Set([...bound, symKey(e.args[1])]);
    const [body, k, lo, hi] = e.args;
    if (body !== undefined && k !== undefined && lo !== undefined && hi !== undefined) return withChildren(e, [atExample(body, index, names, inner), k, atExample(lo, index, names, bound), atExample(hi, index, names, bound)]);
  }
  const kids = children(e);
  if (kids.length === 0) return e;
  return withChildren(
    e,
    kids.map((c) => atExample(c, index, names, bound)),
  );
}

/**
 * Definitions of the members `z^{(i)}` the step uses (in `sides` or in the
 * values of the definitions in `inScope`) whose base `z` is defined in
 * `active` and which have no definition of their own.
 */
export function exampleMembers(sides: readonly Expr[], inScope: readonly Stated[], active: readonly Stated[], source: string): Stated[] {
  const syms = new Map<string, Sym>();
  for (const e of sides) allSymbols(e, syms);
  for (const st of inScope) if (st.fact.kind === 'define') allSymbols(st.fact.value, syms);
  const out: Stated[] = [];
  for (const s of syms.values()) {
    const index = s.sup.length === 1 ? s.sup[0] : undefined;
    if (index === undefined || !isIndexLetter(index)) continue;
    if (active.some((st) => st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(s))) continue;
    const baseKey = symKey(sym(s.name, s.sub));
    const base = active.find((st) => st.fact.kind === 'define' && st.fact.param === undefined && st.fact.params === undefined && symKey(st.fact.sym) === baseKey);
    if (base === undefined || base.fact.kind !== 'define') continue;
    const names = namesWithSuperscript(source, index.name);
    names.delete(s.name);
    // Nothing of the definition is per example: z^{(i)} would be z itself, which the document does not say.
    const value = atExample(base.fact.value, index, names);
    if (value.hash === base.fact.value.hash) continue;
    out.push({ ...base, fact: { kind: 'define', sym: s, value } });
  }
  return out;
}

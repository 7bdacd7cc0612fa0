/**
 * Inline math after a premise word that the fact reader cannot take is not
 * always a premise: prose often states a result with "with", "for" or
 * "instead" in front of it. Two shapes of math are judged rather than
 * listed as not read:
 *
 * - **closed**: no free variable once the document's definitions are known
 *   ("with $g(1) = 0$" after `g(x) = …`, "mixed it up with $\sigma(0) =
 *   1/2$"). A statement about numbers conditions nothing; it is a claim.
 * - **identity-shaped**: only `=` links, every side (that parses) has a free
 *   variable, all share one name, and no side is a bare undefined letter
 *   ("with $\|w\|_2^2 = \sum_{i=1}^n w_i^2$"). It may still be a condition
 *   (`x^2 = x`), so it is judged as a premise: a failure is only
 *   `undecided`. When the premise word is not right before it but earlier
 *   in a list or in its sentence ("I wrote $…$ for $a, b > 0$ and
 *   $\log(a + b) = \log a + \log b$", "Using (a) instead: $\frac{d}{dx}… =
 *   …$"), it is read as a claim, judged in full, unless it applies a
 *   function letter the document leaves unknown (`f(x) = f(-x)` says
 *   something about f: a condition).
 *
 *     premiseAsClaim('\\sigma(0) = 1/2', ctx, 120, true)      // 'claim'
 *     premiseAsClaim('w x > 0', ctx, 120, true)                // undefined (a condition: stays not read)
 */
import { abstractHead } from '../expr/abstract-function.js';
import { sym } from '../expr/build.js';
import { CONSTANTS } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { tryParseLatex } from '../parse/index.js';
import { splitRelations } from '../parse/split-relations.js';
import { allSymbols, type Ledger } from './fact-ledger.js';

/** The free (undefined) symbols of a side at `at`: every symbol the document does not define, constants aside. */
function freeSymbols(e: Expr, ledger: Ledger, at: number): Sym[] {
  return [...allSymbols(e).values()].filter((s) => !CONSTANTS.has(s.name) && !ledger.definedAt(s, at));
}

/** Applies a function letter the document does not define (f(x) with f unknown)? */
function appliesUnknownFunction(e: Expr, ledger: Ledger, at: number): boolean {
  return some(e, (x) => {
    if (x.kind !== 'call') return false;
    const head = abstractHead(x.fn);
    return head !== undefined && !ledger.definedAt(sym(head.name), at);
  });
}

/**
 * 'claim' when the unread premise `text` at `at` is a claim, 'premise-claim'
 * when it is judged as a premise (a failure only undecided), undefined when
 * it stays not read. `adjacent`: the premise word is right before the math.
 */
export function premiseAsClaim(text: string, ledger: Ledger, at: number, adjacent: boolean): 'claim' | 'premise-claim' | undefined {
  const chains = splitRelations(text);
  const chain = chains[0];
  if (chains.length !== 1 || chain === undefined || chain.rels.length === 0) return undefined;
  const sides = chain.sides.map((s) => tryParseLatex(s.latex));
  const read = sides.filter((e): e is Expr => e !== undefined);
  if (read.length < 2) return undefined;
  const free = read.map((e) => freeSymbols(e, ledger, at));
  // Closed: every side read, and nothing left free.
  if (read.length === sides.length && free.every((f) => f.length === 0)) return 'claim';
  if (chain.rels.some((r) => r.rel !== '=' || r.definition)) return undefined;
  if (free.some((f) => f.length === 0)) return undefined;
  // A bare undefined letter on a side (`x = …`, `… = y`) reads as a definition or a condition, not an identity;
  // not a letter whose domain the premise just gave ("for $a > 0$, $(\sqrt{a})^2 = a$").
  const bounded = (e: Expr): boolean => ledger.activeAt(at).some((st) => (st.fact.kind === 'sign' || st.fact.kind === 'interval' || st.fact.kind === 'set') && st.fact.sym.hash === e.hash);
  if (read.some((e) => e.kind === 'sym' && !ledger.definedAt(e, at) && !bounded(e))) return undefined;
  const names = free.map((f) => new Set(f.map((s) => s.name)));
  const first = names[0] ?? new Set<string>();
  if (![...first].some((n) => names.every((set) => set.has(n)))) return undefined;
  if (adjacent) return 'premise-claim';
  return read.some((e) => appliesUnknownFunction(e, ledger, at)) ? 'premise-claim' : 'claim';
}

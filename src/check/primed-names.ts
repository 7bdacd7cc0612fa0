/**
 * Names with primes in a checked document (the reader's side is
 * src/parse/latex-primes.ts: `w'` is a variable of its own):
 *
 * - `\ell' = -\tfrac14` after `\ell(z) = …` is the derivative of the defined
 *   function ℓ (multi-argument-heads.ts reads it so), never a new variable
 *   ell′ that the line would define;
 * - a defined primed name written with another value (`w' = w - \eta y x` after
 *   `w' = w + \eta y x`, "a student wrote the update as …") fails as a
 *   claim, and from there its old definition is not trusted either: the
 *   document may mean the new value, so later claims are judged with the
 *   symbol free (fewer facts: a weaker verdict, never a stronger one).
 *
 *     primeOfDefinedFunction(sym("ell'"), ledger, at)   // true after \ell(z) = …
 */
import { sym } from '../expr/build.js';
import type { Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { tryParseLatex } from '../parse/index.js';
import type { Ledger } from './fact-ledger.js';

/** Is `s` a primed name (ell′) whose unprimed name the document defines as a function at `at`? */
export function primeOfDefinedFunction(s: Sym, ledger: Ledger, at: number): boolean {
  const m = /^(.+?)'+$/.exec(s.name);
  if (m === null) return false;
  const known = ledger.definitionAt(symKey(sym(m[1] as string, s.sub, s.sup)), at);
  return known !== undefined && known.fact.kind === 'define' && known.fact.param !== undefined;
}

/** Does the inline math `text` (at `at`) start with a primed name of a defined function, as `\ell' = -\tfrac14` does? Then it is a claim. */
export function startsWithPrimeOfDefinedFunction(text: string, ledger: Ledger, at: number): boolean {
  const m = /^\s*(\\?[A-Za-z]+'+)\s*(?:=|\\[lg]e)/.exec(text);
  const lhs = m === null ? undefined : tryParseLatex(m[1] as string);
  return lhs?.kind === 'sym' && primeOfDefinedFunction(lhs, ledger, at);
}

/**
 * After a claim `s = …` about a defined symbol s has failed at `at`: s's
 * definitions end there (see the file comment).
 */
export function endContradictedDefinition(ledger: Ledger, lhsLatex: string, at: number): void {
  const lhs = tryParseLatex(lhsLatex);
  // Only a primed name: w' is the value after one update, and documents write other updates with it; other names keep their definitions.
  if (lhs?.kind !== 'sym' || !/'$/.test(lhs.name)) return;
  for (const st of ledger.activeAt(at)) if (st.fact.kind === 'define' && st.fact.param === undefined && symKey(st.fact.sym) === symKey(lhs)) st.to = at;
}

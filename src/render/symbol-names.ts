/** How symbol names print: Greek letters, accents, multi-letter words. */
import { GREEK_LETTERS } from '../expr/greek-letters.js';

/** The Greek letter names (one list, src/expr/greek-letters.ts, shared with the readers). */
export const GREEK: ReadonlySet<string> = new Set(GREEK_LETTERS);

/** alpha -> \alpha, yhat -> \hat{y}, xdot -> \dot{x}, Lcal -> \mathcal{L}, x -> x, loss -> \mathrm{loss}. */
export function latexName(name: string): string {
  // w' (a variable named with primes by the readers, src/parse/latex-primes.ts): the name, then its primes.
  const primed = /^(.+?)('+)$/.exec(name);
  if (primed !== null) return `${latexName(primed[1] as string)}${primed[2] as string}`;
  if (GREEK.has(name)) return `\\${name}`;
  const accent = /^([A-Za-z])(hat|tilde|bar|dot|ddot|cal)$/.exec(name);
  // Lcal is how the reader names \mathcal{L}; the other suffixes are accent commands.
  if (accent !== null) return accent[2] === 'cal' ? `\\mathcal{${accent[1]}}` : `\\${accent[2]}{${accent[1]}}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  return `\\mathrm{${name}}`;
}

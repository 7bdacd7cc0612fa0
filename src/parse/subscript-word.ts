/**
 * A run of letters in a subscript is one index per letter (W_{ij}, δ_{ky},
 * T_{ijk}) unless it is a word that labels the symbol, as students write
 * fan-in and fan-out: n_{in}, n_{out}, w_{He}, z_{max}, L_{train}. A word
 * is a two-letter label of the short list below, a capitalised word, or
 * three or more letters with a vowel other than i or y (index letters are
 * i, j, k, l, m, n, y, …; a run of them, ijk, stays indices).
 *
 *     isSubscriptWord('in')    // true: n_{in} is one symbol
 *     isSubscriptWord('out')   // true
 *     isSubscriptWord('ij')    // false: W_{ij} has two indices
 *     isSubscriptWord('ijk')   // false
 */
const TWO_LETTER_WORDS: ReadonlySet<string> = new Set(['in', 'hi', 'lo', 'up', 'on']);

export function isSubscriptWord(run: string): boolean {
  if (/^[A-Z][a-z]+$/.test(run)) return true;
  if (!/^[a-z]{2,}$/.test(run)) return false;
  if (run.length === 2) return TWO_LETTER_WORDS.has(run);
  return /[aeou]/.test(run) && /[^aeiouy]/.test(run);
}

/**
 * "Did you mean …?" for unknown function and command names: the known names
 * within a small edit distance, closest first.
 *
 *     suggest('sigmoud', ['sigma', 'sigmoid', 'exp'])   // ['sigmoid']
 */
import { FUNCTIONS } from '../expr/functions.js';

/** Levenshtein distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[t.length] ?? 0;
}

/** Up to three known names close to `name` (one edit per three letters, at most 2; or a shared prefix of 3). */
export function suggest(name: string, known: readonly string[]): string[] {
  const scored = known
    .map((k) => ({ k, d: editDistance(name, k) }))
    .filter(({ k, d }) => d <= Math.min(2, Math.floor(name.length / 3)) || (name.length >= 3 && k.toLowerCase().startsWith(name.toLowerCase().slice(0, 3))))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  return [...new Set(scored.map((s) => s.k))].slice(0, 3);
}

/** " Did you mean 'sigmoid'?" or "" when nothing is close. */
export function didYouMean(name: string, known: readonly string[], prefix = ''): string {
  const close = suggest(name, known);
  if (close.length === 0) return '';
  return ` Did you mean ${close.map((c) => `'${prefix}${c}'`).join(' or ')}?`;
}

/**
 * A few well-known function names for "unknown function" messages, kept short
 * and stable (the whole table would change with every new function): the
 * entries with a `messageExample` position in the function table.
 *
 *     functionSample(lookupFunction)   // 'exp, log, sqrt, sigma, tanh, relu, max, …'
 */
export function functionSample(lookup: (name: string) => unknown): string {
  const picks = FUNCTIONS.filter((f) => f.messageExample !== undefined)
    .sort((a, b) => (a.messageExample ?? 0) - (b.messageExample ?? 0))
    .map((f) => f.name)
    .filter((n) => lookup(n) !== undefined);
  return `${picks.join(', ')}, …`;
}

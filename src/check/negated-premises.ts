/**
 * Inline math the prose does not state as a fact although a premise word
 * governs it: a negated condition, or one member of a disjunction.
 *
 * Negated: inline math that the prose right before it says is *not* assumed: "we do
 * not assume $x > 0$", "we no longer assume", "without assuming", "it is not
 * the case that", "$x$ need not satisfy", "we drop the assumption", "it is
 * false that", "not only for". A premise word among those words ("assume")
 * must not make the math a fact: √(x²) = x held after "We do not assume
 * $x > 0$". The words cannot always be read either way ("this is not a
 * problem when $x > 0$" does state a case), so such math is never a fact and
 * never a claim: it is listed as not read, and a failure of a step using its
 * names is undecided (weaker than the truth either way).
 *
 *     negatedPremise('We do not assume')   // 'not'
 *     negatedPremise('We assume')          // undefined
 */

/**
 * A negation followed by at most four words and nothing else (no comma, no
 * bracket, no other math) up to the math: "not negative, i.e. $x \ge 0$" and
 * "not negative ($x \ge 0$)" restate a fact and are not negations of it.
 */
const NEGATED = /\b(not|never|no\s+longer|without(?!\s+loss\b)|cannot|can't|don't|doesn't|won't|drop(?:s|ped|ping)?|false|unlike|nor)\b(?:\s+[A-Za-z']+){0,4}?\s*(?:,\s*)?$/i;

/** The negation in the prose right before inline math (list math already skipped), or undefined. */
export function negatedPremise(proseBefore: string): string | undefined {
  const m = NEGATED.exec(proseBefore.replace(/(?:\$|\\\()\s*$/, ''));
  return m === null ? undefined : (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Is this inline math one member of a disjunction of inline math ("for $x > 0$ or $y > 0$", "either $a > 0$ or
 * $b > 0$")? Each member alone is no fact: read as two facts, x + y > 0 held. `end` is the offset after the math.
 *
 *     disjunctionMember('For $x > 0$ or $y > 0$, …', 5, 10)   // true
 */
export function disjunctionMember(source: string, offset: number, end: number): boolean {
  const before = source.slice(Math.max(0, offset - 40), offset).replace(/(?:\$|\\\()\s*$/, '');
  const after = source.slice(end, end + 40).replace(/^\s*(?:\$|\\\))/, '');
  return /(?:\$|\\\))\s*,?\s*or\s*$/i.test(before) || /^\s*,?\s*or\s+(?:\$|\\\()/i.test(after);
}

/**
 * Primed names in checked documents (src/parse/latex-primes.ts,
 * src/check/primed-names.ts): w' is a new variable; a later, contradicting
 * w' = … fails and the old definition is not used after it, so a claim that
 * holds only under the old one fails at its own place; \ell' after
 * \ell(z) = … stays the derivative (a claim), never a new variable.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}:${s.col} ${s.verdict}`);

describe("primed names (w' after an update)", () => {
  it("should define w' and prove a step that uses it", () => {
    const doc = ["After the update $w' = w + \\eta x$ the score is", '', "$$w' x = w x + \\eta x^2$$", '', "$$w' x = w x + \\eta x$$", ''].join('\n');
    // The inline definition is a premise (not a step); the two display claims are judged under it.
    expect(verdicts(doc)).toEqual(['3:10 proved', '5:10 fails']);
  });

  it("should fail a contradicting w' = … and then a claim that holds only under the first definition, each at its own place", () => {
    const doc = [
      "After the update $w' = w + \\eta x$ we have $w' - w = \\eta x$.",
      '',
      "A student wrote the update as $w' = w - \\eta x$ and claimed $w' - w = \\eta x$ for it as well.",
      '',
    ].join('\n');
    const v = verdicts(doc);
    expect(v).toContain('1:54 proved');
    expect(v).toContain('3:37 fails');
    // Under the first definition this would hold: the contradicted definition is not used after line 3.
    expect(v).toContain('3:71 fails');
    expect(v.some((s) => s.startsWith('3:') && /proved|holds/.test(s))).toBe(false);
  });

  it("should judge \\ell' = … after \\ell(z) = … as the derivative, not define a variable ell'", () => {
    const doc = ['Let $\\ell(z) = z^2$.', '', "For $z = 3$: $\\ell' = 6$, and the slip $\\ell' = 9$.", ''].join('\n');
    const v = verdicts(doc);
    expect(v.filter((s) => s.startsWith('3:'))).toEqual(['3:23 proved', '3:49 fails']);
  });
});

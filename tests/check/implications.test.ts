/**
 * Implications and equivalences between two relations (judge-implication.ts):
 * a counterexample must satisfy the premise; an implication is never
 * `proved` by the search; what cannot be searched is undecided. And a
 * hypothesis in words that is not read never lets the claim it governs fail
 * at points outside it.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

function verdicts(md: string): { verdict: string; summary: string }[] {
  const r = checkDocument(checker, md, 'markdown');
  return r.chains.flatMap((c) => c.steps.map((s) => ({ verdict: s.verdict, summary: s.evidence.summary })));
}

const one = (math: string): { verdict: string; summary: string } => {
  const v = verdicts(`$$${math}$$\n`);
  expect(v.length, math).toBe(1);
  return v[0] as { verdict: string; summary: string };
};

describe('implications between relations', () => {
  it('should refute x^2 = 4 ⇒ x = 2 at x = -2, a point where the premise holds exactly', () => {
    const v = one('x^2 = 4 \\Rightarrow x = 2');
    expect(v.verdict).toBe('fails');
    expect(v.summary).toMatch(/^at x = -2: x\^2 = 4 holds but x = 2 does not/);
  });

  it('should refute the same in every spelling: \\implies, ⇒, \\Leftarrow reversed, \\iff one way', () => {
    expect(one('x^2 = 4 \\implies x = 2').verdict).toBe('fails');
    expect(one('x^2 = 4 ⇒ x = 2').verdict).toBe('fails');
    expect(one('x = 2 \\Leftarrow x^2 = 4').verdict).toBe('fails');
    expect(one('x^2 - 4 = 0 \\iff x = 2').verdict).toBe('fails');
  });

  it('should say holds, never proved, for true implications, with what was covered', () => {
    for (const m of ['x^2 = 4 \\Rightarrow |x| = 2', 'x \\ge 1 \\Rightarrow x^2 \\ge x', 'x = 2 \\iff x^3 = 8', 'x^2 = 0 \\Rightarrow x = 0']) {
      const v = one(m);
      expect(v.verdict, m).toBe('holds');
      expect(v.summary, m).toMatch(/not proved/);
    }
  });

  it('should find solutions far from 0 and report the smallest counterexample', () => {
    expect(one('(x - 2)(x - 5000) = 0 \\Rightarrow x = 2').summary).toMatch(/^at x = 5000/);
    expect(one('\\sin x = 0 \\Rightarrow x = 0').summary).toMatch(/^at x = -3\.14159/);
    expect(one('x > 0 \\Rightarrow x^2 > x').verdict).toBe('fails');
  });

  it('should not decide a conclusion at a solution known only in doubles where a step, a sign or a pole could flip it', () => {
    // True at √2 (sign(0) = 0); at the double nearest √2, x^2 - 2 is 4e-16 and the sign is 1.
    expect(one('x^2 = 2 \\Rightarrow \\operatorname{sign}(x^2 - 2) = 0').verdict).toBe('undecided');
    expect(one('x^2 = 2 \\Rightarrow \\frac{1}{x^2 - 2} = 5').verdict).toBe('undecided');
    // A conclusion far from true at the solution is still refuted there.
    expect(one('x^2 = 2 \\Rightarrow x = 1.41421356').summary).toMatch(/^at x = -1\.41421356\d: x\^2 = 2 holds \(to double precision\)/);
  });

  it('should leave undecided what it cannot search: no solution found, several-variable equations, facts in scope', () => {
    expect(one('\\frac{1}{x} = 0 \\Rightarrow x = 5').verdict).toBe('undecided');
    expect(one('x > 1000 \\Rightarrow x > 2000').verdict).toBe('undecided');
    expect(one('x = y \\Rightarrow x^2 = y^2').verdict).toBe('undecided');
    expect(one('x^2 = 2 \\Rightarrow x^4 = 4').verdict).toBe('undecided');
    // x > 0 in scope makes x^2 = 4 ⇒ x = 2 true: the search does not use facts, so it does not judge (not read).
    const r = checkDocument(checker, 'Let $x > 0$.\n\n$$x^2 = 4 \\Rightarrow x = 2$$\n', 'markdown');
    expect(r.chains.flatMap((c) => c.steps).filter((s) => s.verdict === 'fails')).toEqual([]);
    expect(r.notRead.length).toBe(1);
  });

  it('should never fail a claim under an unread hypothesis at a point outside it', () => {
    const v = verdicts('If $x > 1$ then $x^2 > 1$.\n\nIf $x^2 = 4$ and $x > 0$, then $x = 2$.\n');
    expect(v.map((s) => s.verdict)).not.toContain('fails');
    expect(v.some((s) => s.verdict === 'undecided' && /could not be read as a fact/.test(s.summary))).toBe(true);
  });
});

/**
 * The equality case of an inequality (equality-case.ts): "with equality if
 * and only if $x = 1$" after $\ln x \le x - 1$ is a claim, judged at its own
 * line:col — the sides equal at x = 1 and the inequality strict away from
 * it (sampled, so at most `holds`) — never a definition of x. A wrong
 * equality case fails.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

interface Seen {
  readonly at: string;
  readonly math: string;
  readonly verdict: string;
  readonly summary: string;
}

function steps(md: string): Seen[] {
  const r = checkDocument(checker, md, 'markdown');
  return r.chains.flatMap((c) => c.steps.map((s) => ({ at: `${s.line}:${s.col}`, math: `${s.lhs} ${s.rel} ${s.rhs}`, verdict: s.verdict, summary: s.evidence.summary })));
}

function premises(md: string): string[] {
  return checkDocument(checker, md, 'markdown').premises.map((p) => p.latex);
}

/** The 1-based column of `math` (with its dollars) on the 0-based line `k` of `md`: where the math inside starts. */
const colOf = (md: string, k: number, math: string): number => (md.split('\n')[k] ?? '').indexOf(math) + 2;

const equalityStep = (all: Seen[], math: string): Seen => {
  const s = all.find((x) => x.math === math);
  expect(s, `${math} among ${all.map((x) => x.math).join('; ')}`).toBeDefined();
  return s as Seen;
};

const DERIVATIVE_TEST = (equality: string): string =>
  [
    'Let $g(x) = \\ln x - (x - 1)$ for $x > 0$. Then $g\'(x) = \\frac{1}{x} - 1$, so $g\'(1) = 0$.',
    "Moreover $g''(x) = -\\frac{1}{x^2} < 0$, so $g$ is concave and its critical point is its maximum, with $g(1) = 0$.",
    `Hence $g(x) \\le 0$, that is, $\\ln x \\le x - 1$, with equality if and only if $${equality}$.`,
    '',
  ].join('\n');

describe('the equality case of ln x ≤ x − 1', () => {
  it('should judge the derivative-test proof written as a student would, every relation proved or holds, the equality case a claim', () => {
    const all = steps(DERIVATIVE_TEST('x = 1'));
    for (const s of all) expect(s.verdict, `${s.at} ${s.math}: ${s.summary}`).toMatch(/^(proved|holds)$/);
    const eq = equalityStep(all, 'x = 1');
    expect(eq.at).toBe(`3:${colOf(DERIVATIVE_TEST('x = 1'), 2, '$x = 1$')}`);
    // Sampled away from x = 1: never stronger than holds.
    expect(eq.verdict).toBe('holds');
    expect(eq.summary).toMatch(/at x = 1 the sides are equal \(proved/);
    expect(eq.summary).toMatch(/sampled, so at most holds/);
    expect(premises(DERIVATIVE_TEST('x = 1'))).not.toContain('x = 1');
    expect(equalityStep(all, "g''(x) = -\\frac{1}{x^2}").verdict).toMatch(/^(proved|holds)$/);
    expect(equalityStep(all, '\\ln x <= x - 1').verdict).toBe('proved');
  });

  it('should fail a wrong equality case (x = 2) at its own line:col', () => {
    const eq = equalityStep(steps(DERIVATIVE_TEST('x = 2')), 'x = 2');
    expect(eq.verdict).toBe('fails');
    expect(eq.at).toBe(`3:${colOf(DERIVATIVE_TEST('x = 2'), 2, '$x = 2$')}`);
    expect(eq.summary).toMatch(/^at x = 2 the sides of log\(x\) vs x - 1 are not equal/);
  });

  it('should read the inequality of the display just before, and the other phrasings', () => {
    const md = (phrase: string, c: string): string => `Let $x > 0$.\n\n$$\\ln x \\le x - 1$$\n\n${phrase} $x = ${c}$.\n`;
    for (const phrase of ['with equality iff', 'and equality holds if and only if', 'with equality exactly when', 'equality holds only when']) {
      expect(equalityStep(steps(md(phrase, '1')), 'x = 1').verdict, phrase).toBe('holds');
      expect(equalityStep(steps(md(phrase, '2')), 'x = 2').verdict, phrase).toBe('fails');
    }
  });

  it('should fail an equality case that is not the only one: |x| ≥ x is an equality for every x ≥ 0, not only at 0', () => {
    const eq = equalityStep(steps('For every real $x$ we have $|x| \\ge x$, with equality if and only if $x = 0$.\n'), 'x = 0');
    expect(eq.verdict).toBe('fails');
    expect(eq.summary).toMatch(/the sides are equal at x = .*away from the stated equality case/);
  });

  it('should leave other uses of x = 1 alone ("with equality only at $x = 1$" is not one of the phrases read)', () => {
    expect(steps('Let $x > 0$. Then $\\ln x \\le x - 1$, with equality only at $x = 1$.\n').some((s) => s.math === 'x = 1')).toBe(false);
  });
});

const KL = (equality: string, bound = '0'): string =>
  [
    'Let $p$ and $q$ be distributions over $k$ outcomes with all $p_i > 0$ and $q_i > 0$, so $\\sum_{i=1}^k p_i = 1$ and $\\sum_{i=1}^k q_i = 1$. Using $\\ln t \\le t - 1$ with $t = q_i/p_i$:',
    '',
    '$$',
    '\\sum_{i=1}^k p_i \\ln \\frac{q_i}{p_i} \\le \\sum_{i=1}^k p_i \\left(\\frac{q_i}{p_i} - 1\\right) = \\sum_{i=1}^k q_i - \\sum_{i=1}^k p_i = 0',
    '$$',
    '',
    `so $\\sum_{i=1}^k p_i \\ln \\frac{p_i}{q_i} \\ge ${bound}$, with equality if and only if $${equality}$.`,
    '',
  ].join('\n');

describe('the equality case of KL(p, q) ≥ 0', () => {
  it('should judge the proof through ln t ≤ t − 1 with "equality iff p = q": q := p makes the sides equal, and p ≠ q keeps them apart', () => {
    const all = steps(KL('p = q'));
    for (const s of all) expect(s.verdict, `${s.at} ${s.math}: ${s.summary}`).toMatch(/^(proved|holds)$/);
    const eq = equalityStep(all, 'p = q');
    expect(eq.verdict).toBe('holds');
    expect(eq.at).toBe(`7:${colOf(KL('p = q'), 6, '$p = q$')}`);
    expect(eq.summary).toMatch(/at q = p the sides are equal \(proved/);
  });

  it('should fail a wrong bound: KL ≥ -1 "with equality iff p = q" is not an equality at p = q', () => {
    const eq = equalityStep(steps(KL('p = q', '-1')), 'p = q');
    expect(eq.verdict).toBe('fails');
    expect(eq.summary).toMatch(/^at q = p the sides of .* are not equal/);
  });

  it('should never let Σ(p_i − q_i) ≥ 0 "with equality iff p = q" hold (equal for all distributions): points of indexed families cannot be told apart from p = q, so undecided', () => {
    const md = 'Let $p$ and $q$ be distributions over $k$ outcomes with all $p_i > 0$ and $q_i > 0$. Then $\\sum_{i=1}^k (p_i - q_i) \\ge 0$, with equality iff $p = q$.\n';
    const eq = equalityStep(steps(md), 'p = q');
    expect(eq.verdict).toMatch(/^(fails|undecided)$/);
  });

  it('should judge x = y between two variables the domain treats alike, and fail |x| + |y| ≥ |x + y| "with equality iff x = y" away from it', () => {
    const right = equalityStep(steps('For real $x$ and $y$ we have $x^2 + y^2 \\ge 2 x y$, with equality iff $x = y$.\n'), 'x = y');
    expect(right.verdict).toBe('holds');
    const wrong = equalityStep(steps('For real $x$ and $y$ we have $|x| + |y| \\ge |x + y|$, with equality iff $x = y$.\n'), 'x = y');
    expect(wrong.verdict).toBe('fails');
    expect(wrong.summary).toMatch(/away from the stated equality case/);
  });

  it('should not fail x = y when x and y have different domains: renaming one to the other may leave its domain (|x − 5| − (x − 5) is 0 for x > 5, not at 1)', () => {
    const md = 'Let $y > 0$ and $x > 5$. Then $|x - 5| - (x - 5) + (x - y)^2 \\ge 0$, with equality iff $x = y$.\n';
    const eq = equalityStep(steps(md), 'x = y');
    expect(eq.verdict).not.toBe('fails');
  });

  it('should read "with equality for $x = 1$" as the equality at that point only, never as a definition of x for the rest of the section', () => {
    const md = 'We show $\\ln x \\le x - 1$ for $x > 0$, with equality for $x = 1$.\n\nThen $$\\ln x = x - 1.$$\n';
    const all = steps(md);
    const eq = equalityStep(all, 'x = 1');
    expect(eq.verdict).toBe('proved');
    expect(eq.summary).toMatch(/^equality case: at x = 1 the sides are equal/);
    expect(eq.summary).not.toMatch(/away from/);
    // Before: x = 1 became a worked example's value and ln x = x − 1 came out proved.
    expect(equalityStep(all, '\\ln x = x - 1').verdict).toBe('fails');
    expect(premises(md)).not.toContain('x = 1');
  });

  it('should fail "with equality when $x = 2$" after ln x ≤ x − 1: the sides differ there', () => {
    const eq = equalityStep(steps('For $x > 0$ we have $\\ln x \\le x - 1$, with equality when $x = 2$.\n'), 'x = 2');
    expect(eq.verdict).toBe('fails');
  });
});

/**
 * Notation students write that gradtex either reads correctly or lists as
 * not read, never reads as something else: \binom, n!, \sin^{-1}, \pmod,
 * \mathbb{E}; conditions in words before a name ("for positive $r$") and a
 * `\text{for } a > 0` closing a row that continues the step above.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] =>
  checkDocument(checker, source, 'markdown')
    .chains.flatMap((c) => c.steps)
    .filter((s) => s.verdict !== 'definition')
    .map((s) => `${s.line}: ${s.verdict}`);
const notRead = (source: string): string[] => checkDocument(checker, source, 'markdown').notRead.map((n) => `${n.line}: ${n.reason}`);

describe('binomials, factorials, inverse functions, congruences, expectations', () => {
  it('should judge binomials and factorials of whole numbers exactly', () => {
    expect(verdicts('$$\\binom{5}{2} = 10$$\n\n$$5! = 120$$\n\n$$4! = 25$$\n\n$$\\binom{n}{2} = \\frac{n (n-1)}{2}$$\n')).toEqual(['1: proved', '3: proved', '5: fails', '7: proved']);
  });

  it('should list what it does not read, with the reason', () => {
    const doc = '$$(n+1)! = (n+1) \\cdot n!$$\n\n$$\\sin^{-1}(\\sin x) = x$$\n\n$$7 \\equiv 1 \\pmod 3$$\n\n$$\\mathbb{E}[x] = \\mu$$\n';
    expect(verdicts(doc)).toEqual([]);
    const reasons = notRead(doc);
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/^1: .*factorial/);
    expect(reasons[1]).toMatch(/^3: .*\\sin\^\{-1\}.*\\arcsin/);
    expect(reasons[2]).toMatch(/^5: .*congruence/);
    expect(reasons[3]).toMatch(/^7: .*\\mathbb\{E\}/);
  });
});

describe('conditions in words before a name', () => {
  it('should read "for positive $r$" and "for every nonzero $x$" as hypotheses', () => {
    expect(verdicts('For positive $r$, $$|r| = r$$\n')).toEqual(['1: holds']);
    expect(verdicts('For every nonzero $x$, $$\\frac{x}{|x|} \\cdot \\frac{|x|}{x} = 1$$\n')).not.toContain('1: fails');
    expect(verdicts('For negative $r$, $$|r| = r$$\n')).toEqual(['1: fails']);
    // For its sentence only: the section goes on about every r.
    expect(verdicts('For positive $r$, $$|r| = r$$\n\nIn general, $$|r| = r$$\n')).toEqual(['1: holds', '3: fails']);
  });

  it('should leave a condition it cannot read unread: a failure under it is undecided, and nothing is assumed', () => {
    expect(verdicts('For positive integers $n$, $$\\sqrt{n^2} = n$$\n')).toEqual(['1: undecided']);
    expect(verdicts('For odd $k$, $$(-1)^k = -1$$\n')).not.toContain('1: holds');
  });
});

describe('a condition after a display in its sentence', () => {
  it('should hold for the display: "$$|s| = s$$ for $s > 0$."', () => {
    expect(verdicts('$$|s| = s$$ for $s > 0$.\n\nNext: $$|t| = t$$\n')).toEqual(['1: holds', '3: fails']);
  });

  it('should give each display its own condition, and never take a point for a domain', () => {
    expect(verdicts('$$|x| = x$$ for $x > 0$, and $$|x| = -x$$ for $x < 0$.\n')).not.toContain('1: fails');
    // (The equality case is judged too since "with equality for" opens no where-clause: ln 1 = 0 ≠ -1, wrong, fails.)
    expect(verdicts('$$\\ln x \\le x - 2$$ with equality for $x = 1$.\n')).toEqual(['1: fails', '1: fails']);
    expect(verdicts('$$|s| = s$$ which is false for $s < 0$.\n')).toEqual(['1: fails']);
  });
});

describe('a condition closing a row of an aligned block', () => {
  it('should hold for the step on its row, a row continuing the step above included', () => {
    const doc = '$$\\begin{aligned} f(a) &= \\sqrt{a^2} \\\\ &= a \\quad \\text{for } a > 0 \\end{aligned}$$\n';
    expect(verdicts(doc)).toEqual(['1: holds']);
  });

  it('should not reach the step of the row above', () => {
    const doc = '$$\\begin{aligned} \\sqrt{a^2} &= a \\\\ &= |a| \\quad \\text{for } a > 0 \\end{aligned}$$\n';
    expect(verdicts(doc)).toEqual(['1: fails', '1: holds']);
  });

  it('should cut a condition it cannot read from the relation and leave a failure on its row undecided', () => {
    const doc = '$$\\begin{aligned} f(a) &= \\sqrt{a^2} \\\\ &= a \\quad \\text{for } a \\text{ large enough} \\end{aligned}$$\n';
    expect(verdicts(doc)).toEqual(['1: undecided']);
  });
});

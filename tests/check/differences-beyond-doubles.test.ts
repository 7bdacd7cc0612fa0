/**
 * Relations whose sides differ by less than doubles resolve, or by a term
 * doubles round away everywhere: the verdict comes from the exact shape of
 * the difference or from a high-precision sign, never from float64 agreement.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { readFacts } from '../../src/check/read-facts.js';
import type { Relation } from '../../src/parse/relation.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const judge = (l: string, r: string, rel: Relation = '=', assume = '') => judgeStep(checker, parsePlain(l), rel, parsePlain(r), readFacts(assume));

describe('a difference that is never 0', () => {
  it('should refute a localised bump that every sampled point rounds to 0', () => {
    const j = judge('-7/9', '-7/9 + exp(-1000*((x - 1.1)^2 + (y - 0.6)^2))');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.summary).toMatch(/negative wherever it is defined/);
    expect(judge('sqrt((-y)/(-20))', 'sqrt((-y)/(-20)) + exp(-10000*(y + 0.7)^2)').verdict).toBe('fails');
  });

  it('should not refute decimals that only float64 arithmetic makes differ', () => {
    expect(judge('0.1 + 0.2', '0.3').verdict).not.toBe('fails');
    expect(judge('0.1*3', '0.3').verdict).not.toBe('fails');
    expect(judge('(0.1 + 0.2)*exp(x)', '0.3*exp(x)').verdict).not.toBe('fails');
  });

  it('should leave sums to sampling: a sum of positive terms is 0 over an empty range', () => {
    expect(judge('sum(exp(x_k), k, 1, n) + 1', '1').verdict).not.toBe('proved');
  });
});

describe('inequalities closer than doubles resolve', () => {
  it('should read the sign of the difference in high precision', () => {
    expect(judge('x', 'x - 10^(-20)', '<=').verdict).toBe('fails');
    expect(judge('x^2 + 10^(-12)', 'x^2', '<=').verdict).toBe('fails');
    expect(judge('x', 'x + 10^(-12)', '<').verdict).not.toBe('fails');
  });

  it('should take a positive difference that underflows a double as positive, not 0', () => {
    expect(judge('exp(-1000)', '0', '>').verdict).not.toBe('fails');
    expect(judge('1 + exp(-1000)', '1', '<=').verdict).toBe('fails');
  });
});

describe('a sifting step without the index range', () => {
  it('should be undecided, not holds: for i > n the sum is 0', () => {
    const j = judge('sum(delta(i,k)*x_k, k, 1, n)', 'x_i');
    expect(j.verdict).toBe('undecided');
    expect(j.evidence.summary).toMatch(/the range of i is not stated/);
  });
});

describe('a prose condition that cannot be read', () => {
  it('should make a failure in its scope undecided, and leave failures elsewhere alone', () => {
    const doc = ['# Model A', '', 'Model A uses $h = \\max(0, w x)$, for $w x > 0$:', '', '$$\\frac{\\partial h}{\\partial w} = x$$', '', '# Model B', '', 'Model B uses $g = \\max(0, w x)$.', '', '$$\\frac{\\partial g}{\\partial w} = x$$', ''].join('\n');
    const steps = checkDocument(checker, doc, 'markdown', {}).chains.flatMap((c) => c.steps);
    const at = (line: number) => steps.find((s) => s.line === line);
    expect(at(5)?.verdict).toBe('undecided');
    expect(at(5)?.evidence.summary).toMatch(/the condition \$w x > 0\$ \(line 3\) could not be read/);
    expect(at(11)?.verdict).toBe('fails');
  });
});

/**
 * A proved relation is true where its left side is defined, and says where
 * that is: (x^2 − 1)/(x − 1) = x + 1 is proved for x ≠ 1, never outright.
 */
import { describe, expect, it } from 'vitest';
import { definednessConditions, definednessText, restsOnZeroToTheZero } from '../../src/check/definedness.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { readFacts } from '../../src/check/read-facts.js';
import { checkDocument } from '../../src/check/check-document.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';

const checker = createChecker(createEngine());
const judge = (l: string, r: string, assume = '') => judgeStep(checker, parsePlain(l), '=', parsePlain(r), readFacts(assume));
const where = (e: string, assume = '') => definednessText(definednessConditions(parsePlain(e), readFacts(assume)));

describe('where an expression is defined', () => {
  it('should state denominators, logarithms, roots and real powers', () => {
    expect(where('(x^2-1)/(x-1)')).toBe('x ≠ 1');
    expect(where('x/x')).toBe('x ≠ 0');
    expect(where('sqrt(x)^2')).toBe('x ≥ 0');
    expect(where('exp(log(x))')).toBe('x > 0');
    expect(where('x^(1/2) + y^(-1)')).toBe('x ≥ 0 and y ≠ 0');
    expect(where('x^y')).toBe('x > 0');
    expect(where('log(x)/x')).toBe('x > 0');
  });

  it('should leave out what the shape or the facts settle', () => {
    expect(where('log(exp(x))')).toBe('');
    expect(where('1/(1 + exp(-x))')).toBe('');
    expect(where('sqrt(x^2 + 1)')).toBe('');
    expect(where('1/log(2)')).toBe('');
    expect(where('log(x)/x', 'x > 0')).toBe('');
    expect(where('1/x', 'x < 0')).toBe('');
    expect(where('log(p)/p', '0 < p < 1')).toBe('');
    expect(where('log(p)', '0 <= p <= 1')).toBe('p > 0');
    expect(where('x^2.0 + x^(-2.0)')).toBe('x ≠ 0');
  });

  it('should state a condition on a sum index for each of its values', () => {
    expect(where('sum(1/x_k, k, 1, n)')).toBe('x_k ≠ 0 for k = 1..n');
  });
});

describe('a proved verdict states its domain', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['x/x', '1', 'x ≠ 0'],
    ['(x^2-1)/(x-1)', 'x+1', 'x ≠ 1'],
    ['sqrt(x)^2', 'x', 'x ≥ 0'],
    ['exp(log(x))', 'x', 'x > 0'],
    ['log(exp(x))', 'x', undefined],
  ];
  for (const [l, r, condition] of cases) {
    it(`should prove ${l} = ${r} ${condition === undefined ? 'for every x' : `only for ${condition}`} (or say less)`, () => {
      const j = judge(l, r);
      if (j.verdict !== 'proved') {
        expect(['holds', 'undecided']).toContain(j.verdict);
        return;
      }
      if (condition === undefined) {
        expect(j.evidence.definedWhere).toBeUndefined();
      } else {
        expect(j.evidence.definedWhere).toEqual([condition]);
        expect(j.evidence.summary).toContain(`for ${condition} (where the left side is defined)`);
      }
    });
  }

  it('should not state a condition the document already gives', () => {
    const j = judge('exp(log(x))', 'x', 'x > 0');
    expect(j.verdict).toBe('proved');
    expect(j.evidence.definedWhere).toBeUndefined();
  });

  it('should say so in gradtex equal, text and JSON', async () => {
    const text = await cli(['equal', '(x^2-1)/(x-1)', 'x+1']);
    expect(text.stdout).toMatch(/proved: for x ≠ 1 \(where the left side is defined\)/);
    const json = await cli(['equal', '--batch', '-'], JSON.stringify({ id: 1, lhs: '(x^2-1)/(x-1)', rhs: 'x+1' }) + '\n');
    expect(JSON.parse(json.stdout.trim()).evidence.definedWhere).toEqual(['x ≠ 1']);
  });

  it('should say so in a checked document', () => {
    const report = checkDocument(checker, '$$\\frac{x^2-1}{x-1} = x+1$$\n', 'markdown');
    const step = report.chains[0]?.steps[0];
    expect(step?.verdict).toBe('proved');
    expect(step?.evidence.summary).toMatch(/^for x ≠ 1 \(where the left side is defined\)/);
  });
});

describe('the convention 0^0 = 1', () => {
  it('should be named by a verdict that rests on it', () => {
    expect(restsOnZeroToTheZero([parsePlain('x^0')], [])).toBe(true);
    expect(restsOnZeroToTheZero([parsePlain('x^2 + 2^x')], [])).toBe(false);
    const j = judge('0^0', '1');
    expect(j.verdict).not.toBe('fails');
    expect(j.evidence.summary).toContain('(with the convention 0^0 = 1)');
    expect(judge('x^2', 'x*x').evidence.summary).not.toContain('0^0');
  });
});

describe('a value given in the document where the left side is undefined', () => {
  const verdictOf = (md: string): { verdict: string; summary: string } => {
    const step = checkDocument(checker, md, 'markdown').chains[0]?.steps[0];
    return { verdict: step?.verdict ?? 'missing', summary: step?.evidence.summary ?? '' };
  };

  it('should not prove x/x = 1 after "Let $x = 0$" (proved in general only for x ≠ 0)', () => {
    expect(verdictOf('Let $x = 0$. Then $\\frac{x}{x} = 1$.\n').verdict).toBe('undecided');
    expect(verdictOf('Let $x = -1$. Then $e^{\\ln x} = x$.\n').verdict).toBe('undecided');
  });

  it('should not fail (x^2 − 1)/(x − 1) = x + 1 at x = 1 as if 0/0 − 2 were −2', () => {
    const r = verdictOf('Let $x = 1$. Then $\\frac{x^2-1}{x-1} = x + 1$.\n');
    expect(r.verdict).toBe('undecided');
    expect(r.summary).not.toMatch(/constant -2/);
  });

  it('should still prove it where the value keeps the left side defined', () => {
    const r = verdictOf('Let $x = 2$. Then $\\frac{x}{x} = 1$.\n');
    expect(r.verdict).toBe('proved');
    expect(verdictOf('Let $y = 0$. Then $\\frac{x}{x} = 1$.\n').verdict).toBe('proved');
  });
});

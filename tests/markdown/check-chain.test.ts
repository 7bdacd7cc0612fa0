import { describe, expect, it } from 'vitest';
import { checkChain } from '../../src/markdown/check-chain.js';

describe('checkChain', () => {
  it('should accept a chain whose every step holds', () => {
    const r = checkChain('(a+b)^2 = (a+b)(a+b) = a^2 + 2ab + b^2');
    expect(r.verdict).toBe('numeric');
    expect(r.points).toBe(24);
    expect(r.problems).toEqual([]);
  });

  it('should pin a wrong step to its right-hand side, not to the whole chain', () => {
    const block = '(a+b)^2 = a^2 + 2ab + b^2\n = a^2 + b^2\n = b^2 + a^2';
    const r = checkChain(block);
    expect(r.verdict).toBe('failed');
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0];
    expect(p?.kind).toBe('failed');
    expect(block.slice(p?.start, p?.end)).toBe('a^2 + b^2');
    expect(p?.reason).toMatch(/^this step does not hold: a\^2 \+ 2ab \+ b\^2 ≠ a\^2 \+ b\^2 at a = .*, b = .* \(.* vs .*\)$/);
  });

  it('should check a derivative claim by finite differences', () => {
    expect(checkChain('\\frac{d}{dx}\\sigma(x) = \\sigma(x)(1 - \\sigma(x))').verdict).toBe('numeric');
    expect(checkChain('\\frac{d}{dx}\\sigma(x) = \\sigma(x)(1 + \\sigma(x))').verdict).toBe('failed');
  });

  it('should report a side it cannot read at the offending token', () => {
    const block = 'x = \\frac{1}{x';
    const r = checkChain(block);
    expect(r.verdict).toBe('failed');
    expect(r.problems[0]?.kind).toBe('parse');
    expect(r.problems[0]?.reason).toMatch(/^cannot read this as math: /);
    expect(r.problems[0]?.start).toBeGreaterThanOrEqual(block.indexOf('\\frac'));
  });

  it('should refuse a block with no = as nothing to check', () => {
    const r = checkChain('x^2');
    expect(r.verdict).toBe('failed');
    expect(r.problems[0]?.kind).toBe('no-chain');
  });

  it('should call a step undecided, not failed, when no point is in its domain', () => {
    const r = checkChain('\\log(-x^2 - 1) = \\log(-x^2 - 1)');
    expect(r.verdict).toBe('undecided');
    expect(r.problems[0]?.kind).toBe('undecided');
  });

  it('should give the same verdicts for the same seed', () => {
    const block = 'x^2 = x + x';
    expect(checkChain(block, { seed: 7 })).toEqual(checkChain(block, { seed: 7 }));
  });
});

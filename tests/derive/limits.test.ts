import { describe, expect, it } from 'vitest';
import { deriv, sym } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';
import { diffToJson } from '../../src/derive/diff-result.js';
import { DerivationLimitError, MAX_DERIVATIVE_ORDER, checkDerivationSize, checkDerivativeOrder } from '../../src/derive/limits.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { formatVerification } from '../../src/derive/verdict-text.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();
const x = sym('x');

describe('derivation limits', () => {
  it('should accept derivatives up to the order limit and refuse higher ones', () => {
    expect(() => checkDerivativeOrder(MAX_DERIVATIVE_ORDER)).not.toThrow();
    expect(() => checkDerivativeOrder(MAX_DERIVATIVE_ORDER + 1)).toThrow(DerivationLimitError);
    expect(() => diffToJson(engine, 'sin(x)', parsePlain('sin(x)'), Array.from({ length: 10 }, () => x))).toThrow(/order 10/);
  });

  it('should refuse a derivative that grows past the result limit', () => {
    const nested = parsePlain(`${'exp('.repeat(250)}x${')'.repeat(250)}`);
    expect(() => diffToJson(engine, 'nested', nested, [x])).toThrow(/grew to [\d,]+ nodes/);
  });

  it('should refuse a derivation whose steps together outgrow the derivation limit', () => {
    const nested = parsePlain(`${'exp('.repeat(120)}x${')'.repeat(120)}`);
    expect(() => diffToJson(engine, 'nested', nested, [x])).toThrow(/grew beyond [\d,]+ nodes over its \d+ steps/);
  });

  it('should leave ordinary derivatives alone', () => {
    const d = diffToJson(engine, 'sigma(x)', parsePlain('sigma(x)'), [x, x]);
    expect(() => checkDerivationSize(d.derivation)).not.toThrow();
    expect(d.json.result).not.toContain('d(');
  });
});

describe('what a verification summary claims', () => {
  it('should never prove a stuck derivation symbolically: its result still holds d(…)', () => {
    const start = deriv(parsePlain('x^2'), x);
    const report = verifyDerivation({ start, steps: [], result: start, stop: 'stuck' }, start);
    expect(report.verdict).not.toBe('proved');
    expect(report.how).not.toMatch(/proved/);
  });

  it('should name the steps that were not checked instead of saying every step holds', () => {
    const text = formatVerification({ verdict: 'proved', points: 24, maxRelError: 0, unchecked: '1 of 3 steps could not be checked at random points (step 2: no valid points)' });
    expect(text).not.toMatch(/every step/);
    expect(text).toMatch(/1 of 3 steps could not be checked/);
    expect(formatVerification({ verdict: 'numeric', points: 24, maxRelError: 0, unchecked: 'the steps were not checked' })).toMatch(/^the result holds at 24 random points .*the steps were not checked$/);
  });

  it('should report unchecked steps in the diff JSON when steps are skipped', () => {
    const d = diffToJson(engine, 'x^3', parsePlain('x^3'), [x], { checkSteps: false });
    expect(d.json.verification.unchecked).toBe('the steps were not checked');
    expect(formatVerification(d.json.verification)).not.toMatch(/every step/);
    const full = diffToJson(engine, 'x^3', parsePlain('x^3'), [x]);
    expect(full.json.verification.unchecked).toBeUndefined();
  });
});

/**
 * "every step holds at N random points" for a named derivation's part: N must
 * be a number of points each step was checked at, not a sum over the steps
 * (a chain part's start = result is not sampled itself).
 */
import { describe, expect, it } from 'vitest';
import { computeNamed, loadNamedSpec, namedToText, verifyNamed } from '../../src/derive/named/index.js';
const everyStepPoints = (p: { claim: { verdict: string; points?: number } }): number => (p.claim.verdict === 'holds' ? (p.claim.points ?? 0) : 0);
import { workOutRequest } from '../../src/markdown/derive-block.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

describe('every step holds at N random points', () => {
  const spec = loadNamedSpec('two-layer-network');
  if (spec === undefined) throw new Error('two-layer-network not found');
  const v = verifyNamed(computeNamed(engine, spec));

  it('should count, for a chain part, the fewest points a step held at, not their sum', () => {
    const chains = v.parts.filter((p) => p.stepTexts !== undefined && p.steps.length > 1 && p.claim.verdict === 'holds');
    expect(chains.length).toBeGreaterThan(0);
    for (const p of chains) {
      const each = p.steps.map((s) => (s.verdict === 'holds' ? s.points : 0));
      expect(p.claim.verdict === 'holds' ? p.claim.points : -1).toBe(Math.min(...each));
      expect(everyStepPoints(p)).toBeLessThanOrEqual(Math.min(...each));
    }
  });

  it('should print, for every part, a count no step fell short of', () => {
    const worked = workOutRequest(engine, { kind: 'named', name: 'two-layer-network', start: 0, end: 0 }, {});
    expect(worked.ok).toBe(true);
    if (!worked.ok) return;
    worked.parts.forEach((w, i) => {
      const p = v.parts[i];
      const m = /every step (?:also )?holds at (\d+) random points/.exec(w.verdict);
      if (p === undefined || m === null) return;
      for (const s of [p.claim, ...p.steps]) if (s.verdict === 'holds') expect(s.points).toBeGreaterThanOrEqual(Number(m[1]));
    });
  });

  it('should say "every step" in the text report of a chain part', () => {
    expect(namedToText(v)).toMatch(/check: (proved step by step[^;]*; )?every step holds at \d+ random points/);
  });
});

describe('every step and the result also hold at N random points (gradtex diff)', () => {
  it('should print a count that the result and every step were each checked at', async () => {
    const { differentiate, inertDerivative } = await import('../../src/derive/differentiate.js');
    const { verifyDerivation } = await import('../../src/proof/verify.js');
    const { verificationToJson } = await import('../../src/derive/diff-result.js');
    const { formatVerification } = await import('../../src/derive/verdict-text.js');
    const { parsePlain } = await import('../../src/parse/index.js');
    const { sym } = await import('../../src/expr/build.js');
    const f = parsePlain('x^2*sin(x)');
    const d = differentiate(engine, f, [sym('x')]);
    const report = verifyDerivation(d, inertDerivative(f, [sym('x')]));
    const text = formatVerification(verificationToJson(report, d.steps.length));
    const m = /every step and the result also hold at (\d+) random points/.exec(text);
    expect(m, text).not.toBeNull();
    expect(report.steps.length).toBe(d.steps.length);
    for (const v of [report.claim, ...report.steps.map((s) => s.verdict)]) {
      expect(v.verdict).toBe('holds');
      if (v.verdict === 'holds') expect(v.points).toBeGreaterThanOrEqual(Number(m?.[1]));
    }
  });
});

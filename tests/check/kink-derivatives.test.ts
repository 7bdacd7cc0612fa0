/**
 * A derivative at a kink written as a primed function at a number
 * (src/check/kink-derivatives.ts): \text{ReLU}'(0) = 1 fails (it does not
 * exist: left 0, right 1), whatever value is claimed; at a smooth point or
 * for a smooth function it stays not read (no value is invented).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const check = (source: string) => checkDocument(checker, source, 'markdown');

describe('derivatives at a kink', () => {
  it.each(['1', '0', '\\frac12'])("should fail \\text{ReLU}'(0) = %s at its own place, with the one-sided derivatives", (v) => {
    const r = check(`$$\\text{ReLU}'(0) = ${v}$$\n`);
    const steps = r.chains.flatMap((c) => c.steps);
    expect(steps.map((s) => `${s.line}:${s.col} ${s.verdict}`)).toEqual(['1:21 fails']);
    expect(steps[0]?.evidence.summary).toContain('left derivative 0, right derivative 1');
  });

  it("should not judge \\text{ReLU}'(2) = 1 or \\sigma'(0) = 1/4 this way (they exist)", () => {
    for (const doc of ["$$\\text{ReLU}'(2) = 0$$\n", "$$\\operatorname{sign}'(1) = 0$$\n"]) {
      const steps = check(doc).chains.flatMap((c) => c.steps);
      expect(steps.filter((s) => s.verdict === 'fails' || s.verdict === 'proved' || s.verdict === 'holds'), doc).toEqual([]);
    }
  });
});

describe('the derivative of a defined function at its kink', () => {
  it("should fail g'(0) = 1/2 for g(z) = max(0, z), |x|'(0) = 0 and u'(1) = 0 for u = max(x, 2 - x), and prove them away from the kink", async () => {
    const { checkDocument } = await import('../../src/check/check-document.js');
    const { createChecker } = await import('../../src/check/judge-step.js');
    const { createEngine } = await import('../../src/rewrite/engine.js');
    const c = createChecker(createEngine());
    const doc = "We define $g(z) = \\max(0, z)$.\n\n$$g'(0) = \\frac{1}{2}$$\n\nLet $u(x) = \\max(x, 2 - x)$.\n\n$$u'(1) = 0$$\n\n$$u'(3) = 1$$\n";
    const v = checkDocument(c, doc, 'markdown').chains.flatMap((ch) => ch.steps.map((s) => [s.verdict, s.evidence.summary] as const));
    expect(v.map(([x]) => x)).toEqual(['fails', 'fails', 'proved']);
    expect(v[0]?.[1]).toMatch(/g is not differentiable at z = 0 \(left derivative 0, right derivative 1\), so g'\(0\) does not exist/);
  });
});

/**
 * The deep-learning derivative suite: every result must agree with a central
 * finite difference of the input at random points, every step must hold
 * numerically, and no derivative may be left uncomputed. The hand-written
 * reference forms are checked the same way (so a wrong fixture fails too),
 * and the result's size is compared with the reference's.
 */
import { describe, expect, it } from 'vitest';
import { differentiate, inertDerivative } from '../../src/derive/differentiate.js';
import type { Sym } from '../../src/expr/node.js';
import { size } from '../../src/expr/traverse.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { loadSuite } from './suite-cases.js';

const engine = createEngine();
const cases = loadSuite();
const sizes: { id: string; ours: number; reference: number }[] = [];

describe('deep-learning derivative suite', () => {
  it('should have at least 60 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`should differentiate ${c.id} correctly`, () => {
      const f = parsePlain(c.expr);
      const wrt = c.wrt.map((w) => parsePlain(w) as Sym);
      const d = differentiate(engine, f, wrt);
      expect(d.stop, `${c.id}: ${toPlain(d.result)}`).toBe('normal-form');
      const start = inertDerivative(f, wrt);
      const report = verifyDerivation(d, start, { points: 12, seed: 7 });
      const failedStep = report.steps.find((s) => s.verdict.verdict === 'fails');
      expect(failedStep, `step ${failedStep?.index} of ${c.id}`).toBeUndefined();
      expect(report.verdict, `${c.id}: ${toPlain(d.result)} ${JSON.stringify(report.claim)}`).toMatch(/^(proved|holds)$/);
      const reference = parsePlain(c.reference);
      const refCheck = checkEqualNumeric(start, reference, { points: 12, seed: 7 });
      expect(refCheck.verdict, `reference of ${c.id} is wrong: ${JSON.stringify(refCheck)}`).toBe('holds');
      sizes.push({ id: c.id, ours: size(d.result), reference: size(reference) });
    });
  }

  it('should report how many results are at most the size of the reference form', () => {
    const atMost = sizes.filter((s) => s.ours <= s.reference);
    const larger = sizes.filter((s) => s.ours > s.reference).map((s) => `${s.id} (${s.ours} vs ${s.reference})`);
    console.log(`derivative suite: ${atMost.length} of ${sizes.length} results are at most as large as the reference form`);
    if (larger.length > 0) console.log(`larger than the reference: ${larger.join(', ')}`);
    expect(sizes.length).toBe(cases.length);
  });
});

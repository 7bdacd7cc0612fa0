/**
 * `npm run bench`: the median time per matrix derivative of the acceptance
 * suite (tests/matrix/derivatives-suite-cases.ts) after warm-up: the rewriting
 * by rules/matrix-calculus.rules alone, then separately the checks (every
 * step entry by entry, the result by lowering and by finite differences).
 */
import { sym } from '../../src/expr/build.js';
import { deriveShaped } from '../../src/derive/shaped-derivative.js';
import { shapedDiffResult } from '../../src/derive/shaped-diff-result.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { sizeNames } from '../../src/matrix-check/check-matrix-equal.js';
import { distinctSizeInstances } from '../../src/matrix-check/finite-differences.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { CASES } from '../matrix/derivatives-suite-cases.js';
import { median, timeIt } from './timing.js';


const engine = createEngine();
const cases = CASES.map((c) => {
  const ctx = shapeContext([c.shapes]);
  return { ctx, f: parsePlain(c.expr, { shapes: ctx }), x: sym(c.wrt) };
});
for (let i = 0; i < 3; i++) for (const c of cases) deriveShaped(engine, c.f, c.x, c.ctx);

const REPEATS = 15;
const deriveMs = cases.map((c) => timeIt(() => deriveShaped(engine, c.f, c.x, c.ctx), REPEATS));
const checkMs = cases.map((c) => timeIt(() => shapedDiffResult('', c.f, [c.x], c.ctx, { engine, instances: distinctSizeInstances(sizeNames(c.ctx)) }), 1));
const fmt = (x: number): string => x.toFixed(3);
console.log(`matrix derivative suite: ${cases.length} derivatives by the matrix-calculus rules, median of ${REPEATS} runs each after warm-up`);
console.log(`rewriting: median ${fmt(median(deriveMs))} ms per derivative (max ${fmt(Math.max(...deriveMs))} ms)`);
console.log(`with the checks (every step entry by entry at two sizes, the result by lowering and finite differences): median ${fmt(median(checkMs))} ms per derivative (max ${fmt(Math.max(...checkMs))} ms)`);

/**
 * `npm run bench`: times the deep-learning derivative suite after warm-up.
 * Prints the median per derivative for differentiation + simplification and,
 * separately, for verification (every step and the result checked at
 * random points), plus a reference measured in the same run: nerdamer's
 * derivative of the same inputs where nerdamer can express them.
 */
import { differentiate, inertDerivative } from '../../src/derive/differentiate.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { nerdamerDerivative } from '../../src/numeric/nerdamer-bridge.js';
import { parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { loadSuite } from '../derive/suite-cases.js';
import { median, timeIt } from './timing.js';


const engine = createEngine();
const cases = loadSuite().map((c) => ({ id: c.id, f: parsePlain(c.expr), wrt: c.wrt.map((w) => parsePlain(w) as Sym) }));

// Warm-up: JIT and the rule index caches.
for (let i = 0; i < 3; i++) for (const c of cases) differentiate(engine, c.f, c.wrt);

const REPEATS = 15;
const deriveMs: number[] = [];
const verifyMs: number[] = [];
const nerdamerMs: number[] = [];
for (const c of cases) {
  deriveMs.push(timeIt(() => differentiate(engine, c.f, c.wrt), REPEATS));
  const d = differentiate(engine, c.f, c.wrt);
  const start: Expr = inertDerivative(c.f, c.wrt);
  verifyMs.push(timeIt(() => verifyDerivation(d, start), 3));
  if (c.wrt.length === 1) {
    const x = c.wrt[0] as Sym;
    const probe = nerdamerDerivative(c.f, x);
    if (!('unsupported' in probe)) nerdamerMs.push(timeIt(() => nerdamerDerivative(c.f, x), 3));
  }
}

const fmt = (x: number): string => x.toFixed(3);
console.log(`derivative suite: ${cases.length} derivatives, median of ${REPEATS} runs each after warm-up`);
console.log(`diff + simplify: median ${fmt(median(deriveMs))} ms per derivative (max ${fmt(Math.max(...deriveMs))} ms)`);
console.log(`verification (every step + result, 24 points each): median ${fmt(median(verifyMs))} ms per derivative`);
if (nerdamerMs.length > 0) {
  const ratio = median(nerdamerMs) / median(deriveMs);
  console.log(`reference, same run: nerdamer diff on ${nerdamerMs.length} of them: median ${fmt(median(nerdamerMs))} ms (gradtex is ${ratio.toFixed(1)}x faster)`);
}

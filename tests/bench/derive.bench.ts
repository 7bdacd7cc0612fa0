/**
 * `npm run bench`: times the deep-learning derivative suite after warm-up.
 * Prints the median per derivative for differentiation + simplification and,
 * separately, for verification (every step and the result checked at
 * random points), plus a reference measured in the same run: nerdamer's
 * derivative of the same inputs where nerdamer can express them.
 * Then every named derivation (`gradtex derive NAME`) end to end: spec read,
 * computed by the rules, every step and line verified, JSON written; one
 * cold run, then the medians of several (wall and CPU time).
 * BENCH_NAMED_ONLY=1 times the named derivations only.
 */
import { differentiate, inertDerivative } from '../../src/derive/differentiate.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { nerdamerDerivative } from '../../src/numeric/nerdamer-bridge.js';
import { parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { loadSuite } from '../derive/suite-cases.js';
import { median, timeIt } from './timing.js';
import { computeNamed, loadNamedSpec, namedDerivationNames, namedToJson, verifyNamed } from '../../src/derive/named/index.js';

const fmt = (x: number): string => x.toFixed(3);
const engine = createEngine();
if (process.env['BENCH_NAMED_ONLY'] !== '1') benchSuite();

/** The derivative suite: differentiation + simplification, verification, and nerdamer as a reference. */
function benchSuite(): void {
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

  console.log(`derivative suite: ${cases.length} derivatives, median of ${REPEATS} runs each after warm-up`);
  console.log(`diff + simplify: median ${fmt(median(deriveMs))} ms per derivative (max ${fmt(Math.max(...deriveMs))} ms)`);
  console.log(`verification (every step + result, 24 points each): median ${fmt(median(verifyMs))} ms per derivative`);
  if (nerdamerMs.length > 0) {
    const ratio = median(nerdamerMs) / median(deriveMs);
    console.log(`reference, same run: nerdamer diff on ${nerdamerMs.length} of them: median ${fmt(median(nerdamerMs))} ms (gradtex is ${ratio.toFixed(1)}x faster)`);
  }
}

// Named derivations, as `gradtex derive NAME --format json` does them (minus process start-up).
// Wall time and this process's CPU time: on a shared machine the CPU time says what the work costs.
const NAMED_REPEATS = 5;
const BUDGET_MS = 300;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const named = namedDerivationNames();
const rows: { name: string; cold: number; ms: number; cpu: number; steps: number; verdict: string }[] = [];
for (const name of named) {
  let steps = 0;
  let verdict = '';
  const once = (): void => {
    const spec = loadNamedSpec(name);
    if (spec === undefined) throw new Error(`no named derivation ${name}`);
    const v = verifyNamed(computeNamed(engine, spec));
    const json = namedToJson(v);
    steps = json.steps.length;
    verdict = v.verdict;
  };
  const t0 = performance.now();
  once();
  const cold = performance.now() - t0;
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < NAMED_REPEATS; r++) {
    const w = performance.now();
    const c = cpuMs();
    once();
    cpus.push(cpuMs() - c);
    walls.push(performance.now() - w);
  }
  rows.push({ name, cold, ms: median(walls), cpu: median(cpus), steps, verdict });
}
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\nnamed derivations: spec + rules + verification + JSON; first run, then medians of ${NAMED_REPEATS} runs (wall and CPU ms; budget ${BUDGET_MS} ms)`);
console.log(`${'name'.padEnd(width)}  ${'first ms'.padStart(9)}  ${'median ms'.padStart(9)}  ${'cpu ms'.padStart(9)}  ${'steps'.padStart(5)}  verdict`);
for (const r of rows) {
  const over = r.ms > BUDGET_MS ? '  OVER' : '';
  console.log(`${r.name.padEnd(width)}  ${fmt(r.cold).padStart(9)}  ${fmt(r.ms).padStart(9)}  ${fmt(r.cpu).padStart(9)}  ${String(r.steps).padStart(5)}  ${r.verdict}${over}`);
}
console.log(`slowest: ${fmt(Math.max(...rows.map((r) => r.ms)))} ms median wall, ${fmt(Math.max(...rows.map((r) => r.cpu)))} ms median CPU; over ${BUDGET_MS} ms (wall): ${rows.filter((r) => r.ms > BUDGET_MS).length} of ${rows.length}`);

/**
 * Backprop against the engine's own symbolic gradient: the named derivation
 * softmax-regression-gradient (rules/derivations/) is computed by the rule
 * engine, and the result of each of its parts is evaluated on a small
 * instance (n = 3 examples, p = 4 features, c = 3 classes, one-hot labels)
 * and compared, entry by entry, with the training core's Float64 gradient
 * of the same model. Nothing here re-types the formula: the expressions come
 * from computeNamed, the values from src/numeric's evaluate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeNamed, loadNamedSpec, parseDefinition, unfold } from '../../src/derive/named/index.js';
import { substitute } from '../../src/expr/substitute.js';
import { addAll, float, num } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { symKey } from '../../src/expr/sym-key.js';
import { mapBottomUp, some } from '../../src/expr/traverse.js';
import { createRng } from '../../src/numeric/rng.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { createBackend } from '../../src/train/backend.js';
import { network } from '../../src/train/models/network.js';
import { weightPenaltyBackward } from '../../src/train/ops/weight-penalty.js';
import { zeroGrad } from '../../src/train/param.js';
import { at } from '../../src/train/tensor.js';

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

const N = 3;
const P = 4;
const C = 3;
const ALPHA = 0.1;

/**
 * Instantiates index notation on concrete sizes: every sum(body, k, lo, hi)
 * whose bounds are numbers becomes lo + … + hi terms with k replaced by each
 * number (inner sums first, so an inner body's outer index is filled in by
 * the outer expansion).
 */
function expandSums(e: Expr): Expr {
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || x.fn !== 'sum') return x;
    const [body, k, lo, hi] = x.args;
    if (body === undefined || k === undefined || k.kind !== 'sym' || lo?.kind !== 'num' || hi?.kind !== 'num') throw new Error(`cannot expand ${x.fn} with symbolic bounds`);
    const terms: Expr[] = [];
    for (let v = Number(lo.n); v <= Number(hi.n); v++) terms.push(substitute(body, new Map([[symKey(k), num(v)]])));
    return addAll(terms);
  });
}

describe('softmax regression: backprop against the engine\'s symbolic gradient', () => {
  const engine = createEngine();
  const spec = loadNamedSpec('softmax-regression-gradient');
  if (spec === undefined) throw new Error('the named derivation softmax-regression-gradient is missing');
  const computed = computeNamed(engine, spec);
  // The derivation's definitions (logits z, predictions yhat, the matrices X, Y, Yhat, W).
  // Its hypothesis instance (labels as a softmax of free u) is not unfolded: the labels here are one-hot values.
  const definitions = spec.definitions.map((d) => parseDefinition(d.define));

  // The instance, and the training core's gradient of it.
  const rng = createRng(1618);
  const net = network(be, { inputs: P, hidden: [], outputs: C, head: 'softmax-cross-entropy' });
  const layer = net.layers[0];
  if (layer === undefined) throw new Error('no layer');
  for (const p of [layer.w.value, layer.b.value]) for (let i = 0; i < p.data.length; i++) p.data[i] = rng.normal();
  const x = be.zeros(N, P);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform(0, 1);
  const labels = [2, 0, 2];
  zeroGrad(net.parameters());
  net.lossAndBackward(x, labels);
  weightPenaltyBackward(net.parameters(), ALPHA);

  // Values of the derivation's symbols (1-based, as the derivation writes them).
  const env = new Map<string, number>();
  const key = (name: string, sub: number[], sup: number[] = []): string => symKey({ kind: 'sym', name, sub: sub.map((v) => num(v)), sup: sup.map((v) => num(v)), hash: 0 });
  for (let i = 1; i <= N; i++) {
    for (let q = 1; q <= P; q++) env.set(key('x', [q], [i]), at(x, i - 1, q - 1));
    for (let k = 1; k <= C; k++) env.set(key('y', [k], [i]), labels[i - 1] === k - 1 ? 1 : 0);
  }
  for (let k = 1; k <= C; k++) {
    env.set(key('b', [k]), at(layer.b.value, 0, k - 1));
    for (let j = 1; j <= P; j++) env.set(key('w', [j], [k]), at(layer.w.value, j - 1, k - 1));
  }

  /** A part's result at entry (q, l): sizes, indices and α put in, definitions unfolded, sums expanded, evaluated. */
  const valueAt = (result: Expr, entry: { q?: number; l: number }, alpha = ALPHA): number => {
    const scalars = new Map<string, Expr>([['n', num(N)], ['p', num(P)], ['c', num(C)], ['l', num(entry.l)], ['alpha', float(alpha)]]);
    if (entry.q !== undefined) scalars.set('q', num(entry.q));
    const concrete = expandSums(substitute(unfold(result, definitions), scalars));
    return evaluate(concrete, env);
  };

  const relative = (got: number, want: number): number => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

  const weightParts = ['gradient-weight', 'weight-expand', 'weight-sift', 'gradient-weight-named', 'gradient-weight-textbook', 'gradient-matrix'];
  const biasParts = ['gradient-bias', 'bias-expand', 'bias-sift', 'bias-labels', 'gradient-bias-textbook'];

  const resultOf = (id: string): Expr => {
    const part = computed.parts.find((p) => p.part.id === id);
    if (part === undefined) throw new Error(`the derivation has no part ${id}`);
    const result = part.derivation.result;
    // A derivative left unevaluated would be computed by finite differences: not a symbolic result.
    expect(some(result, (e) => e.kind === 'deriv'), `${id} still contains a derivative`).toBe(false);
    return result;
  };

  it('should have the answer part the check relies on', () => {
    expect(spec.answer).toBe('gradient-weight-textbook');
  });

  it('should fail when the instances differ (the comparison can fail)', () => {
    const result = resultOf(spec.answer ?? '');
    // α = 0 on the symbolic side: off by α·w_q^(l), about 0.1 here.
    expect(Math.abs(valueAt(result, { q: 2, l: 3 }, 0) - at(layer.w.grad, 1, 2))).toBeGreaterThan(1e-3);
    expect(relative(valueAt(result, { q: 2, l: 3 }), at(layer.w.grad, 1, 2))).toBeLessThan(1e-12);
  });

  for (const id of weightParts) {
    it(`should give ∂f/∂w_q^(l) = backprop's ∂L/∂W[q][l] (α = ${ALPHA}) from part ${id}, to 1e-12 relative`, () => {
      const result = resultOf(id);
      let worst = 0;
      for (let q = 1; q <= P; q++) {
        for (let l = 1; l <= C; l++) worst = Math.max(worst, relative(valueAt(result, { q, l }), at(layer.w.grad, q - 1, l - 1)));
      }
      expect(worst).toBeLessThan(1e-12);
    });
  }

  for (const id of biasParts) {
    it(`should give ∂f/∂b_l = backprop's ∂L/∂b[l] (no penalty on biases) from part ${id}, to 1e-12 relative`, () => {
      const result = resultOf(id);
      let worst = 0;
      for (let l = 1; l <= C; l++) worst = Math.max(worst, relative(valueAt(result, { l }), at(layer.b.grad, 0, l - 1)));
      expect(worst).toBeLessThan(1e-12);
    });
  }
});

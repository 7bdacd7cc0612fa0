/**
 * The two seed graphs: every intermediate value and the Jacobian, asserted
 * against numbers computed by hand (the working is in the comments; the only
 * machine help is Math.log/exp/sin/cos for the final decimals), to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { parsePoint } from '../../src/derive/point.js';
import { readDefinitions } from '../../src/graph/definitions.js';
import { graphReport, type GraphReport } from '../../src/graph/graph-report.js';
import { readNodeKinds } from '../../src/graph/node-kinds.js';
import { checkAdjoints, checkTangents } from '../../src/graph/check-sweeps.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

function near(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** Node value by its printed name (w_1, v_3, f_1, a, …). */
function value(r: GraphReport, name: string): number | undefined {
  return r.nodes.find((n) => toPlain(n.name) === name)?.value;
}

describe('the seed graph f1 = ln(w1² + w2²) + w1 e^{w2}, f2 = w1 sin w2 + cos w1 at (2, 1)', () => {
  const r = graphReport(engine, readDefinitions('f1 = ln(w1^2 + w2^2) + w1*exp(w2); f2 = w1*sin(w2) + cos(w1)'), parsePoint(['w1=2,w2=1']), {
    step: 0.001,
    scheme: 'forward',
    allowed: readNodeKinds('+,square,ln,*,sin,cos,exp'),
  });

  it('should give every intermediate value', () => {
    // By hand at w1 = 2, w2 = 1:
    //   v1 = w1² = 4, v2 = w2² = 1, v3 = v1 + v2 = 5, v4 = ln 5 = 1.6094379124341003,
    //   v5 = e^{w2} = e = 2.718281828459045, v6 = w1·v5 = 2e = 5.43656365691809,
    //   f1 = v4 + v6 = ln 5 + 2e = 7.046001569352191,
    //   v7 = sin 1 = 0.8414709848078965, v8 = w1·v7 = 2 sin 1 = 1.682941969615793,
    //   v9 = cos 2 = -0.4161468365471424, f2 = v8 + v9 = 1.2667951330686507.
    const e = Math.E;
    const expected: [string, number][] = [
      ['v_1', 4],
      ['v_2', 1],
      ['v_3', 5],
      ['v_4', Math.log(5)],
      ['v_5', e],
      ['v_6', 2 * e],
      ['f_1', Math.log(5) + 2 * e],
      ['v_7', Math.sin(1)],
      ['v_8', 2 * Math.sin(1)],
      ['v_9', Math.cos(2)],
      ['f_2', 2 * Math.sin(1) + Math.cos(2)],
    ];
    for (const [name, v] of expected) near(value(r, name), v);
    near(1.6094379124341003, Math.log(5)); // the decimals written above are these
    expect(r.nodes.map((n) => n.op)).toEqual(['input', 'input', 'square', 'square', '+', 'log', 'exp', '*', '+', 'sin', '*', 'cos', '+']);
    expect(r.nodes.filter((n) => n.exact !== undefined).length).toBe(r.nodes.length);
  });

  it('should give the Jacobian from forward mode, reverse mode and the symbolic derivative', () => {
    // By hand: ∂f1/∂w1 = 2w1/(w1² + w2²) + e^{w2} = 4/5 + e = 3.5182818284590453
    //          ∂f1/∂w2 = 2w2/(w1² + w2²) + w1 e^{w2} = 2/5 + 2e = 5.83656365691809
    //          ∂f2/∂w1 = sin w2 − sin w1 = sin 1 − sin 2 = -0.0678264420177852
    //          ∂f2/∂w2 = w1 cos w2 = 2 cos 1 = 1.0806046117362795
    const J = [
      [4 / 5 + Math.E, 2 / 5 + 2 * Math.E],
      [Math.sin(1) - Math.sin(2), 2 * Math.cos(1)],
    ];
    J.forEach((row, o) =>
      row.forEach((v, j) => {
        const entry = r.jacobian[o]?.[j];
        near(entry?.forward, v);
        near(entry?.reverse, v);
        near(entry?.symbolic?.decimal, v);
        expect(entry?.agrees).toBe(true);
      }),
    );
    expect(toPlain(r.jacobian[0]?.[0]?.symbolic?.exact ?? r.nodes[0]!.name)).toBe('4/5 + exp(1)');
    expect(r.allAgree).toBe(true);
  });

  it('should estimate the Jacobian by forward differences with Δ = 0.001', () => {
    // (f(w + Δ e_j) − f(w))/Δ written out from the formulas, not from the graph:
    const f1 = (a: number, b: number): number => Math.log(a * a + b * b) + a * Math.exp(b);
    const f2 = (a: number, b: number): number => a * Math.sin(b) + Math.cos(a);
    const h = 0.001;
    const fd = [
      [(f1(2 + h, 1) - f1(2, 1)) / h, (f1(2, 1 + h) - f1(2, 1)) / h],
      [(f2(2 + h, 1) - f2(2, 1)) / h, (f2(2, 1 + h) - f2(2, 1)) / h],
    ];
    // A forward difference is off by about (Δ/2)·∂²f: e.g. ∂²f1/∂w2² = 2(w1² − w2²)/(w1² + w2²)² + w1 e^{w2} = 6/25 + 2e ≈ 5.68, so the error is ≈ 0.0028.
    fd.forEach((row, o) => row.forEach((v, j) => expect(Math.abs((r.jacobian[o]?.[j]?.finiteDifference ?? NaN) - v)).toBeLessThan(1e-9)));
    near(r.jacobian[0]?.[1]?.error, fd[0]![1]! - (2 / 5 + 2 * Math.E));
    expect(Math.abs((r.jacobian[0]?.[1]?.error ?? 0) - 0.0028)).toBeLessThan(0.0002);
  });

  it('should carry tangents (forward mode) and adjoints (reverse mode) through the nodes', () => {
    // Along w1: v1' = 2w1 = 4, v3' = 4, v4' = v3'/v3 = 4/5. Adjoints of f1: v4̄ = 1, v3̄ = 1/v3 = 1/5, v1̄ = 1/5, v5̄ = w1 = 2.
    const id = (name: string): number => r.nodes.findIndex((n) => toPlain(n.name) === name);
    near(r.tangents[0]?.[id('v_1')], 4);
    near(r.tangents[0]?.[id('v_4')], 4 / 5);
    near(r.adjoints[0]?.[id('v_3')], 1 / 5);
    near(r.adjoints[0]?.[id('v_5')], 2);
    near(r.adjoints[1]?.[id('v_7')], 2);
  });
});

describe('the seed graph a = xy + z, b = a(x + x), w = ab + b', () => {
  // w = ab + b with b = 2xa, so w = 2x a² + 2x a and, with a = xy + z:
  //   ∂w/∂x = 2a² + 4xa·y + 2a + 2xy,  ∂w/∂y = 4x²a + 2x²,  ∂w/∂z = 4xa + 2x.
  const hand = (x: number, y: number, z: number): { a: number; b: number; w: number; J: number[] } => {
    const a = x * y + z;
    const b = a * (x + x);
    return { a, b, w: a * b + b, J: [2 * a * a + 4 * x * a * y + 2 * a + 2 * x * y, 4 * x * x * a + 2 * x * x, 4 * x * a + 2 * x] };
  };

  for (const [at, x, y, z] of [
    ['x=1,y=2,z=3', 1, 2, 3],
    ['x=0.5,y=-1.5,z=2', 0.5, -1.5, 2],
  ] as const) {
    it(`should share a as one node and give w and ∂w/∂x, ∂w/∂y, ∂w/∂z at ${at}`, () => {
      const r = graphReport(engine, readDefinitions('a = x*y + z; b = a*(x + x); w = a*b + b'), parsePoint([at]), { step: 0.001, scheme: 'central' });
      const h = hand(x, y, z);
      // At (1, 2, 3): a = 5, b = 10, w = 60; ∂w/∂x = 50 + 40 + 10 + 4 = 104, ∂w/∂y = 20 + 2 = 22, ∂w/∂z = 20 + 2 = 22.
      if (x === 1) expect([h.a, h.b, h.w, ...h.J]).toEqual([5, 10, 60, 104, 22, 22]);
      near(value(r, 'a'), h.a);
      near(value(r, 'b'), h.b);
      near(value(r, 'w'), h.w);
      // x, y, z, x·y, a, x + x, b, a·b, w: a is read by b and by a·b but is one node.
      expect(r.nodes.length).toBe(9);
      expect(r.nodes.filter((n) => toPlain(n.name) === 'a').length).toBe(1);
      expect(r.outputNames.map(toPlain)).toEqual(['w']);
      h.J.forEach((v, j) => {
        near(r.jacobian[0]?.[j]?.forward, v);
        near(r.jacobian[0]?.[j]?.reverse, v);
        near(r.jacobian[0]?.[j]?.symbolic?.decimal, v);
        // Central differences of a cubic: error (Δ²/6)·∂³w, at most a few 1e-6 here.
        expect(Math.abs((r.jacobian[0]?.[j]?.finiteDifference ?? NaN) - v)).toBeLessThan(1e-4);
      });
      expect(r.allAgree).toBe(true);
    });
  }

  it('should give the adjoints by hand, each checked, and notice a wrong one', () => {
    const r = graphReport(engine, readDefinitions('a = x*y + z; b = a*(x + x); w = a*b + b'), parsePoint(['x=1,y=2,z=3']), { step: 0.001, scheme: 'central' });
    // Backwards from w = v3 + b, v3 = a·b, b = a·v2, v2 = x + x, a = v1 + z, v1 = x·y at (1, 2, 3), a = 5, b = 10:
    //   w̄ = 1, v̄3 = 1, b̄ = 1 + a = 6, v̄2 = b̄·a = 30, ā = b + b̄·v2 = 10 + 12 = 22, v̄1 = ā = 22,
    //   x̄ = v̄1·y + 2·v̄2 = 44 + 60 = 104, ȳ = v̄1·x = 22, z̄ = ā = 22.
    const expected: Record<string, number> = { w: 1, v_3: 1, b: 6, v_2: 30, a: 22, v_1: 22, x: 104, y: 22, z: 22 };
    for (const n of r.nodes) near(r.adjoints[0]?.[n.id], expected[toPlain(n.name)] ?? NaN);
    expect(r.adjointsAgree.flat().every(Boolean)).toBe(true);
    expect(r.tangentsAgree.flat().every(Boolean)).toBe(true);
    // The checks are independent of the sweeps: a corrupted table is caught.
    const values = r.nodes.map((n) => n.value);
    const wrong = r.adjoints.map((row) => row.map((v, id) => (toPlain(r.nodes[id]!.name) === 'b' ? v + 1e-6 : v)));
    expect(checkAdjoints(engine, r.graph, parsePoint(['x=1,y=2,z=3']).values, values, wrong)[0]?.filter((ok) => !ok).length).toBe(1);
    const wrongTangent = r.tangents.map((row, j) => row.map((v, id) => (j === 1 && id === r.graph.outputs[0]!.node ? v * 2 : v)));
    expect(checkTangents(engine, r.graph, parsePoint(['x=1,y=2,z=3']).values, wrongTangent).flat().filter((ok) => !ok).length).toBe(1);
  });
});

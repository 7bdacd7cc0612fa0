import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../src/document/blocks.js';
import { solveSpec } from '../../src/document/solve.js';
import { parseSpec, SpecError } from '../../src/document/spec.js';
import { tallyAnswers } from '../../src/document/summary.js';
import { shapeText } from '../../src/matrix/shape.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

const SPEC = `title: Linear layer
shapes:
  W: m x n
  x: n
  b: m
problems:
  - title: Jacobian of an affine map
    tasks:
      - diff: W*x + b
        wrt: [x]
      - check: |
          $$W x + b = x W + b$$
  - title: Quadratic form
    shapes: "A: n x n"
    tasks:
      - diff: x^T*A*x
        wrt: x
      - diff: sin(W*x)
        wrt: x
`;

describe('shapes: in problem-set specs', () => {
  it('should read shapes as a mapping, a quoted string or a list, the problem taking over from the spec', () => {
    const spec = parseSpec('s.yaml', SPEC);
    expect([...(spec.problems[0]?.shapes ?? [])].map(([k, s]) => `${k}: ${shapeText(s)}`)).toEqual(['W: m×n', 'x: n', 'b: m']);
    expect([...(spec.problems[1]?.shapes ?? [])].map(([k]) => k)).toEqual(['W', 'x', 'b', 'A']);
    const list = parseSpec('s.yaml', 'title: t\nshapes: ["W: 2 x 3", "x: 3"]\nproblems: []\n');
    expect(list.problems).toEqual([]);
  });

  it('should name the line of a shape it cannot read', () => {
    expect(() => parseSpec('s.yaml', 'title: t\nproblems:\n  - title: p\n    shapes: "W: m by n"\n    tasks: []\n')).toThrow(SpecError);
    try {
      parseSpec('s.yaml', 'title: t\nproblems:\n  - title: p\n    shapes: "W: m by n"\n    tasks: []\n');
    } catch (e) {
      expect((e as SpecError).message).toMatch(/^s\.yaml:4:\d+: shapes: cannot read the size/);
    }
  });

  it('should derive diff tasks by a declared vector with their size, check check tasks under the shapes, and refuse the rest', () => {
    const solved = solveSpec(engine, 's.yaml', parseSpec('s.yaml', SPEC));
    const blocks = buildBlocks(solved);
    const math = blocks.filter((b) => b.kind === 'math').map((b) => (b.kind === 'math' ? b.latex : ''));
    expect(math).toEqual(['\\frac{\\partial}{\\partial x} \\left( W x + b \\right) = W', '\\frac{\\partial}{\\partial x} \\left( x^\\top A x \\right) = \\left(A + A^\\top\\right) x']);
    const checks = blocks.filter((b) => b.kind === 'check').map((b) => (b.kind === 'check' ? b.text : ''));
    expect(checks[0]).toMatch(/^Check: holds: both sides are m×n; all \d+ entries agree/);
    expect(checks[1]).toBe('Check: a step of this derivation fails (marked above).');
    expect(checks[3]).toMatch(/^Check: not derived under shapes: no matrix-calculus rule applies to sin\(W\*x\)/);
    expect(tallyAnswers(solved)).toEqual({ failed: 1, unverified: 1 });
    expect(solved.allVerified).toBe(false);
  });

  it('should take shapes from render --shape for specs that state none', () => {
    const spec = parseSpec('s.yaml', 'title: t\nproblems:\n  - title: p\n    tasks:\n      - diff: W*x\n        wrt: x\n');
    const [r] = solveSpec(engine, 's.yaml', spec, shapeContext(['W: m x n, x: n'])).problems[0]?.results ?? [];
    expect(r).toMatchObject({ kind: 'shaped', outcome: { verdict: 'holds' } });
  });

  it('should refuse gradient, evaluate and simplify tasks on shaped names at their line', () => {
    const spec = parseSpec('s.yaml', 'title: t\nshapes: "W: m x n, x: n"\nproblems:\n  - title: p\n    tasks:\n      - simplify: W*x - W*x\n');
    expect(() => solveSpec(engine, 's.yaml', spec)).toThrow(/s\.yaml:6:\d+: 'simplify' tasks do not take vectors and matrices yet/);
  });
});

describe('numbered and labelled names in a shapes: section (issue #12 item 5)', () => {
  const NAMED = `title: Two layers
shapes:
  W_1: h x n
  W^{(2)}: k x h
  b^{[1]}: h
  x: n
problems:
  - title: Layer by layer
    tasks:
      - diff: W_1*x + b^{[1]}
        wrt: [x]
      - check: |
          $$(W^{(2)} W_1 x)^\\top = x^\\top W_1^\\top (W^{(2)})^\\top$$
      - check: |
          $$(W^{(2)} W_1 x)^\\top = x^\\top (W^{(2)})^\\top W_1^\\top$$
`;

  it('should read W_1, W^{(2)}, b^{[1]} as matrix and vector names, derive by them and fail the product in the wrong order', () => {
    const spec = parseSpec('s.yaml', NAMED);
    expect([...(spec.problems[0]?.shapes ?? [])].map(([k, s]) => `${k}: ${shapeText(s)}`)).toEqual(['W_{1}: h×n', 'W^{(2)}: k×h', 'b^{(1)}: h', 'x: n']);
    const blocks = buildBlocks(solveSpec(engine, 's.yaml', spec));
    const math = blocks.filter((b) => b.kind === 'math').map((b) => (b.kind === 'math' ? b.latex : ''));
    expect(math[0]).toMatch(/= W_\{1\}$/);
    const checks = blocks.filter((b) => b.kind === 'check').map((b) => (b.kind === 'check' ? b.text : ''));
    expect(checks[1]).toMatch(/holds/);
    expect(checks[2]).toMatch(/fails/);
  });
});

import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { twoIndexFamilies, withTwoIndices } from '../../src/check/two-digit-indices.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { samplingPlan } from '../../src/numeric/coverage.js';
import { createRng } from '../../src/numeric/rng.js';
import { num, sym } from '../../src/expr/build.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'tex').chains.flatMap((c) => [...c.steps]);

const neuron = (claims: string): string =>
  [
    '\\documentclass{article}\\begin{document}',
    'A neuron computes $f(\\mathbf{x}) = w_0 + w_1 x_1 + \\dots + w_n x_n$, with $m$ pairs $(\\mathbf{x}_i, y_i)$ and',
    '\\begin{equation}',
    'L = \\frac{1}{2}\\sum_{i=1}^m \\bigl(y_i - f(\\mathbf{x}_i)\\bigr)^2 .',
    '\\end{equation}',
    claims,
    '\\end{document}',
  ].join('\n');

describe('x_{11} where the document indexes x_{ij}: the entry x_{1,1}', () => {
  it('should find the two-indexed families and split only their two-digit indices', () => {
    expect([...twoIndexFamilies(['x_{ij} + W_{i,j}', 'n_{in} + w_j'])].sort()).toEqual(['W', 'x']);
    const r = withTwoIndices(parseLatex('x_{11} + x_{10} + y_{11}'), new Set(['x']));
    expect(r.expr).toEqual(parseLatex('x_{1,1} + x_{10} + y_{11}'));
    expect(r.notes).toEqual([expect.stringMatching(/^x_\{11\} is read as x_\{1,1\}: the document indexes x with two indices/)]);
    expect(withTwoIndices(parseLatex('x_{11}'), new Set()).expr).toEqual(sym('x', [num(11)]));
  });

  it('should read f(\\mathbf{x}_i) with f written in the entries x_j as the entries x_{ij} (example first, feature second)', () => {
    const s = steps(neuron('For $j \\ge 1$, with $x_{ij}$ the $j$-th feature of example $i$,\n\\begin{equation}\n\\frac{\\partial L}{\\partial w_j} = -\\sum_{i=1}^m \\bigl(y_i - f(\\mathbf{x}_i)\\bigr)\\, x_{ij}\n\\end{equation}\nand wrongly\n\\begin{equation}\n\\frac{\\partial L}{\\partial w_j} = -\\sum_{i=1}^m \\bigl(y_i - f(\\mathbf{x}_i)\\bigr)\\, x_{ji}\n\\end{equation}'));
    expect(s.slice(-2).map((x) => x.verdict)).toEqual(['holds', 'fails']);
  });

  it('should judge the worked example with x_{11} as x_{1,1} and say so', () => {
    const s = steps(neuron('Here $x_{ij}$ is feature $j$ of example $i$. For $m = 1$, $n = 1$: $L = \\frac12 (y_1 - w_0 - w_1 x_{11})^2$, and $L = \\frac12 (y_1 - w_0 - w_1 x_{11})^3$.'));
    const [good, bad] = s.slice(-2);
    expect(good?.verdict).toBe('holds');
    expect(good?.evidence.summary).toMatch(/x_\{11\} is read as x_\{1,1\}/);
    expect(bad?.verdict).toBe('fails');
  });
});

describe('a lower bound on an index ("for $j \\ge 1$") keeps it an index of the step\'s range', () => {
  it('should draw j in 1..n, not past the smallest size, when j ≥ 1 is assumed', () => {
    const sides = [parsePlain('sum(w_k^2, k, 1, n)'), parsePlain('w_j')];
    const [j, n] = [sym('j'), sym('n')];
    const vars = [j, n, sym('w', [sym('j')])];
    const plan = samplingPlan(sides, vars, true, [{ sym: j, kind: 'interval', lo: 1, hi: Infinity, closed: [true, false] }], true);
    const rng = createRng(3);
    const points = Array.from({ length: 40 }, () => plan.sampler?.(rng));
    expect(points.every((p) => p !== undefined && (p[0] as number) >= 1 && (p[0] as number) <= (p[1] as number))).toBe(true);
    // j > 0 (positive) the same way.
    const positive = samplingPlan(sides, vars, true, [{ sym: j, kind: 'positive' }], true);
    expect(Array.from({ length: 40 }, () => positive.sampler?.(rng)).every((p) => p !== undefined && (p[0] as number) >= 1 && (p[0] as number) <= (p[1] as number))).toBe(true);
  });
});

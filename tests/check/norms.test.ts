import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { parseLatex } from '../../src/parse/index.js';
import { toLatex } from '../../src/render/to-latex.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { differentiate } from '../../src/derive/differentiate.js';
import { sym } from '../../src/expr/build.js';

const engine = createEngine();
const checker = createChecker(engine);
const reports = new Map<string, StepReport[]>();
const steps = (source: string): StepReport[] => {
  let r = reports.get(source);
  if (r === undefined) {
    r = checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
    reports.set(source, r);
  }
  return r;
};
/** The verdict of the one step on `line` whose right side starts with `rhs`. */
const verdictAt = (source: string, line: number, rhs: string): string => {
  const s = steps(source).find((x) => x.line === line && x.rhs.startsWith(rhs));
  return s === undefined ? 'missing' : s.verdict;
};

describe('norms in LaTeX (issue #10 item 2, #12 vocabulary)', () => {
  it.each([
    ['\\|x\\|', 'norm(x)'],
    ['\\|x\\|_2', 'norm(x)'],
    ['\\|x\\|_1', 'norm1(x)'],
    ['\\|x\\|_2^2', 'norm(x)^2'],
    ['\\|A\\|_F', 'norm(A)'],
    ['\\lVert x \\rVert', 'norm(x)'],
    ['\\left\\| x - y \\right\\|_2^2', 'norm(x - y)^2'],
    ['\\bigl\\| x \\bigr\\|_1', 'norm1(x)'],
    ['\\frac{x_i}{\\|x\\|_2}', 'x_i/norm(x)'],
    ['\\|x + y\\|_2 + \\|y\\|_1', 'norm(x + y) + norm1(y)'],
  ])('should read %s as %s and print it back to the same expression', (latex, plain) => {
    const e = parseLatex(latex);
    expect(toPlain(e)).toBe(plain);
    expect(parseLatex(toLatex(e)).hash).toBe(e.hash);
  });

  it('should print a norm as \\lVert … \\rVert with its subscript (F for a capital: the Frobenius norm)', () => {
    expect(toLatex(parseLatex('\\|x\\|_1'))).toBe('\\left\\lVert x\\right\\rVert_{1}');
    expect(toLatex(parseLatex('\\|A\\|_F'))).toBe('\\left\\lVert A\\right\\rVert_{F}');
  });

  it('should read the max norm, and refuse p-norms and ‖A‖_2 of a matrix (its spectral norm) by name', () => {
    expect(toPlain(parseLatex('\\|x\\|_\\infty'))).toBe('norminf(x)');
    expect(() => parseLatex('\\|x\\|_3')).toThrow(/not read/);
    expect(() => parseLatex('\\|x\\|_p')).toThrow(/not read/);
    expect(() => parseLatex('\\|A\\|_2', { shapes: shapeContext(['A: n x n']) })).toThrow(/spectral/);
    expect(toPlain(parseLatex('\\|A\\|_F', { shapes: shapeContext(['A: n x n']) }))).toBe('norm(A)');
  });

  it('should differentiate a norm by an entry with the rules (d.norm-entry, d.norm1-entry), never as a constant', () => {
    const xi = sym('x', [sym('i')]);
    const two = differentiate(engine, parseLatex('\\|x\\|_2'), [xi]);
    expect(toPlain(two.result)).toBe('x_i/norm(x)');
    expect(two.steps.map((s) => s.rule)).toContain('d.norm-entry');
    const one = differentiate(engine, parseLatex('\\|x\\|_1'), [xi]);
    expect(toPlain(one.result)).toBe('sign(x_i)');
  });

  it('should not prove or hold a norm inequality of a letter without its shape (‖x‖₁ ≤ ‖x‖₂ read with numbers holds)', () => {
    const j = judgeStep(checker, parseLatex('\\|x\\|_1'), '<=', parseLatex('\\|x\\|_2'));
    expect(j.verdict).toBe('undecided');
    const d = judgeStep(checker, parseLatex('\\frac{\\partial}{\\partial x_i}\\|x\\|_2^2'), '=', parseLatex('2x_i'));
    expect(d.verdict).toBe('undecided');
  });
});

const NORMS = [
  'Let $x, y \\in \\mathbb{R}^n$.',
  '',
  '$$\\|x\\|_2 \\le \\|x\\|_1$$',
  '',
  '$$\\|x\\|_1 \\le \\|x\\|_2$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_2 = \\frac{x_i}{\\|x\\|_2}$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_2 = \\frac{x_i}{\\|x\\|_2^2}$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_2^2 = 2 x_i$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_2 = 2 x_i$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_1 = \\operatorname{sign}(x_i)$$',
  '',
  '$$\\frac{\\partial}{\\partial x_i}\\|x\\|_1 = x_i$$',
  '',
  '$$\\|x - y\\|_2^2 = \\|x\\|_2^2 - 2x^\\top y + \\|y\\|_2^2$$',
  '',
  '$$\\|x - y\\|_2^2 = \\|x\\|_2^2 - 2y x^\\top + \\|y\\|_2^2$$',
  '',
  '$$\\|x\\|_2 = x^\\top x$$',
  '',
].join('\n');

describe('norms judged entry by entry in a document', () => {
  it('should hold the true norm facts and fail each near miss at its line (‖·‖₂ for ‖·‖₁, a missing square, a wrong order)', () => {
    expect(verdictAt(NORMS, 3, '\\|x\\|_1')).toBe('holds');
    expect(verdictAt(NORMS, 5, '\\|x\\|_2')).toBe('fails');
    expect(verdictAt(NORMS, 7, '\\frac{x_i}{\\|x\\|_2}')).toBe('holds');
    expect(verdictAt(NORMS, 9, '\\frac{x_i}{\\|x\\|_2^2}')).toBe('fails');
    expect(verdictAt(NORMS, 11, '2 x_i')).toBe('holds');
    expect(verdictAt(NORMS, 13, '2 x_i')).toBe('fails');
    expect(verdictAt(NORMS, 15, '\\operatorname{sign}')).toBe('holds');
    expect(verdictAt(NORMS, 17, 'x_i')).toBe('fails');
    expect(verdictAt(NORMS, 19, '\\|x\\|_2^2')).toBe('holds');
    expect(verdictAt(NORMS, 21, '\\|x\\|_2^2')).toBe('fails');
    expect(verdictAt(NORMS, 23, 'x^\\top x')).toBe('fails');
  });

  it('should range a free index over the vector it indexes (i in 1..n, not past n)', () => {
    const s = steps(NORMS).find((x) => x.line === 11);
    expect(s?.verdict).toBe('holds');
    const f = steps(NORMS).find((x) => x.line === 9);
    expect(f?.evidence.summary).toMatch(/i = [1-7]/);
  });

  it('should read a letter whose norm is taken as a vector, sized by the sum over its entries (the off-by-one fails)', () => {
    const doc = [
      'The penalty is $\\|w\\|_2^2 = \\sum_{i=1}^n w_i^2$.',
      '',
      '$$\\sum_{i=0}^{n} w_i^2 = \\|w\\|_2^2$$',
      '',
      '$$\\sum_{k=1}^{n} w_k^2 = \\|w\\|_2^2$$',
      '',
    ].join('\n');
    const s = steps(doc);
    expect(s.find((x) => x.line === 3)?.verdict).toBe('fails');
    expect(s.find((x) => x.line === 5)?.verdict).toBe('holds');
    expect(s.find((x) => x.line === 3)?.facts?.map((f) => f.fact).join(' ')).toMatch(/w: n \(read as a vector/);
  });

  it('should judge a claim about a vector given by its entries at those entries ("for $x = (3, -4)$")', () => {
    const doc = ['Let $x \\in \\mathbb{R}^n$.', '', 'Then $\\|x\\|_1 = 1$ for $x = (3, -4)$, and $\\|x\\|_1 = 7$ for $x = (3, -4)$.', ''].join('\n');
    const s = steps(doc);
    const wrong = s.find((x) => x.rhs === '1');
    expect(wrong?.verdict).toBe('fails');
    expect(wrong?.evidence.summary).toMatch(/at x = \(3, -4\).*left side = 7, right side = 1/);
    // Holding at the given vector but not for every x: the claim may be about either, so undecided (never holds).
    expect(s.find((x) => x.rhs === '7')?.verdict).toBe('undecided');
  });
});

const LEAST_SQUARES = [
  '## Least squares',
  '',
  'With $X \\in \\mathbb{R}^{m \\times n}$ and $\\mathbf{y} \\in \\mathbb{R}^m$, let $J(\\mathbf{w}) = \\|X\\mathbf{w} - \\mathbf{y}\\|_2^2$.',
  '',
  '$$\\nabla_{\\mathbf{w}} J = 2X^\\top (X\\mathbf{w} - \\mathbf{y})$$',
  '',
  '$$\\nabla_{\\mathbf{w}} J = 2X^\\top (\\mathbf{y} - X\\mathbf{w})$$',
  '',
  '$$\\nabla_{\\mathbf{w}} J = 2 (X\\mathbf{w} - \\mathbf{y})^\\top X$$',
  '',
  '$$\\nabla_{\\mathbf{w}} J = 2X X^\\top \\mathbf{w} - 2X^\\top \\mathbf{y}$$',
  '',
  '$$J(\\mathbf{w}) = (X\\mathbf{w} - \\mathbf{y})^\\top (X\\mathbf{w} - \\mathbf{y})$$',
  '',
  '## Products',
  '',
  'If $A$ is symmetric, $A^\\top = A$. For $A, B \\in \\mathbb{R}^{n \\times n}$:',
  '',
  '$$(AB)^\\top = B^\\top A^\\top$$',
  '',
  '$$(AB)^\\top = A^\\top B^\\top$$',
  '',
].join('\n');

describe('definitions written in under shapes', () => {
  it('should substitute J(w) = ‖Xw − y‖² (w sized by X w) and fail a sign slip, a transposed factor and a wrong product order', () => {
    expect(verdictAt(LEAST_SQUARES, 5, '2X^\\top (X')).toBe('holds');
    expect(verdictAt(LEAST_SQUARES, 7, '2X^\\top (\\mathbf{y}')).toBe('fails');
    expect(verdictAt(LEAST_SQUARES, 9, '2 (X')).toBe('fails');
    expect(verdictAt(LEAST_SQUARES, 11, '2X X^\\top')).toBe('fails');
    expect(verdictAt(LEAST_SQUARES, 13, '(X')).toBe('holds');
    expect(steps(LEAST_SQUARES).find((x) => x.line === 5)?.evidence.summary).toMatch(/definitions written in: J/);
  });

  it('should report a shaped counterexample as fails with its sizes and entries when a property word sits only in a hypothetical sentence', () => {
    expect(verdictAt(LEAST_SQUARES, 19, 'B^\\top A^\\top')).toBe('holds');
    const s = steps(LEAST_SQUARES).find((x) => x.line === 21);
    expect(s?.verdict).toBe('fails');
    expect(s?.evidence.summary).toMatch(/n = \d.*A_\{1,1\} = .*B_\{1,1\} = /);
  });

  it('should read a definition with ⊙ (elementwise) under the shapes, and leave an undeclared bold vector undecided', () => {
    const doc = [
      'Let $x \\in \\mathbb{R}^n$, $A \\in \\mathbb{R}^{n \\times n}$ and $d = (A x) \\odot x$.',
      '',
      '$$\\frac{\\partial (x^\\top d)}{\\partial x} = 0$$',
      '',
      '$$\\nabla_x (x^\\top A x) = \\mathbf{p}$$',
      '',
    ].join('\n');
    const s = steps(doc);
    // x^T ((A x) ⊙ x) = Σ_i (A x)_i x_i² has a gradient that is not 0: with d read as hadamard, the claim fails.
    expect(s.find((x) => x.line === 3)?.verdict).toBe('fails');
    expect(s.find((x) => x.line === 3)?.evidence.summary).toMatch(/definitions written in: d/);
    expect(s.find((x) => x.line === 5)?.verdict).toBe('undecided');
  });
});

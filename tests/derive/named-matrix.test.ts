import { describe, expect, it } from 'vitest';
import { neg } from '../../src/expr/build.js';
import { computeNamed, loadNamedSpec, NamedSpecError, parseNamedSpec, partToLatex, verifyNamed, type NamedSpec } from '../../src/derive/named/index.js';
import { renderKatex, toLatex, toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

function spec(name: string): NamedSpec {
  const s = loadNamedSpec(name);
  if (s === undefined) throw new Error(`missing ${name}`);
  return s;
}

function withEquals(s: NamedSpec, id: string, equals: string): NamedSpec {
  return { ...s, parts: s.parts.map((p) => (p.id === id && (p.kind === 'claim' || p.kind === 'matrix') ? { ...p, equals } : p)) };
}

const verdicts = (s: NamedSpec, ids: readonly string[]): Record<string, string> => {
  const v = verifyNamed(computeNamed(engine, s), { points: 6 });
  return Object.fromEntries(v.parts.filter((p) => ids.includes(p.computed.part.id)).map((p) => [p.computed.part.id, p.verdict]));
};

describe('matrix forms in the named derivations', () => {
  it('should verify the softmax-regression gradient in matrix form, entry (q, l) against the component result', () => {
    const c = computeNamed(engine, spec('softmax-regression-gradient'));
    const part = c.parts.find((p) => p.part.id === 'gradient-matrix-form');
    expect(part?.derivation.steps.map((s) => toPlain(s.after))).toEqual(['entry(-1/n*X^T*(Y - Yhat) + alpha*W, q, l)', '-1/n*sum(X_{k,q}*(Y_{k,l} - Yhat_{k,l}), k, 1, n) + alpha*W_{q,l}']);
    // Both steps are proved (the entry written out in components is the component result, exactly) and sampled.
    expect(verdicts(spec('softmax-regression-gradient'), ['gradient-matrix-form'])).toEqual({ 'gradient-matrix-form': 'proved' });
  });

  it('should print the matrix form the way the textbook does, and KaTeX should accept it', () => {
    const v = verifyNamed(computeNamed(engine, spec('softmax-regression-gradient')), { points: 4 });
    const part = v.parts.find((p) => p.computed.part.id === 'gradient-matrix-form');
    if (part === undefined) throw new Error('no matrix-form part');
    const latex = partToLatex(part, 'aligned');
    expect(latex).toContain('&= \\left[-\\frac{1}{n} X^\\top \\left(Y - \\hat{Y}\\right) + \\alpha W\\right]_{q l}');
    expect(renderKatex(latex, { displayMode: true }).ok).toBe(true);
  });

  it('should verify the Jacobians of linear maps and the chain rule in matrix form', () => {
    expect(verdicts(spec('linear-map-jacobians'), ['single-entry', 'single-matrix', 'composition-entry', 'chain-matrix'])).toEqual({
      // An entry of a matrix form written out in components is proved equal to the component result; a matrix identity is checked entry by entry only.
      'single-entry': 'proved',
      'single-matrix': 'holds',
      'composition-entry': 'proved',
      'chain-matrix': 'holds',
    });
    const c = computeNamed(engine, spec('linear-map-jacobians'));
    const chain = c.parts.find((p) => p.part.id === 'chain-matrix');
    expect(chain && toLatex(chain.lhs)).toBe('\\frac{\\partial}{\\partial x}\\left(W^{(2)} W^{(1)} x\\right)');
  });

  it('should fail a matrix form with the wrong sign of the penalty', () => {
    const s = withEquals(spec('softmax-regression-gradient'), 'gradient-matrix-form', '-(1/n)*X^T*(Y - Yhat) - alpha*W');
    expect(verdicts(s, ['gradient-matrix-form'])).toEqual({ 'gradient-matrix-form': 'fails' });
  });

  it('should fail the chain rule with the factors in the wrong order when the shapes allow it', () => {
    const text = ['title: T', 'shapes: "x: n, A: n x n, B: n x n"', 'parts:', '  - id: wrong', '    matrix: d(A*B*x, x)', '    equals: B*A'].join('\n');
    const v = verifyNamed(computeNamed(engine, parseNamedSpec('t', 't.yaml', text)), { points: 6 });
    expect(v.parts[0]?.verdict).toBe('fails');
    expect(v.failure).toEqual({ part: 0, step: 0 });
  });

  it('should fail a tampered matrix step, not only a wrong claim', () => {
    const c = computeNamed(engine, spec('linear-map-jacobians'));
    const k = c.parts.findIndex((p) => p.part.id === 'chain-matrix');
    const tampered = { ...c, parts: c.parts.map((p, i) => (i === k ? { ...p, derivation: { ...p.derivation, steps: p.derivation.steps.map((s) => ({ ...s, contractum: neg(s.contractum) })) } } : p)) };
    expect(verifyNamed(tampered, { points: 6 }).failure).toEqual({ part: k, step: 0 });
  });

  it('should refuse matrix forms whose shapes do not fit, at the part', () => {
    const transposed = withEquals(spec('softmax-regression-gradient'), 'gradient-matrix-form', '-(1/n)*X^T*(Y - Yhat) + alpha*W^T');
    expect(() => computeNamed(engine, transposed)).toThrow(NamedSpecError);
    expect(() => computeNamed(engine, transposed)).toThrow(/cannot add -1\/n\*X\^T\*\(Y - Yhat\) \(p×c\) and alpha\*W\^T \(c×p\)/);
    const sides = withEquals(spec('linear-map-jacobians'), 'chain-matrix', 'transpose(W^{(2)}*W^{(1)})');
    expect(() => computeNamed(engine, sides)).toThrow(/the two sides have different shapes: d\(W\^\{\(2\)\}\*W\^\{\(1\)\}\*x, x\) is o×n, \(W\^\{\(2\)\}\*W\^\{\(1\)\}\)\^T is n×o/);
  });

  it('should ask for shapes when a matrix part has none', () => {
    const text = ['title: T', 'parts:', '  - matrix: d(W*x, x)', '    equals: W'].join('\n');
    expect(() => computeNamed(engine, parseNamedSpec('t', 't.yaml', text))).toThrow(/^t\.yaml:3:5: a matrix form needs the shapes of its matrices/);
  });
});

import { describe, expect, it } from 'vitest';
import { add, call, deriv, mul, num, sym } from '../../src/expr/build.js';
import { derivationToLatex } from '../../src/render/index.js';
import { ABS, EMPTY, HOSTILE, INVISIBLE, SIGMOID, derivation } from './sample-derivations.js';

const x = sym('x');

describe('derivationToLatex', () => {
  it('should print one aligned line per step with the rule titles', () => {
    expect(derivationToLatex(SIGMOID, { env: 'aligned' })).toBe(
      [
        '\\begin{aligned}',
        '\\frac{d}{dx}\\left(\\sigma(x)\\right) &= \\sigma(x) \\left(1 - \\sigma(x)\\right) \\frac{d}{dx}\\left(x\\right) && \\text{Derivative of the sigmoid (chain rule)} \\\\',
        '&= \\sigma(x) \\left(1 - \\sigma(x)\\right) \\cdot 1 && \\text{Derivative of the variable} \\\\',
        '&= \\sigma(x) \\left(1 - \\sigma(x)\\right) && \\text{Multiplying by one}',
        '\\end{aligned}',
      ].join('\n'),
    );
  });

  it('should use align* for documents', () => {
    const out = derivationToLatex(SIGMOID, { env: 'align*' });
    expect(out.startsWith('\\begin{align*}\n')).toBe(true);
    expect(out.endsWith('\n\\end{align*}')).toBe(true);
  });

  it('should show a given left-hand side on the first line', () => {
    const lhs = deriv(call('sigma', [x]), x);
    const out = derivationToLatex({ ...SIGMOID, start: call('sigma', [x]) }, { env: 'aligned', lhs });
    expect(out.split('\n')[1]?.startsWith('\\frac{d}{dx}\\left(\\sigma(x)\\right) &= ')).toBe(true);
  });

  it('should leave out the titles when asked', () => {
    expect(derivationToLatex(SIGMOID, { env: 'aligned', titles: false })).not.toContain('\\text');
  });

  it('should merge consecutive steps that print the same, keeping both titles', () => {
    expect(derivationToLatex(INVISIBLE, { env: 'aligned' })).toBe(
      [
        '\\begin{aligned}',
        '\\frac{x}{2} &= \\frac{1}{2} x && \\text{Dividing is multiplying by the reciprocal},\\ \\text{Exact fraction}',
        '\\end{aligned}',
      ].join('\n'),
    );
  });

  it('should print step notes after the title', () => {
    const first = derivationToLatex(ABS, { env: 'aligned' }).split('\n')[1];
    expect(first).toBe('\\frac{d}{dx}\\left(\\left|x\\right|\\right) &= \\operatorname{sign}(x) \\frac{d}{dx}\\left(x\\right) && \\text{Derivative of the absolute value},\\ \\text{does not exist where }{x} = 0 \\\\');
  });

  it('should escape titles', () => {
    const out = derivationToLatex(HOSTILE, { env: 'align*' });
    expect(out).toContain('\\text{\\textbackslash{}input\\{/etc/passwd\\} 50\\% \\& \\#1 \\$x\\_1\\textasciicircum{}2\\$ \\textasciitilde{}\\{\\}}');
    expect(out).not.toContain('\\input');
  });

  it('should print the start alone when there are no steps', () => {
    expect(derivationToLatex(EMPTY, { env: 'aligned' })).toBe('\\begin{aligned}\nx\n\\end{aligned}');
  });

  it('should add a caller annotation for each displayed line', () => {
    const out = derivationToLatex(SIGMOID, { env: 'aligned', titles: false, annotate: (_step, i) => `\\checkmark_{${i}}` });
    expect(out.match(/&& \\checkmark_\{\d\}/g)).toEqual(['&& \\checkmark_{0}', '&& \\checkmark_{1}', '&& \\checkmark_{2}']);
  });
});

describe('derivationToLatex with routine steps', () => {
  it('should merge routine steps into the step that caused them (standard), several kinds of them named once as simplifying, and show one rewrite per line at full', () => {
    const y = sym('y');
    const base = derivation(add(mul(x, num(1)), num(0), mul(y, num(1))), [
      ['alg.swap', 'Reordering', add(num(0), mul(x, num(1)), mul(y, num(1)))],
      ['alg.mul-one', 'Multiplying by one', add(num(0), x, mul(y, num(1)))],
      ['alg.add-zero', 'Adding zero', add(x, mul(y, num(1)))],
      ['alg.mul-one', 'Multiplying by one', add(x, y)],
    ]);
    const d = { ...base, steps: base.steps.map((s, i) => ({ ...s, minor: i > 0 })) };
    expect(derivationToLatex(d, { env: 'aligned' })).toBe(
      ['\\begin{aligned}', 'x \\cdot 1 + 0 + y \\cdot 1 &= x + y && \\text{Reordering},\\ \\text{simplifying}', '\\end{aligned}'].join('\n'),
    );
    expect(derivationToLatex(d, { env: 'aligned', detail: 'full' }).split(' \\\\\n').length).toBe(4);
  });
});

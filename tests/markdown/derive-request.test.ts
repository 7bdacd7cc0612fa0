import { describe, expect, it } from 'vitest';
import { parseDeriveBlock, type DeriveRequest, type RequestProblem } from '../../src/markdown/derive-request.js';
import { toPlain } from '../../src/render/index.js';
import { symKey } from '../../src/expr/sym-key.js';

function one(block: string): DeriveRequest | RequestProblem {
  const all = parseDeriveBlock(block);
  expect(all).toHaveLength(1);
  return all[0] as DeriveRequest | RequestProblem;
}

function diff(block: string): { f: string; wrt: string[] } {
  const r = one(block);
  if (r.kind !== 'diff') throw new Error(`expected a diff request, got ${JSON.stringify(r)}`);
  return { f: toPlain(r.f), wrt: r.wrt.map(symKey) };
}

describe('parseDeriveBlock', () => {
  it('should read d/dx EXPR in plain syntax and in LaTeX', () => {
    expect(diff('d/dx sigma(x)')).toEqual({ f: 'sigma(x)', wrt: ['x'] });
    expect(diff('d/dx \\frac{1}{1 + e^{-x}}').wrt).toEqual(['x']);
  });

  it('should apply the operator nearest the expression first in d/dx d/dy EXPR', () => {
    expect(diff('d/dx d/dy x^2*y^3').wrt).toEqual(['y', 'x']);
  });

  it('should read an indexed variable such as z_j', () => {
    expect(diff('d/dz_j exp(z_i)').wrt).toEqual(['z_{j}']);
  });

  it('should read diff EXPR wrt x, y as successive derivatives in that order', () => {
    expect(diff('diff x^2*y wrt x, y')).toEqual({ f: 'x^2*y', wrt: ['x', 'y'] });
  });

  it('should read a kebab-case name as a named derivation', () => {
    expect(one('softmax-jacobian')).toEqual({ kind: 'named', name: 'softmax-jacobian', start: 0, end: 16 });
  });

  it('should make one request per line and skip blank and % comment lines', () => {
    const all = parseDeriveBlock('% the sigmoid\nd/dx sigma(x)\n\nd/dy tanh(y)\n');
    expect(all.map((r) => r.kind)).toEqual(['diff', 'diff']);
    expect(all[1]?.start).toBe('% the sigmoid\nd/dx sigma(x)\n\n'.length);
  });

  it('should point at the expression where it cannot be read', () => {
    const block = 'd/dx sin(x';
    const r = one(block);
    expect(r.kind).toBe('request');
    expect(r.start).toBeGreaterThanOrEqual(block.indexOf('sin'));
    expect((r as RequestProblem).reason).toMatch(/^cannot read this as math: /);
  });

  it('should refuse to differentiate by something that is not a variable', () => {
    const block = 'diff x^2 wrt 2*x';
    const r = one(block) as RequestProblem;
    expect(r.kind).toBe('request');
    expect(r.reason).toMatch(/'2\*x' is not a variable/);
    expect(r.start).toBe(block.indexOf('2*x'));
  });

  it('should say what a request looks like when a line is not one', () => {
    const r = one('sigma(x)') as RequestProblem;
    expect(r.reason).toMatch(/^not a derivation request: write `d\/dx EXPR`/);
  });

  it('should report an empty block', () => {
    expect(one('\n\n').kind).toBe('request');
  });
});

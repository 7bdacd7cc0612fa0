import { describe, expect, it } from 'vitest';
import { deriv } from '../../src/expr/build.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { freeOf } from '../../src/expr/traverse.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { checkGuard } from '../../src/rewrite/guards.js';
import { rewriteToNormalForm } from '../../src/rewrite/strategy.js';

const p = parsePlain;

describe('freeOf with defined symbols', () => {
  // yhat_k stands for a softmax of logits z_k, which stand for b_k + w_k x.
  const resolve = (s: Sym): Expr | undefined => (s.name === 'yhat' ? p('exp(z_1)/(exp(z_1) + exp(z_2))') : s.name === 'z' ? p('b + w*x') : undefined);

  it('should take a defined symbol for a constant when no definitions are given', () => {
    expect(freeOf(p('log(yhat_1)'), p('w'))).toBe(true);
  });

  it('should look through definitions, also nested ones, when they are given', () => {
    expect(freeOf(p('log(yhat_1)'), p('w'), resolve)).toBe(false);
    expect(freeOf(p('z_2'), p('x'), resolve)).toBe(false);
    expect(freeOf(p('yhat_1'), p('alpha'), resolve)).toBe(true);
  });

  it('should answer from its arguments only: a call with definitions changes nothing for later calls', () => {
    const before = freeOf(p('yhat_1'), p('w'));
    freeOf(p('yhat_1'), p('w'), resolve);
    expect(freeOf(p('yhat_1'), p('w'))).toBe(before);
    expect(before).toBe(true);
  });

  it('should stop on a definition that refers to itself', () => {
    expect(freeOf(p('a'), p('w'), (s) => (s.name === 'a' ? p('a + 1') : undefined))).toBe(true);
  });
});

describe('definitions reach the guards of a rewriting run', () => {
  const resolve = (s: Sym): Expr | undefined => (s.name === 'u' ? p('w^2') : undefined);

  it('should let the free and depends guards look through definitions', () => {
    expect(checkGuard('free', [p('u'), p('w')]).ok).toBe(true);
    expect(checkGuard('free', [p('u'), p('w')], { definitions: resolve }).ok).toBe(false);
    expect(checkGuard('depends', [p('u'), p('w')], { definitions: resolve }).ok).toBe(true);
  });

  it('should not differentiate a defined symbol as a constant when the run is given the definitions', () => {
    const engine = createEngine();
    const start = deriv(p('u'), p('w') as Sym);
    const plain = rewriteToNormalForm(start, engine.differentiation);
    expect(plain.result).toEqual(p('0'));
    const defined = rewriteToNormalForm(start, engine.differentiation, undefined, { definitions: resolve });
    expect(defined.steps.map((s) => s.rule)).not.toContain(plain.steps[0]?.rule);
    expect(defined.result).not.toEqual(p('0'));
  });
});

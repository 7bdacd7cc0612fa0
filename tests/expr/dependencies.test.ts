import { describe, expect, it } from 'vitest';
import { withDependencies } from '../../src/expr/dependencies.js';
import { freeOf } from '../../src/expr/traverse.js';
import { parsePlain } from '../../src/parse/index.js';

const p = parsePlain;

describe('freeOf with defined symbols', () => {
  // yhat_k stands for a softmax of logits z_k, which stand for b_k + w_k x.
  const resolve = (s: { name: string }) => (s.name === 'yhat' ? p('exp(z_1)/(exp(z_1) + exp(z_2))') : s.name === 'z' ? p('b + w*x') : undefined);

  it('should take a defined symbol for a constant when no resolver is active', () => {
    expect(freeOf(p('log(yhat_1)'), p('w'))).toBe(true);
  });

  it('should look through definitions, also nested ones, while a resolver is active', () => {
    withDependencies(resolve, () => {
      expect(freeOf(p('log(yhat_1)'), p('w'))).toBe(false);
      expect(freeOf(p('z_2'), p('x'))).toBe(false);
      expect(freeOf(p('yhat_1'), p('alpha'))).toBe(true);
    });
    // The resolver is scoped to the call.
    expect(freeOf(p('yhat_1'), p('w'))).toBe(true);
  });

  it('should stop on a definition that refers to itself', () => {
    withDependencies((s) => (s.name === 'a' ? p('a + 1') : undefined), () => {
      expect(freeOf(p('a'), p('w'))).toBe(true);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { num } from '../../src/expr/build.js';
import { symKey } from '../../src/expr/sym-key.js';
import { substitute } from '../../src/expr/substitute.js';
import { parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';

/** The key of a symbol written in plain syntax (x_1 is keyed x_{1}). */
const key = (s: string): string => { const e = parsePlain(s); return e.kind === 'sym' ? symKey(e) : s; };
const sub = (e: string, values: Record<string, string>): string => toPlain(substitute(parsePlain(e), new Map(Object.entries(values).map(([k, v]) => [key(k), parsePlain(v)]))));

describe('substitute: the one replacement of free symbols', () => {
  it('replaces whole keys, subscripted symbols included', () => {
    expect(sub('x_1 + y', { x_1: '3', y: 'z^2' })).toBe('3 + z^2');
  });
  it('substitutes inside subscripts, then looks the new key up (index cases such as k := 2)', () => {
    expect(sub('x_k', { k: '2' })).toBe('x_2');
    expect(sub('x_k', { k: '2', x_2: '5' })).toBe('5');
  });
  it('never replaces the variable of a derivative, only its body; values are not substituted again', () => {
    expect(sub('d(h, w)', { h: 'tanh(w)', w: '0.3' })).toBe('d(tanh(w), w)');
    expect(sub('d(w^2, w)', { w: '0.3' })).toBe('d(0.3^2, w)');
  });
  it('leaves a bound index free of outside values in the body, but not in the bounds', () => {
    expect(sub('sum(x_k, k, 1, n)', { k: '2', n: '4' })).toBe('sum(x_k, k, 1, 4)');
  });
  it('returns the same tree when nothing changes', () => {
    const e = parsePlain('a*b + c');
    expect(substitute(e, new Map([['z', num(1)]]))).toBe(e);
  });
});

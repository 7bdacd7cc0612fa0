/**
 * Numbers on data: vectors at a point, sums over them, softmax and
 * log-sum-exp of a vector, let-bindings. Reference values from NumPy
 * (np.exp(z) / np.exp(z).sum(), np.log(np.exp(z).sum())) or by hand, to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { parsePoint, PointError } from '../../src/derive/point.js';
import { DataError, evaluateOnData, type DataEvaluation } from '../../src/experiment/data-values.js';
import { expandVectorFunctions } from '../../src/experiment/vector-functions.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { cli } from '../cli/run.js';

const engine = createEngine();
const run = (text: string, at: string, lets: string[] = []): DataEvaluation => evaluateOnData(engine, (t) => parsePlain(t), text, parsePoint([at]), lets);
const scalar = (r: DataEvaluation): { value: string; approx: number } => {
  if (r.result.kind !== 'scalar') throw new Error('expected a number');
  return { value: toPlain(r.result.value.value), approx: r.result.value.approx };
};

describe('vectors at a point', () => {
  it('should read z=[2, 4.5, 1, 3.5] as the exact entries z_1 … z_4 and remember its length', () => {
    const p = parsePoint(['z=[2, 4.5, 1, 3.5], w=2']);
    expect([...p.values.entries()].map(([k, v]) => `${k}=${toPlain(v)}`)).toEqual(['z_{1}=2', 'z_{2}=9/2', 'z_{3}=1', 'z_{4}=7/2', 'w=2']);
    expect(p.vectors.get('z')).toBe(4);
  });

  it('should refuse an empty vector and a vector for an indexed name', () => {
    expect(() => parsePoint(['z=[]'])).toThrow(PointError);
    expect(() => parsePoint(['z_1=[1,2]'])).toThrow(/only a plain name takes a vector/);
  });
});

describe('sums over given data', () => {
  it('should give sum((y_i - w*x_i)^2, i, 1, 3) = 1 exactly for x = [1,2,3], y = [2,4,7], w = 2 (0 + 0 + 1 by hand)', () => {
    expect(scalar(run('sum((y_i - w*x_i)^2, i, 1, 3)', 'x=[1,2,3], y=[2,4,7], w=2')).value).toBe('1');
    // The end n read off the vectors' common length.
    expect(scalar(run('sum((y_i - w*x_i)^2, i, 1, n)', 'x=[1,2,3], y=[2,4,7], w=2')).value).toBe('1');
  });

  it('should take the end of a sum from the point, with entries given one by one or no data at all', () => {
    expect(scalar(run('sum(x_i^2, i, 1, n)', 'x_1=1, x_2=2, x_3=3, n=3')).value).toBe('14');
    expect(scalar(run('sum(k^2, k, 1, n)', 'n=4')).value).toBe('30');
  });

  it.each([
    ['sum(x_i, i, 1, 4)', 'x=[1,2,3]', /index out of range: the sum over i runs from 1 to 4, but x has 3 entries/],
    ['sum(x_i*y_i, i, 1, n)', 'x=[1,2,3], y=[1,2]', /length mismatch: the sum over i reads x \(3 entries\) and y \(2 entries\)/],
    ['x_4 + 1', 'x=[1,2,3]', /index out of range: the expression reads x_4, but x has 3 entries/],
    ['x + 1', 'x=[1,2,3]', /x is a vector \(3 entries\)/],
    ['sum(x_i, i, 1, 3) + w', 'x=[1,2,3]', /no value for w in the expression: add --at w=…/],
    ['softmax(z) + 1', 'z=[1,2]', /softmax\(z\) is a vector: evaluate it on its own/],
    ['lse(q)', 'z=[1,2]', /lse\(q\) needs q as a vector: add --at 'q=\[…\]'/],
  ])('should refuse %s at %s with one line', (text, at, message) => {
    expect(() => run(text, at)).toThrow(DataError);
    expect(() => run(text, at)).toThrow(message);
  });
});

describe('softmax and log-sum-exp of a vector', () => {
  it('should write them out over the entries with the max-shift of the function table', () => {
    expect(toPlain(expandVectorFunctions(parsePlain('lse(z) - k'), new Map([['z', 2]])).expr)).toBe('max(z_1, z_2) + log(exp(z_1 - max(z_1, z_2)) + exp(z_2 - max(z_1, z_2))) - k');
    expect(expandVectorFunctions(parsePlain('softmax(z)'), new Map([['z', 2]])).entries?.exprs.map(toPlain)).toEqual([
      'exp(z_1 - max(z_1, z_2))/(exp(z_1 - max(z_1, z_2)) + exp(z_2 - max(z_1, z_2)))',
      'exp(z_2 - max(z_1, z_2))/(exp(z_1 - max(z_1, z_2)) + exp(z_2 - max(z_1, z_2)))',
    ]);
  });

  it('should not overflow: z = [1000, 1000] gives 1000 + log 2 and (1/2, 1/2); [1000, 0] gives (1, e^-1000); [-1000, -1000] gives (1/2, 1/2)', () => {
    expect(scalar(run('lse(z)', 'z=[1000, 1000]'))).toMatchObject({ value: '1000 + log(2)', approx: 1000 + Math.log(2) });
    const entries = (at: string): number[] => {
      const r = run('softmax(z)', at);
      if (r.result.kind !== 'vector') throw new Error('expected a vector');
      return r.result.entries.map((x) => x.value.approx);
    };
    expect(entries('z=[1000, 1000]')).toEqual([0.5, 0.5]);
    expect(entries('z=[-1000, -1000]')).toEqual([0.5, 0.5]);
    const [big, small] = entries('z=[1000, 0]');
    expect(big).toBe(1);
    expect(small).toBeGreaterThanOrEqual(0);
    expect(small).toBeLessThan(1e-300);
  });

  it('should give a single entry its own value: lse([3]) = 3, softmax([3]) = [1]', () => {
    expect(scalar(run('lse(z)', 'z=[3]'))).toMatchObject({ value: '3', approx: 3 });
    const r = run('softmax(z)', 'z=[3]');
    expect(r.result.kind === 'vector' ? r.result.entries.map((x) => toPlain(x.value.value)) : []).toEqual(['1']);
  });

  it('should refuse an entry out of range, and read one in range', () => {
    expect(() => run('softmax(z, 3)', 'z=[3, 1]')).toThrow(/index out of range: softmax\(z, 3\) asks for entry 3, but z has 2 entries/);
    expect(() => run('softmax(z, 0)', 'z=[3, 1]')).toThrow(DataError);
    expect(Math.abs(scalar(run('softmax(z, 2)', 'z=[3, 1]')).approx - 1 / (1 + Math.exp(2)))).toBeLessThan(1e-15);
  });

  it('should give softmax([2, 4.5, 1, 3.5]) as NumPy does, to 1e-9, and entries that sum to 1', () => {
    const r = run('softmax(z)', 'z=[2, 4.5, 1, 3.5]');
    if (r.result.kind !== 'vector') throw new Error('expected a vector');
    const numpy = [0.055456773263789345, 0.6756018053662155, 0.020401406757454207, 0.24854001461254088];
    r.result.entries.forEach((x, j) => expect(Math.abs(x.value.approx - (numpy[j] ?? NaN))).toBeLessThan(1e-9));
    expect(Math.abs(r.result.entries.reduce((s, x) => s + x.value.approx, 0) - 1)).toBeLessThan(1e-12);
    expect(toPlain(r.result.entries[1]?.value.value ?? r.result.entries[0]?.expr ?? parsePlain('0'))).toBe('1/(exp(-5/2) + 1 + exp(-7/2) + exp(-1))');
  });

  it('should give lse(z) − z_2 = log Σ exp(z_k) − 4.5 ≈ 0.3921514218107722 (NumPy)', () => {
    expect(Math.abs(scalar(run('lse(z) - z_2', 'z=[2, 4.5, 1, 3.5]')).approx - 0.3921514218107722)).toBeLessThan(1e-9);
  });
});

describe('let-bindings', () => {
  it('should evaluate them in order, each seeing the values before it, and keep every value', () => {
    const r = run('sigma(u)', 'w=2, x=3, b=-1', ['u = w*x + b', 'v = u^2']);
    expect(r.lets.map((l) => [l.name, toPlain(l.definition), toPlain(l.value.value)])).toEqual([
      ['u', 'w*x + b', '5'],
      ['v', 'u^2', '25'],
    ]);
    // σ(5) = 1/(1 + e^{-5}) (NumPy: 0.9933071490757153).
    expect(Math.abs(scalar(r).approx - 0.9933071490757153)).toBeLessThan(1e-9);
  });

  it('should refuse a let-binding without a name, or one that takes a given name again', () => {
    expect(() => run('u', 'w=1', ['w*x'])).toThrow(/write name = expression/);
    expect(() => run('u', 'w=1', ['w = 2'])).toThrow(/w already has a value/);
  });
});

describe('gradtex eval on data', () => {
  it('should print a vector entry by entry and a table of intermediates', async () => {
    const v = await cli(['eval', 'softmax(z)', '--at', 'z=[2, 4.5, 1, 3.5]']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/softmax\(z\) ≈ \[0\.05545677326378\d*, 0\.67560180536621\d*, 0\.02040140675745\d*, 0\.24854001461254\d*\]/);
    const t = await cli(['eval', 'sigma(u)', '--at', 'w=2,x=3,b=-1', '--let', 'u = w*x + b']);
    expect(t.stdout.split('\n').slice(0, 2)).toEqual(['let  definition  value  ≈', 'u    w*x + b     5      5']);
    const j = await cli(['eval', 'sum(x_i^2, i, 1, n)', '--at', 'x=[1,2,3]', '--format', 'json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ value: '14', exact: true, approx: 14 });
  });

  it('should answer a length mismatch with one line and exit 2', async () => {
    const r = await cli(['eval', 'sum(x_i*y_i, i, 1, n)', '--at', 'x=[1,2,3], y=[1,2]']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(["gradtex: length mismatch: the sum over i reads x (3 entries) and y (2 entries); give vectors of one length or write the range"]);
  });

  it('should take a vector wherever --at is read: diff at a point given as a vector', async () => {
    const r = await cli(['diff', 'x_1^2*x_2', '--wrt', 'x_1', '--at', 'x=[3, 2]']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/value: 12 ≈ 12/);
  });
});

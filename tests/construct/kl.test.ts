/** KL(p, q) ≠ KL(q, p) with exact values; the numbers checked against Math.log directly. */
import { describe, expect, it } from 'vitest';
import { klAsymmetry } from '../../src/construct/construct-claims.js';
import { findKlCounterexample, isKlSymmetryClaim, klCompare, parseDistribution } from '../../src/construct/kl-counterexample.js';

const kl = (p: number[], q: number[]): number => p.reduce((s, pi, i) => s + pi * Math.log(pi / (q[i] ?? NaN)), 0);

describe('KL asymmetry', () => {
  it('should find p = (1/2, 1/2), q = (1/4, 3/4) and compare ln(16/9) with ln(27/16) exactly', () => {
    const r = findKlCounterexample();
    expect(r?.differ).toBe(true);
    expect(r?.pq.scale).toBe(2n);
    expect(r?.pq.argument).toEqual({ n: 4n, d: 3n });
    expect(r?.qp.scale).toBe(4n);
    expect(r?.qp.argument).toEqual({ n: 27n, d: 16n });
    expect(r?.common).toEqual({ scale: 4n, left: { n: 16n, d: 9n }, right: { n: 27n, d: 16n } });
    expect(r?.pq.approx).toBeCloseTo(kl([0.5, 0.5], [0.25, 0.75]), 12);
    expect(r?.qp.approx).toBeCloseTo(kl([0.25, 0.75], [0.5, 0.5]), 12);
  });

  it('should not call p = q, or a mirrored pair, a counterexample', () => {
    const same = parseDistribution('1/3, 2/3', 'p');
    expect(klCompare(same, same).differ).toBe(false);
    // p and q swapped in both coordinates: KL(p, q) = KL(q, p) by symmetry of the two points.
    expect(klCompare(parseDistribution('1/4, 3/4', 'p'), parseDistribution('3/4, 1/4', 'q')).differ).toBe(false);
    expect(klAsymmetry(same, same).status).toBe('undecided');
  });

  it('should work on three points', () => {
    const p = parseDistribution('1/2, 1/4, 1/4', 'p');
    const q = parseDistribution('1/3, 1/3, 1/3', 'q');
    const r = klCompare(p, q);
    expect(r.differ).toBe(true);
    expect(r.pq.approx).toBeCloseTo(kl([0.5, 0.25, 0.25], [1 / 3, 1 / 3, 1 / 3]), 12);
  });

  it('should read the claim in its usual spellings and refuse bad distributions', () => {
    for (const c of ['KL(p,q) = KL(q,p)', 'KL(p, q) = KL(q, p)', '\\mathrm{KL}(p \\| q) = \\mathrm{KL}(q \\| p)', 'KL(p||q)=KL(q||p)']) expect(isKlSymmetryClaim(c), c).toBe(true);
    expect(isKlSymmetryClaim('KL(p,q) = KL(p,q)')).toBe(false);
    expect(() => parseDistribution('1/2, 1/3', 'p')).toThrow('--p: the probabilities sum to 5/6, not 1');
    expect(() => parseDistribution('1, 0', 'q')).toThrow(/positive/);
  });
});

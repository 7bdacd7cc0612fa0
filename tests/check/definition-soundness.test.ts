import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => c.steps.map((s) => s.verdict));

describe('a definition is applied exactly: a step true only under a mis-applied definition never holds', () => {
  it('should prove the member with the index renamed, and fail a changed constant or an index left unrenamed', () => {
    const letters = fc.constantFrom('q', 'u', 'v', 'r');
    const param = fc.constantFrom('k', 'm');
    const use = fc.constantFrom('i', 'j', 'l');
    fc.assert(
      fc.property(letters, param, use, fc.integer({ min: 1, max: 5 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-2, -1, 1, 2), (name, k, j, a, b, delta) => {
        const other = j === 'i' ? 'j' : 'i';
        const value = (idx: string, c: number): string => `${a} z_${idx} ${c < 0 ? '-' : '+'} ${Math.abs(c)}`;
        const doc = [`Let $${name}_${k} = ${value(k, b)}$.`, `$$${name}_${j} = ${value(j, b)}$$`, `$$${name}_${j} = ${value(j, b + delta)}$$`, `$$${name}_${j} = ${value(other, b)}$$`, `$$${name}_${j} = ${value(k === 'k' ? 'k' : 'm', b)}$$`].join('\n\n');
        const v = verdicts(`${doc}\n`);
        expect(v[0]).toMatch(/^(proved|holds)$/);
        expect(v.slice(1)).toEqual(['fails', 'fails', 'fails']);
      }),
      { seed: 20261204, numRuns: 12 },
    );
  });

  it('should never let a defined function letter be read as a number times its argument', () => {
    fc.assert(
      fc.property(fc.constantFrom('f', 'g', 'h', '\\phi'), fc.constantFrom('\\tanh', '\\sigma', '\\text{ReLU}'), fc.integer({ min: 2, max: 5 }), (f, fn, c) => {
        const doc = `For $${f} = ${fn}$:\n\n$$${f}(${c} s) = ${c} ${f}(s)$$\n\n$$${f}(s) = ${fn}(s)$$\n`;
        // tanh, sigma and ReLU are not linear in the sense f(c s) = c f(s) for every s (ReLU is, for c > 0: it holds).
        const v = verdicts(doc);
        expect(v[1]).toBe('proved');
        if (fn !== '\\text{ReLU}') expect(v[0]).toBe('fails');
        else expect(v[0]).toMatch(/^(proved|holds)$/);
      }),
      { seed: 7, numRuns: 10 },
    );
  });
});

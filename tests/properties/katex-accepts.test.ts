/**
 * Everything the printers emit for KaTeX renders with throwOnError: every
 * random tree, every sample derivation, and random derivations whose titles
 * are arbitrary user text (escaped into \text{…}).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float, mul, sym } from '../../src/expr/build.js';
import { FUNCTIONS } from '../../src/expr/functions.js';
import { derivationToLatex, renderKatex, toLatex } from '../../src/render/index.js';
import { ALL, derivation } from '../render/sample-derivations.js';
import { arbExpr } from './arbitrary-expr.js';

const SEED = 7301;

function accepted(latex: string, displayMode = false): boolean {
  const r = renderKatex(latex, { displayMode });
  if (!r.ok) throw new Error(`KaTeX refused ${JSON.stringify(latex)}: ${r.message}`);
  return true;
}

describe('KaTeX accepts the printers\' output', () => {
  it('should render toLatex of every random tree, binders included', () => {
    const vars = ['x', 'y', 'x_1', 'w^{(1)}', 'alpha', 'eta', 'yhat', 'loss', 'W_{ij}', 'y_k^{(i)}', 'sigma', 'pi'];
    fc.assert(
      fc.property(arbExpr({ depth: 4, vars, functions: FUNCTIONS.map((f) => f.name) }), (e) => accepted(toLatex(e))),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('should render floats of any size', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (v) => accepted(toLatex(mul(float(v), sym('x'))))),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should render every sample derivation inside aligned', () => {
    for (const [name, d] of ALL) {
      expect(accepted(derivationToLatex(d, { env: 'aligned' }), true), name).toBe(true);
      expect(accepted(derivationToLatex(d, { env: 'aligned', titles: false }), true), name).toBe(true);
    }
  });

  it('should render random derivations with arbitrary titles', () => {
    // Printable ASCII, and a pool of characters that need care: TeX specials,
    // accents, math symbols text mode lacks, controls, a broken surrogate.
    const step = fc.tuple(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 10, unit: fc.constantFrom(...'\\{}$&#%_^~ aZ09é\u0301αβ≤≥≠→∑∂∇×·∞∈≈😀\t\n\r\u0000\u007f\uD800') })), arbExpr({ depth: 2 }));
    fc.assert(
      fc.property(arbExpr({ depth: 2 }), fc.array(step, { maxLength: 4 }), (start, steps) => {
        const d = derivation(start, steps.map(([title, after], i) => [`r.${i}`, title, after] as const));
        return accepted(derivationToLatex(d, { env: 'aligned' }), true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

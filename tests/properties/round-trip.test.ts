/**
 * Printing and parsing back give the same tree, for both syntaxes:
 * parseLatex(toLatex(e)) equals e and parsePlain(toPlain(e)) equals e, for
 * random trees in parser normal form. A failure prints the tree in both
 * syntaxes, so the disagreement between printer and parser is visible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { arbExpr } from './arbitrary-expr.js';

const SEED = 20240611;
const RUNS = 1500;

function reads(parse: (s: string) => Expr, print: (e: Expr) => string, e: Expr): boolean {
  const text = print(e);
  let back: Expr;
  try {
    back = parse(text);
  } catch (err) {
    throw new Error(`could not parse ${JSON.stringify(text)} (printed from ${toPlain(e)}): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!equal(back, e)) throw new Error(`${JSON.stringify(text)} read back as ${toPlain(back)}`);
  return true;
}

describe('printers and parsers agree', () => {
  it('should read back every plain rendering as the same tree', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), (e) => reads(parsePlain, toPlain, e)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('should read back every LaTeX rendering as the same tree', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), (e) => reads(parseLatex, toLatex, e)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('should read back Greek, hatted, indexed and word symbols in both syntaxes', () => {
    const vars = ['alpha', 'eta', 'lambda', 'yhat', 'loss', 'W_{ij}', 'y_k^{(i)}', 'x_12', 'b_2'];
    // parseLatex reads a derivative variable after d only as a letter or a Greek letter.
    const wrt = ['alpha', 'eta', 'W_{ij}', 'y_k^{(i)}', 'x_12', 'b_2'];
    fc.assert(
      fc.property(arbExpr({ depth: 3, vars, wrt }), (e) => reads(parsePlain, toPlain, e) && reads(parseLatex, toLatex, e)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should read back finite sums and the Kronecker delta in both syntaxes', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 3, functions: ['sum', 'delta', 'exp', 'log'] }), (e) => reads(parsePlain, toPlain, e) && reads(parseLatex, toLatex, e)),
      { seed: SEED, numRuns: 500 },
    );
  });
});

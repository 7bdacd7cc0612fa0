/**
 * Primes on a variable name (src/parse/latex-primes.ts): w' is a variable of
 * its own, never w and never a derivative; w'(t) is refused.
 */
import { describe, expect, it } from 'vitest';
import { add, mul, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { ParseError, parseLatex, parseLatexReadings, parsePlain } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { treeText } from './tree-text.js';
import { parseErrorOf } from './parse-error.js';

const L = String.raw;
const w1 = sym("w'");

const refusal = (text: string): ParseError => parseErrorOf(parseLatex, text);

describe("primes on a variable name (w' after an update)", () => {
  it("should read w' as a variable named w', distinct from w, and say so", () => {
    const { expr, readings } = parseLatexReadings(L`y(w' x + b)`);
    const want = mul(sym('y'), add(mul(w1, sym('x')), sym('b')));
    expect(equal(expr, want), treeText(expr)).toBe(true);
    expect(equal(parseLatex("w'"), sym('w'))).toBe(false);
    expect(readings.map((r) => r.kind)).toContain('primed-name');
  });

  it("should read primes before or after the scripts, and on Greek letters", () => {
    expect(equal(parseLatex("w_1'"), sym("w'", [sym('1')].map(() => parseLatex('1'))))).toBe(true);
    expect(equal(parseLatex("w'_1"), parseLatex("w_1'"))).toBe(true);
    expect(equal(parseLatex(L`\theta''`), sym("theta''"))).toBe(true);
    expect(equal(parseLatex(L`\eta' x`), mul(sym("eta'"), sym('x')))).toBe(true);
  });

  it("should refuse w'(t) and H_\\delta'(r): a derivative or a product, not guessed", () => {
    for (const t of ["w'(t)", L`H_\delta'(r)`, L`w'\left(t\right)`]) {
      const e = refusal(t);
      expect(e.code, t).toBe('E_PARSE_UNSUPPORTED');
      expect(e.message, t).toContain('is not read');
    }
  });

  it('should print primed names back so that both readers read the same tree', () => {
    for (const text of ["w' + 1", "y*(w'*x + b)", "w'_1*x_1", "theta''^2", "yhat' - y"]) {
      const e = parsePlain(text);
      const tex = toLatex(e);
      expect(equal(parseLatex(tex), e), `${tex} read back as ${treeText(parseLatex(tex))}`).toBe(true);
      expect(equal(parsePlain(toPlain(e)), e), toPlain(e)).toBe(true);
    }
  });
});

/**
 * Breaking long formulas (src/render/break-math.ts) changes the layout only:
 * on every line of every derivation in the derivative suite, broken to a
 * narrow width, the lines put back together read as the same tree, and each
 * line is within its width wherever a break allows.
 */
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/derive/differentiate.js';
import { equal } from '../../src/expr/equal.js';
import type { Sym } from '../../src/expr/node.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { breakMath } from '../../src/render/break-math.js';
import { alignRows, displayMath } from '../../src/render/break-display.js';
import { estimateMathWidth } from '../../src/render/latex-width.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { loadSuite } from '../derive/suite-cases.js';

const engine = createEngine();

/** The lines as one formula again: a numerator or denominator set on lines is read as one. */
function rejoin(lines: readonly string[]): string {
  return lines.join(' ').replace(/\\begin\{aligned\}|\\end\{aligned\}|&|\\\\|\\quad/g, ' ');
}

describe('breaking long formulas', () => {
  it('should break a long sum before its operators, each line within the width', () => {
    const terms = Array.from({ length: 12 }, (_, i) => `x_{${i + 1}}^{2}`);
    const lines = breakMath(`= ${terms.join(' + ')}`, { first: 10, rest: 9 });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]?.startsWith('=')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('+')).toBe(true);
    lines.forEach((l, i) => expect(estimateMathWidth(l), l).toBeLessThanOrEqual(i === 0 ? 10 : 9));
  });

  it('should open a bracket as \\Bigl( … \\Bigr) when its sum is too wide, and keep a formula that fits as it is', () => {
    const inner = Array.from({ length: 10 }, (_, i) => `\\frac{a_{${i}}}{b_{${i}}}`).join(' + ');
    const lines = breakMath(`2 \\left(${inner}\\right)^{2}`, { first: 14, rest: 14 });
    expect(lines[0]).toMatch(/^2 \\Bigl\(/);
    expect(lines[lines.length - 1]).toMatch(/\\Bigr\)\^\{2\}$/);
    expect(breakMath('a + b', { first: 40, rest: 40 })).toEqual(['a + b']);
  });

  it('should keep displays that fit, and set one that does not as an align* within the width', () => {
    expect(displayMath('x = 1', 40)).toBe('\\[ x = 1 \\]');
    const long = `f = ${Array.from({ length: 20 }, (_, i) => `c_{${i}} x^{${i}}`).join(' + ')}`;
    const d = displayMath(long, 30);
    expect(d.startsWith('\\begin{align*}')).toBe(true);
    for (const row of d.split(' \\\\\n')) expect(estimateMathWidth(row.replace(/\\(begin|end)\{align\*\}\n?/g, '').replace(/\\tag\*\{.*\}/, ''))).toBeLessThanOrEqual(31);
  });

  it('should stack a tag wider than the text', () => {
    const notes = ['\\text{Derivative of the exponential (chain rule)}', '\\text{Derivative of an indexed variable}', '\\text{Differentiating under a finite sum}'];
    const [row] = alignRows([{ left: 'f', right: '= g', notes }], 30);
    expect(row).toContain('\\tag*{$\\begin{array}{@{}r@{}}');
  });

  for (const c of loadSuite()) {
    it(`should read every broken line of ${c.id} back as the same tree`, () => {
      const f = parsePlain(c.expr);
      const d = differentiate(engine, f, c.wrt.map((w) => parsePlain(w) as Sym));
      for (const s of d.steps) {
        const latex = toLatex(s.after);
        const joined = rejoin(breakMath(latex, { first: 12, rest: 10 }));
        expect(equal(parseLatex(joined), s.after), `${s.rule}: ${joined} read back as ${toPlain(parseLatex(joined))}`).toBe(true);
      }
    });
  }
});

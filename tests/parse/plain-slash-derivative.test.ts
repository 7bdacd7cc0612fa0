/**
 * `d/dw (w x - y)^2` typed in plain text (e-mails, .txt notes): the
 * derivative by w of the bracket after it, with its exponent; a factor after
 * the bracket stays outside (noted). Without a bracket, and for dy/dx it stays
 * refused by name; LaTeX reads the same (plain-text notes put it in $…$).
 */
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import { parseLatex, parsePlain, parsePlainReadings } from '../../src/parse/index.js';
import { treeText } from './tree-text.js';

const same = (a: string, b: string): void => {
  const [x, y] = [parsePlain(a), parsePlain(b)];
  expect(equal(x, y), `${a} read as ${treeText(x)}, not ${treeText(y)}`).toBe(true);
};

describe('d/dw (…) in the plain syntax', () => {
  it('should read d/dw (w x - y)^2 as d((w x - y)^2, w), and d/dx (x^2) 3 as 3 d(x^2, x) with the scope noted', () => {
    same('d/dw (w x - y)^2', 'd((w*x - y)^2, w)');
    same('d/dw (w x - y)^2 + 1', 'd((w*x - y)^2, w) + 1');
    same('d/dx (x^2) * 3', 'd(x^2, x)*3');
    expect(parsePlainReadings('d/dx (x^2) 3').readings.map((r) => r.kind)).toContain('operator-scope');
    expect(parsePlainReadings('d/dw (w x - y)^2').readings.map((r) => r.kind)).not.toContain('operator-scope');
  });

  it('should read the same in LaTeX ($d/dw (w x - y)^2$ in a plain-text note)', () => {
    expect(equal(parseLatex('d/dw (w x - y)^2'), parsePlain('d((w*x - y)^2, w)'))).toBe(true);
    expect(equal(parseLatex(String.raw`d/dx \left(x^2\right) + 1`), parsePlain('d(x^2, x) + 1'))).toBe(true);
  });

  it('should still refuse d/dx x^2 and dy/dx by name, in both syntaxes', () => {
    for (const t of ['d/dx x^2', 'dy/dx', 'd/dx*x^2']) expect(() => parsePlain(t), t).toThrow(/not read as a derivative/);
    expect(() => parseLatex('d/dx x^2')).toThrow(/not read as a derivative/);
    expect(() => parseLatex('d/dx_1 (x^2)')).toThrow(/not read as a derivative/);
  });
});

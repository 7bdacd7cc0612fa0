/**
 * Names people give matrices and vectors (issue #12 item 5): W1, W_1,
 * W^{(1)}, \mathbf{W}, b^{[2]} in --shape declarations, read the same in
 * both syntaxes, their entries kept apart, and judged end to end by
 * `equal`, `diff` and `check`.
 */
import { describe, expect, it } from 'vitest';
import { num, sym } from '../../src/expr/build.js';
import type { Sym } from '../../src/expr/node.js';
import { symKey } from '../../src/expr/sym-key.js';
import { entryNameClash, parseShapeDeclaration, shapeContext, ShapeError } from '../../src/matrix/shape.js';
import { checkMatrixEqual } from '../../src/matrix-check/check-matrix-equal.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { judgeShaped } from '../../src/check/judge-shaped.js';
import { shapedDiffResult } from '../../src/derive/shaped-diff-result.js';
import { createEngine } from '../../src/rewrite/engine.js';

describe('matrix names in shape declarations', () => {
  it('should read the spellings of a numbered or labelled name as one symbol', () => {
    const key = (t: string): string => parseShapeDeclaration(`${t}: h x n`).key;
    for (const t of ['W1', 'W_1', 'W_{1}', '\\mathbf{W}_1', '\\mathbf{W_1}', '\\boldsymbol{W}_1']) expect(key(t), t).toBe('W_{1}');
    for (const t of ['W^{(1)}', 'W^{[1]}', '\\mathbf{W}^{(1)}']) expect(key(t), t).toBe('W^{(1)}');
    expect(key('\\mathbf{W}')).toBe('W');
    expect(key('\\delta_2')).toBe('delta_{2}');
    expect(key('W_1^{(2)}')).toBe('W_{1}^{(2)}');
    // The name the readers give the same text.
    expect(symKey(parseLatex('W_1') as Sym)).toBe('W_{1}');
    expect(symKey(parsePlain('W1') as Sym)).toBe('W_{1}');
    expect(symKey(parseLatex('b^{[2]}') as Sym)).toBe('b^{(2)}');
    expect(symKey(parsePlain('b^{[2]}') as Sym)).toBe('b^{(2)}');
  });

  it('should refuse a letter subscript (an entry) and a plain power as names', () => {
    expect(() => parseShapeDeclaration('W_i: h x n')).toThrow(ShapeError);
    expect(() => parseShapeDeclaration('W^(1): h x n')).toThrow(ShapeError);
  });

  it('should keep the entries of W_1 and W_2 apart and refuse names whose entries would meet', () => {
    expect(entryNameClash(shapeContext(['W_1: n x n, W_2: n x n, W: n x n']))).toBeUndefined();
    expect(() => shapeContext(['x: n x 2, x_1: n'])).toThrow(/entries would have the same names/);
    expect(entryNameClash(new Map([['x', { rows: 'n', cols: 2, vector: false }], ['x_{1}', { rows: 'n', cols: 1, vector: true }]]))).toContain('x_{1}');
  });
});

describe('numbered names judged end to end', () => {
  const ctx = shapeContext(['W_1: h x n, W_2: k x h, x: n, b^{[1]}: h']);

  it('should never let W_1 W_2 commute, and hold the transpose of a product', () => {
    const sq = shapeContext(['W_1: n x n, W_2: n x n']);
    expect(checkMatrixEqual(parsePlain('W_1*W_2', { shapes: sq }), parsePlain('W_2*W_1', { shapes: sq }), sq).verdict).toBe('fails');
    expect(judgeShaped('(W_2 W_1 x)^T', '=', 'x^T W_1^T W_2^T', ctx, { syntax: 'latex' }).verdict).toBe('holds');
    expect(judgeShaped('(W_2 W_1 x)^T', '=', 'x^T W_2^T W_1^T', ctx, { syntax: 'latex' }).verdict).toBe('fails');
    expect(judgeShaped('W_1 x + b^{[1]}', '=', 'b^{[1]} + W_1 x', ctx, { syntax: 'latex' }).verdict).not.toBe('fails');
  });

  it('should derive by a numbered matrix, the gradient shaped like it', () => {
    const text = 'sum(sigma(W_1*x + b^{[1]}))';
    const o = shapedDiffResult(text, parsePlain(text, { shapes: ctx }), [sym('W', [num(1)])], ctx, { engine: createEngine(), points: 1 });
    const j = o.json as { size?: string; finiteDifferences?: { verdict: string }; steps?: { check: string }[] };
    expect(j.size, o.text).toBe('h×n');
    expect(j.finiteDifferences?.verdict, o.text).toBe('holds');
    expect(j.steps?.every((s) => s.check === 'holds'), o.text).toBe(true);
  });
});

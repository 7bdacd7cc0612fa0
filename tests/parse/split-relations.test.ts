import { describe, expect, it } from 'vitest';
import { relationInArgument, splitRelations } from '../../src/parse/split-relations.js';

const shape = (block: string) => splitRelations(block).map((c) => ({ sides: c.sides.map((s) => s.latex), rels: c.rels.map((r) => r.rel) }));

describe('splitRelations', () => {
  it('should split a chain of mixed relations', () => {
    expect(shape('a = b \\le c < d \\geq e > f \\approx g \\neq h')).toEqual([{ sides: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], rels: ['=', '<=', '<', '>=', '>', '~=', '!='] }]);
  });

  it('should continue a chain on aligned rows that start with a relation and start a new one otherwise', () => {
    const block = 'L &= a \\\\\n  &= b \\\\\n\\frac{dL}{dx} &\\le c';
    expect(shape(block)).toEqual([
      { sides: ['L', 'a', 'b'], rels: ['=', '='] },
      { sides: ['\\frac{dL}{dx}', 'c'], rels: ['<='] },
    ]);
  });

  it('should continue the last side on a row without a relation', () => {
    const block = 'a &= b + c \\\\\n  &\\quad + d \\\\\n  &= e';
    const [c] = splitRelations(block);
    expect(c?.sides.map((s) => s.latex.replace(/\s+/g, ' '))).toEqual(['a', 'b + c + d', 'e']);
  });

  it('should ignore text, tags, labels, spacing, annotation columns and trailing punctuation', () => {
    const block = '\\begin{aligned} x &= y \\quad \\text{(by $a = b$)} \\tag{3}\\label{eq:x} \\\\ &= z. && \\text{done} \\nonumber \\end{aligned}';
    expect(shape(block)).toEqual([{ sides: ['x', 'y', 'z'], rels: ['=', '='] }]);
  });

  it('should keep relations inside braces, such as a sum range', () => {
    expect(shape('\\sum_{i=1}^{n} p_i = 1')).toEqual([{ sides: ['\\sum_{i=1}^{n} p_i', '1'], rels: ['='] }]);
  });

  it('should mark := and \\coloneqq as definitions', () => {
    const [c] = splitRelations('f := x^2');
    expect(c?.rels[0]?.definition).toBe(true);
    expect(c?.sides.map((s) => s.latex)).toEqual(['f', 'x^2']);
  });

  it('should keep offsets into the block', () => {
    const block = 'a &= bb \\\\ &= c';
    for (const c of splitRelations(block)) for (const s of c.sides) expect(block.slice(s.start, s.end)).toBe(s.latex);
  });

  it('should keep a cases environment whole: its rows, columns, conditions and words belong to the expression reader', () => {
    const cases = String.raw`\begin{cases} 1 - t & t < 1 \\ 0 & \text{otherwise} \end{cases}`;
    expect(shape(String.raw`\phi(t) = \max(0, 1 - t) = ${cases}`)).toEqual([{ sides: [String.raw`\phi(t)`, String.raw`\max(0, 1 - t)`, cases], rels: ['=', '='] }]);
    const aligned = String.raw`f(x) &= \begin{cases} x & \text{if } x > 0 \\ 0 & \text{if } x \le 0 \end{cases} \\ &= \max(0, x)`;
    expect(shape(aligned).map((c) => c.rels)).toEqual([['=', '=']]);
    // Never closed: the rest of the block is the environment's, for the reader to refuse.
    expect(shape(String.raw`a = \begin{cases} 1 & x > 0 \\ b = 2`)).toEqual([{ sides: ['a', String.raw`\begin{cases} 1 & x > 0 \\ b = 2`], rels: ['='] }]);
  });

  it('should keep the condition of an indicator inside it', () => {
    expect(shape(String.raw`\max(0, 1 - t) \ge \mathbb{1}[t \le 0]`)).toEqual([{ sides: [String.raw`\max(0, 1 - t)`, String.raw`\mathbb{1}[t \le 0]`], rels: ['>='] }]);
    expect(shape(String.raw`a = \mathbf{1}\{y = k\} + \mathbb 1\left[s > 0\right] = b`).map((c) => c.rels)).toEqual([['=', '=']]);
  });

  it('should part two equations set side by side with \\qquad, and not an equation from its condition', () => {
    expect(shape(String.raw`a = b \qquad c = d`)).toEqual([
      { sides: ['a', 'b'], rels: ['='] },
      { sides: ['c', 'd'], rels: ['='] },
    ]);
    expect(shape(String.raw`f = x^2 \qquad x > 0`).map((c) => c.rels)).toEqual([['=', '>']]);
  });

  it('should part two cases equations joined by \qquad, whatever the row breaks inside the cases', () => {
    const phi = String.raw`\phi'(t) = \begin{cases} -1 & t < 1 \\ 0 & t > 1 \end{cases}`;
    const huber = String.raw`H_\delta'(r) = \begin{cases} r & |r| < \delta \\ \delta\,\operatorname{sign}(r) & |r| > \delta \end{cases}`;
    expect(shape(`${phi}\n\\qquad\n${huber}`).map((c) => c.sides[0])).toEqual([String.raw`\phi'(t)`, String.raw`H_\delta'(r)`]);
  });

  it('should read a sign with a label over it as the sign, at its place (a def label makes it a definition)', () => {
    expect(shape(String.raw`x \stackrel{(a)}{=} 2x - x \overset{\text{(b)}}{\le} x + 1`)).toEqual([{ sides: ['x', '2x - x', 'x + 1'], rels: ['=', '<='] }]);
    expect(shape(String.raw`x \mathrel{=} y`)).toEqual([{ sides: ['x', 'y'], rels: ['='] }]);
    const [def] = splitRelations(String.raw`f(x) \stackrel{\text{def}}{=} x^2`);
    expect(def?.rels[0]?.definition).toBe(true);
    const block = String.raw`a \overset{(1)}{=} b`;
    const [c] = splitRelations(block);
    expect(block.slice(c?.rels[0]?.start, c?.rels[0]?.end)).toBe('=');
  });

  it('should unwrap \boxed, \color and a bare group around a whole relation, and leave a group without one alone', () => {
    for (const m of [String.raw`\boxed{x = x + 1}`, String.raw`\color{red}{x = x + 1}`, String.raw`\textcolor{red}{x = x + 1}`, '{x = x + 1}']) {
      expect(shape(m), m).toEqual([{ sides: ['x', 'x + 1'], rels: ['='] }]);
    }
    expect(shape(String.raw`2\boxed{x + 1} = 2x + 2`)).toEqual([{ sides: [String.raw`2\boxed{x + 1}`, '2x + 2'], rels: ['='] }]);
    expect(shape(String.raw`\sum_{i=1}^{n} p_i = 1`)[0]?.sides[0]).toBe(String.raw`\sum_{i=1}^{n} p_i`);
  });

  it('should find a relation written inside a font command, which is no relation of the block', () => {
    expect(shape(String.raw`\mathbf{x = x + 1}`)).toEqual([]);
    expect(relationInArgument(String.raw`\mathbf{x = x + 1}`)).toEqual({ at: 0, command: 'mathbf' });
    expect(relationInArgument(String.raw`\mathbf{x} = \hat{y}`)).toBeUndefined();
    // A condition under a sign is no label: the relation is not the block's (not read, never read without its condition).
    expect(shape(String.raw`x^2 - 1 \underset{x > 1}{>} 0`)).toEqual([]);
    expect(relationInArgument(String.raw`x^2 - 1 \underset{x > 1}{>} 0`)?.command).toBe('underset');
  });
});

import { describe, expect, it } from 'vitest';
import { splitRelations } from '../../src/parse/split-relations.js';

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
});

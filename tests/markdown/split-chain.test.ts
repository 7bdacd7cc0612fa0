import { describe, expect, it } from 'vitest';
import { splitChain } from '../../src/markdown/split-chain.js';

const texts = (s: string): string[] => splitChain(s).map((x) => x.latex);

describe('splitChain', () => {
  it('should split a chain at every = outside braces', () => {
    expect(texts('a = b = c')).toEqual(['a', 'b', 'c']);
    expect(texts('\\frac{a=b}{c} = d')).toEqual(['\\frac{a=b}{c}', 'd']);
  });

  it('should ignore aligned layout: environments, & marks, \\\\ breaks and an annotation column', () => {
    const block = '\\begin{aligned}\nx^2 &= x x && \\text{by definition} \\\\\n&= x \\cdot x\n\\end{aligned}';
    expect(texts(block)).toEqual(['x^2', 'x x', 'x \\cdot x']);
  });

  it('should drop a final full stop or comma, which belongs to the sentence', () => {
    expect(texts('a = b.')).toEqual(['a', 'b']);
    expect(texts('a = b,\n')).toEqual(['a', 'b']);
  });

  it('should keep escaped characters that are math', () => {
    expect(texts('\\{a\\} = b')).toEqual(['\\{a\\}', 'b']);
  });

  it('should give each side the offsets of its text in the block', () => {
    const block = 'a + 1\n  = 1 + a';
    for (const s of splitChain(block)) expect(block.slice(s.start, s.end)).toBe(s.latex);
    expect(splitChain(block)[1]?.start).toBe(block.indexOf('1 + a'));
  });

  it('should return an empty side where an = has nothing on one side', () => {
    const sides = splitChain('a = = b');
    expect(sides.map((s) => s.latex)).toEqual(['a', '', 'b']);
    expect(sides[1]?.start).toBe(3);
  });
});

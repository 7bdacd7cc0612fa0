import { describe, expect, it } from 'vitest';
import { splitDisplayFences } from '../../src/check/display-fences.js';
import { extractMarkdown } from '../../src/check/extract-markdown.js';

const math = (src: string) => extractMarkdown(src).flatMap((s) => (s.kind === 'math' ? [s] : []));

describe('display math with content on the fence lines', () => {
  const doc = [
    'Forward pass:',
    '',
    '$$\\begin{aligned}',
    's_1 &= W_1 x + b_1 \\\\',
    'a_1 &= f(s_1)',
    '\\end{aligned}$$',
    '',
    'where $f = \\tanh$ and the loss is',
    '',
    '$$',
    'C = \\frac{1}{2}(\\tilde y - y)^2',
    '$$',
    '',
  ].join('\n');

  it('should close the block at `\\end{aligned}$$` and keep the prose after it out of the math', () => {
    const segs = math(doc);
    expect(segs.map((s) => [s.display, s.text])).toEqual([
      [true, '\\begin{aligned}\ns_1 &= W_1 x + b_1 \\\\\na_1 &= f(s_1)\n\\end{aligned}'],
      [false, 'f = \\tanh'],
      [true, 'C = \\frac{1}{2}(\\tilde y - y)^2'],
    ]);
  });

  it('should give offsets into the original file, pointing at the math itself', () => {
    for (const s of math(doc)) expect(doc.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('should leave `$$ … $$` on one line, bare fences and code blocks alone', () => {
    const src = '$$a = b$$\n\n```\n$$\\begin{aligned}\n```\n\n$$\nc = d\n$$\n';
    expect(splitDisplayFences(src).text).toBe(src);
  });

  it('should map every offset of the normalised text back to the same character', () => {
    const n = splitDisplayFences(doc);
    for (let i = 0; i < n.text.length; i++) {
      const ch = n.text[i];
      const at = n.toOriginal(i);
      // inserted line breaks map to the character they were put before
      if (doc[at] !== ch) expect(ch).toBe('\n');
    }
  });
});

describe('display fences with spaces between the fence and the content', () => {
  it('should close `$$ \\begin{aligned}` … `\\end{aligned} $$` too', () => {
    const doc = 'A.\n\n$$ \\begin{aligned}\na &= b\n\\end{aligned} $$\n\nProse with $x = 1$ after it.\n';
    const segs = math(doc);
    expect(segs.map((s) => [s.display, s.text.trim()])).toEqual([
      [true, '\\begin{aligned}\na &= b\n\\end{aligned}'],
      [false, 'x = 1'],
    ]);
    for (const s of segs) expect(doc.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });
});

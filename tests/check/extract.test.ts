import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/check/extract-markdown.js';
import { extractTex } from '../../src/check/extract-tex.js';
import type { Segment } from '../../src/check/segments.js';

const math = (s: readonly Segment[]) => s.filter((x) => x.kind === 'math');

describe('extractMarkdown', () => {
  it('should find inline and display math with offsets pointing at the math itself', () => {
    const src = 'Let $x > 0$ be given.\n\n$$\n\\ln x \\le x - 1\n$$\n';
    const segs = math(extractMarkdown(src));
    expect(segs.map((s) => [s.kind === 'math' && s.display, s.text])).toEqual([
      [false, 'x > 0'],
      [true, '\\ln x \\le x - 1'],
    ]);
    for (const s of segs) expect(src.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('should treat $$…$$ written inside a paragraph as display math', () => {
    const segs = math(extractMarkdown('So $$a = b$$ holds.\n'));
    expect(segs[0]).toMatchObject({ display: true, text: 'a = b' });
  });

  it('should read gradtex assume directives from HTML comments', () => {
    const src = '<!-- gradtex: assume x > 0, y in {-1, 1} -->\n\ntext\n';
    const d = extractMarkdown(src).filter((s) => s.kind === 'assume');
    expect(d).toHaveLength(1);
    expect(d[0]?.text).toBe('x > 0, y in {-1, 1}');
    expect(src.slice(d[0]?.offset ?? 0).startsWith('x > 0')).toBe(true);
  });

  it('should ignore math inside code blocks', () => {
    expect(math(extractMarkdown('```\n$a = b$\n```\n'))).toEqual([]);
  });
});

describe('extractTex', () => {
  it('should find the display environments, \\[ \\] and $$ $$, and inline $…$ and \\( \\)', () => {
    const src = [
      'Let $h = \\tanh(z)$ and \\(z > 0\\).',
      '\\begin{equation}a = b\\end{equation}',
      '\\begin{align*}c &= d\\end{align*}',
      '\\begin{gather}e = f\\end{gather}',
      '\\begin{multline}g = h\\end{multline}',
      '\\[ i = j \\]',
      '$$k = l$$',
    ].join('\n');
    const segs = math(extractTex(src));
    expect(segs.map((s) => (s.kind === 'math' ? `${s.display ? 'D' : 'i'}:${s.text.trim()}` : ''))).toEqual([
      'i:h = \\tanh(z)',
      'i:z > 0',
      'D:a = b',
      'D:c &= d',
      'D:e = f',
      'D:g = h',
      'D:i = j',
      'D:k = l',
    ]);
    for (const s of segs) expect(src.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('should skip commented-out math and escaped dollars, and read % gradtex: assume', () => {
    const src = '% \\begin{equation}a = b\\end{equation}\nIt costs \\$5. % gradtex: assume x > 0\n$y > 0$\n';
    const segs = extractTex(src);
    expect(segs.filter((s) => s.kind === 'assume').map((s) => s.text)).toEqual(['x > 0']);
    expect(math(segs).map((s) => s.text)).toEqual(['y > 0']);
  });

  // Speed is measured by benchmarks; the test's own timeout bounds a runaway scan.
  it('should finish on a file of 10,000 dollar signs', () => {
    const src = 'a $x$ '.repeat(5000);
    const segs = extractTex(src);
    expect(segs.length).toBe(5000);
    // A last $ never closed is bad input at its position.
    expect(() => extractTex(src + '$')).toThrow(/never closed/);
  });
});

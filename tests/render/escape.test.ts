import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { escapeLatexText } from '../../src/render/index.js';

/** What KaTeX shows for \text{…}: its HTML output (no MathML copy) with tags removed. */
function shownText(latex: string): string {
  const html = katex.renderToString(latex, { throwOnError: true, trust: false, output: 'html' });
  return html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\u200b/g, '').replace(/\u00a0/g, ' ');
}

describe('escapeLatexText', () => {
  it('should turn every TeX special character into a printable command', () => {
    expect(escapeLatexText('50% of $x_1$ & #2 ^ ~ {}')).toBe('50\\% of \\$x\\_1\\$ \\& \\#2 \\textasciicircum{} \\textasciitilde{} \\{\\}');
  });

  it('should neutralise control sequences so that they cannot run', () => {
    const input = escapeLatexText('\\input{/etc/passwd}');
    expect(input).toBe('\\textbackslash{}input\\{/etc/passwd\\}');
    const write = escapeLatexText('\\immediate\\write18{touch pwned}');
    expect(write).toBe('\\textbackslash{}immediate\\textbackslash{}write18\\{touch pwned\\}');
    expect(escapeLatexText('\\def\\x{1}')).not.toMatch(/\\def|\\x\b/);
  });

  it('should leave no unescaped special character behind', () => {
    const nasty = '\\input{a}#%&_$^~{}\\\\<>|';
    const out = escapeLatexText(nasty);
    // Every special character must be part of an escape: \X or \textX{}.
    const stripped = out.replace(/\\text(backslash|asciicircum|asciitilde|less|greater|bar)\{\}/g, '').replace(/\\[{}$&#%_]/g, '');
    expect(stripped).not.toMatch(/[\\{}$&#%_^~<>|]/);
  });

  it('should spell out characters that the OT1 encoding prints wrongly', () => {
    expect(escapeLatexText('a < b > c | d')).toBe('a \\textless{} b \\textgreater{} c \\textbar{} d');
    expect(shownText(`\\text{${escapeLatexText('a < b > c | d')}}`)).toBe('a < b > c | d');
  });

  it('should drop control characters', () => {
    expect(escapeLatexText('a\u0000b\u0007c')).toBe('abc');
  });

  it('should show the user text literally inside \\text{} in KaTeX', () => {
    for (const s of ['\\input{/etc/passwd}', '\\immediate\\write18{touch pwned}', '#', '%', '&', '_', '$', '^', '~', '{}', 'Power rule (n = 2)']) {
      expect(shownText(`\\text{${escapeLatexText(s)}}`)).toBe(s);
    }
  });
});

describe('escapeLatexText on characters text mode lacks', () => {
  it('should write math symbols as inline math', () => {
    expect(escapeLatexText('n ≠ 0')).toBe('n $\\neq$ 0');
    // KaTeX draws \neq as = with a slash on top, so only the sum sign survives as text.
    // The slash is a private-use glyph of KaTeX's fonts.
    expect(shownText(`\\text{${escapeLatexText('n ≠ 0, ∑ i')}}`).replace(/[\uE000-\uF8FF]/g, '')).toBe('n = 0, ∑ i');
  });

  it('should turn line breaks into spaces and name the code point of what neither pdfLaTeX nor KaTeX can print', () => {
    expect(escapeLatexText('a\n\nb\tc')).toBe('a  b c');
    // NFC composes e + acute; a stray accent has nothing to sit on.
    expect(escapeLatexText('\u0301x e\u0301')).toBe('[U+0301]x é');
    expect(escapeLatexText('a\uD800b')).toBe('a[U+D800]b');
    expect(escapeLatexText('😀')).toBe('[U+1F600]');
    expect(escapeLatexText('✓ done')).toBe('[U+2713] done');
  });

  it('should write common math characters of prose as inline math', () => {
    expect(escapeLatexText('Xᵀ(Y − Ŷ)')).toBe('X$^{\\top}$(Y $-$ Ŷ)');
    expect(escapeLatexText('x ∈ ℝ², W₁')).toBe('x $\\in$ $\\mathbb{R}$$^{2}$, W$_{1}$');
    expect(escapeLatexText('Łódź – “quotes”')).toBe('Łódź – “quotes”');
  });

  it('should give text KaTeX renders without warnings for every Latin, Greek, punctuation and math-operator character', () => {
    let sample = '';
    for (let c = 0x20; c < 0x250; c++) sample += String.fromCodePoint(c);
    for (let c = 0x370; c < 0x400; c++) sample += String.fromCodePoint(c);
    for (let c = 0x2000; c < 0x2200; c++) sample += String.fromCodePoint(c);
    const text = escapeLatexText(sample);
    const warnings: string[] = [];
    katex.renderToString(`\\text{${text}}`, { throwOnError: true, strict: (code: string) => { warnings.push(code); return 'ignore'; } });
    expect(warnings).toEqual([]);
  });
});

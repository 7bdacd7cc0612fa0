import { describe, expect, it } from 'vitest';
import * as render from '../../src/render/index.js';

describe('src/render/index.ts', () => {
  it('should expose the public api', () => {
    expect(Object.keys(render).sort()).toEqual(['derivationToLatex', 'escapeLatexText', 'latexName', 'latexPrinter', 'noteToLatex', 'noteToPlain', 'plainPrinter', 'proseLatex', 'proseSegments', 'renderKatex', 'safeMath', 'segmentLatex', 'toLatex', 'toPlain', 'trustedProseLatex', 'trustedProseSegments']);
  });

  it('should report KaTeX errors as values', () => {
    const bad = render.renderKatex('\\frac{1}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/KaTeX parse error/);
    const good = render.renderKatex('x^{2}', { displayMode: true });
    expect(good.ok && good.html.includes('katex-display')).toBe(true);
  });

  it('should report commands that need trust as errors', () => {
    for (const latex of ['\\href{javascript:alert(1)}{x}', '\\url{http://example.com}', '\\htmlId{a}{x}', '\\includegraphics{a.png}']) {
      const r = render.renderKatex(latex);
      expect(r.ok, latex).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/is not allowed/);
    }
  });
});

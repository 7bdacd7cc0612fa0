/**
 * The snapshot bundle's text made Latin-1 (src/cli/latin1-source.ts): the
 * characters past U+00FF of regular expression literals become escapes
 * that match the same text, and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { latin1Source } from '../../src/cli/latin1-source.js';

/** The one regular expression literal `/…/flags` assigned in `text`, as a RegExp (our own fixed test texts, never user input). */
function literalOf(text: string): RegExp {
  const m = /= \/(.*)\/([a-z]*);/.exec(text);
  if (m === null) throw new Error(`no literal in ${text}`);
  return new RegExp(m[1] as string, m[2]);
}

describe('latin1Source', () => {
  it('should escape Greek letters in a regular expression and match the same names', () => {
    const text = 'const r = /^[a-z_αβΓ∞][0-9αβ]*$/i;';
    const out = latin1Source(text);
    expect(out).toBe('const r = /^[a-z_\\u03B1\\u03B2\\u0393\\u221E][0-9\\u03B1\\u03B2]*$/i;');
    expect(out).toMatch(/^[\u0000-\u00ff]*$/);
    for (const name of ['α', 'Γ2', 'β', '∞', 'x', 'αβ']) expect(literalOf(out).test(name), name).toBe(literalOf(text).test(name));
    expect(literalOf(out).test('δ')).toBe(false);
  });

  it('should keep the meaning of an identity escape and of a character past U+FFFF, with and without the u flag', () => {
    const escaped = 'const r = /a\\ℝb/;';
    expect(latin1Source(escaped)).toBe('const r = /a\\u211Db/;');
    expect(literalOf(latin1Source(escaped)).test('aℝb')).toBe(true);
    const doubled = 'const r = /\\\\ℝ/;';
    expect(latin1Source(doubled)).toBe('const r = /\\\\\\u211D/;');
    expect(literalOf(latin1Source(doubled)).test('\\ℝ')).toBe(true);
    for (const flags of ['', 'u']) {
      const astral = `const r = /^𝔼+$/${flags};`;
      const out = latin1Source(astral);
      expect(out).toMatch(/^[\u0000-\u00ff]*$/);
      for (const s of ['𝔼', '𝔼𝔼', 'E']) expect(literalOf(out).test(s), `${s} /${flags}`).toBe(literalOf(astral).test(s));
    }
  });

  it('should leave Latin-1 characters, strings, templates and divisions as they are', () => {
    const text = "const a = x / 2 / y; const s = 'α'; const t = String.raw`ℝ×`; const r = /×|x/;";
    expect(latin1Source(text)).toBe(text);
    const mixed = "const s = 'β' / 2; const r = /β/g;";
    expect(latin1Source(mixed)).toBe("const s = 'β' / 2; const r = /\\u03B2/g;");
  });
});

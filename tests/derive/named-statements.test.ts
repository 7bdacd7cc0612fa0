/**
 * The statements and part titles of the named derivations are typeset:
 * `derive NAME --format latex` prints their math as math (no
 * `\textasciicircum`, no `[U+…]` placeholders for characters), every math
 * piece renders in KaTeX with throwOnError, and all of them together
 * compile with pdflatex inside a minimal article without an undefined
 * command. The prose math our reader cannot read (a matrix product without
 * shapes) is the project's own data and kept as written
 * (src/render/prose.ts trustedProseSegments): this test is what vouches for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { computeNamed, loadNamedSpec, namedDerivationNames, namedToLatex, verifyNamed } from '../../src/derive/named/index.js';
import { FRAGMENT_PACKAGES } from '../../src/document/fragment.js';
import { trustedProseSegments } from '../../src/render/prose.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { hasCommand, requireOrSkip } from '../document/tools.js';

const engine = createEngine();
const names = namedDerivationNames();

function latexOf(name: string): string {
  const spec = loadNamedSpec(name);
  if (spec === undefined) throw new Error(`missing ${name}`);
  return namedToLatex(verifyNamed(computeNamed(engine, spec), { points: 4, detail: 'brief' }));
}

describe('named derivations: statements and titles typeset', () => {
  const outputs = new Map(names.map((n) => [n, latexOf(n)]));

  it('covers every named derivation', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it.each(names)('%s: no \\textasciicircum, no [U+…], the statement typeset with math', (name) => {
    const tex = outputs.get(name) ?? '';
    expect(tex).not.toContain('\\textasciicircum');
    expect(tex).not.toMatch(/\[U\+[0-9A-F]+\]/);
    const statement = tex.split('\n')[0] ?? '';
    expect(statement, 'the statement line holds inline math').toMatch(/\$[^$]+\$/);
  });

  it.each(names)('%s: every math piece of the statement and titles renders in KaTeX', (name) => {
    const spec = loadNamedSpec(name);
    if (spec === undefined) throw new Error(`missing ${name}`);
    const texts = [spec.statement, ...spec.parts.map((p) => p.title)];
    for (const t of texts) {
      for (const s of trustedProseSegments(t)) {
        if (s.kind !== 'math') continue;
        expect(() => katex.renderToString(s.latex ?? '', { throwOnError: true, trust: false }), `${name}: $${s.source}$`).not.toThrow();
      }
    }
  });

  it('all of them compile inside a minimal article without an undefined command', (ctx) => {
    requireOrSkip(ctx, hasCommand('pdflatex'), 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-named-'));
    const body = names.map((n) => outputs.get(n) ?? '').join('\n\n\\bigskip\n\n');
    writeFileSync(join(dir, 'main.tex'), `\\documentclass{article}\n\\usepackage{${FRAGMENT_PACKAGES.join(',')}}\n\\allowdisplaybreaks\n\\begin{document}\n${body}\n\\end{document}\n`);
    spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'main.tex'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    const log = readFileSync(join(dir, 'main.log'), 'latin1');
    expect(existsSync(join(dir, 'main.pdf')), log.slice(-2000)).toBe(true);
    expect(log).not.toMatch(/Undefined control sequence|LaTeX Error|Missing \$ inserted/);
  });
});

/**
 * Random hostile prose (fast-check, fixed seed) through every writer: the
 * .tex compiles with pdflatex without a single TeX error, the page has no
 * address, script or KaTeX error a user could cause, and the .md holds no
 * HTML, link or image. Every prose path is covered at once: title, author,
 * problem titles, statements, text tasks and the sides of hand derivations.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeMath } from '../../src/render/prose.js';
import { renderKatex } from '../../src/render/katex.js';
import { cli } from '../cli/run.js';
import { htmlSafetyProblems, markdownSafetyProblems } from './output-safety.js';
import { hasCommand, requireOrSkip } from './tools.js';

const SEED = 9_2026;

/** Pieces of LaTeX, Markdown and HTML that a hostile or careless author might type. */
const TOKEN = fc.constantFrom(
  '$', '$', '$', '{', '}', '(', ')', ',', '_', '^', 'f', 'g_1', 'x', 'w_{2}', '1', ' ', ' ', '\n', '\n\n', '&', '%', '#', '~', '<', '>', '=', '-->', '<!--',
  '\\frac{1}{2}', '\\sigma', '\\le', '\\text{a}', '\\input{/etc/passwd}', '\\def\\x{y}', '\\\\', '\\', 'é', 'σ', '`', '```', '[', ']', '|', '\\left(', '\\right)',
  '<script>alert(1)</script>', '\n\n<img src=x onerror=alert(1)>', '\n\n<script>alert(2)</script>', 'f(x})', 'f({x)', 'f(x)', 'g_1(w_1, w_2)', '[a](javascript:alert(1))', '![i](https://evil.example/x.png)', '&lt;', '\\verb|x|', '^^5c', '\\catcode`\\{=12',
);
/** Prose with math segments in it: `$` + tokens + `$`, among loose tokens (a stray `$` included). */
const MATH = fc.array(TOKEN, { minLength: 1, maxLength: 6 }).map((t) => `$${t.join('').replace(/\$/g, '')}$`);
const PROSE = fc.array(fc.oneof(TOKEN, MATH, MATH), { maxLength: 16 }).map((t) => t.join(''));

describe('hostile prose in every output', () => {
  it('should print every readable piece of prose math as LaTeX that KaTeX renders, with braces paired', () => {
    fc.assert(
      fc.property(fc.array(TOKEN, { maxLength: 12 }), (tokens) => {
        const latex = safeMath(tokens.join('').replace(/\$/g, ''));
        if (latex === undefined) return;
        const unescaped = latex.replace(/\\[{}]/g, '');
        let depth = 0;
        for (const c of unescaped) {
          depth += c === '{' ? 1 : c === '}' ? -1 : 0;
          expect(depth, latex).toBeGreaterThanOrEqual(0);
        }
        expect(depth, latex).toBe(0);
        expect(latex).not.toMatch(/\$|\\input|\\def|\\catcode|\^\^|\n/);
        const r = renderKatex(latex);
        expect(r.ok, `${latex}: ${r.ok ? '' : r.message}`).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should keep a function head only when its braces pair, and on one line (issue 9: $f(x})$ broke the PDF)', () => {
    expect(safeMath('f(x})')).toBeUndefined();
    expect(safeMath('f({x)')).toBeUndefined();
    expect(safeMath('f(x}\\input{a})')).toBeUndefined();
    expect(safeMath('f(x,\n\ny)')).toBe('f(x, y)');
    expect(safeMath('f_1(w_1, w_{2}) = 3')).toBe('f_1(w_1, w_{2}) = 3');
    expect(safeMath('f(1)')).toBe('f(1)');
  });

  it('should write .tex, .html and .md that carry none of it as code (and compile)', async (ctx) => {
    const texts = fc.sample(PROSE, { seed: SEED, numRuns: 120 });
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-prose-'));
    const problems = [];
    for (let i = 0; i < 40; i++) {
      const [title, statement, a, b] = [texts[3 * i], texts[3 * i + 1], texts[3 * i + 2], texts[(3 * i + 7) % texts.length]];
      // JSON strings are valid YAML scalars, with every character escaped.
      // Every fourth problem also has a hand derivation whose sides are hostile text.
      const chain = i % 4 === 0 ? `\n      - check: ${JSON.stringify(`$$ ${(a ?? 'a').replace(/\$/g, '')} = ${(b ?? 'b').replace(/\$/g, '')} $$`)}` : '';
      problems.push(`  - title: ${JSON.stringify(`P ${title ?? ''}`)}\n    statement: ${JSON.stringify(statement ?? '')}\n    tasks:\n      - text: ${JSON.stringify(`t ${a ?? ''}`)}\n      - text: ${JSON.stringify(`u ${b ?? ''}`)}${chain}`);
    }
    writeFileSync(join(dir, 'prose.yaml'), `title: ${JSON.stringify(`T ${texts[0] ?? ''}`)}\nauthor: ${JSON.stringify(texts[1] ?? '')}\ndate: ${JSON.stringify(texts[2] ?? '')}\nproblems:\n${problems.join('\n')}\n`);
    const pdf = hasCommand('pdflatex');
    const r = await cli(['render', join(dir, 'prose.yaml'), '-o', dir, '--to', pdf ? 'tex,html,md,pdf' : 'tex,html,md']);
    // 1: some random hand derivation is false (and marked so); never 2, never a crash.
    expect([0, 1], `${dir}: ${r.stdout}${r.stderr}`).toContain(r.code);
    const html = readFileSync(join(dir, 'prose.html'), 'utf8');
    expect(htmlSafetyProblems(html, { shellTags: ['meta', 'meta'] })).toEqual([]);
    expect(html).not.toContain('render-error');
    expect(markdownSafetyProblems(readFileSync(join(dir, 'prose.md'), 'utf8')), dir).toEqual([]);
    const tex = readFileSync(join(dir, 'prose.tex'), 'utf8');
    expect(tex).not.toMatch(/\\input\{|\\def\\x|\\catcode|\^\^5c/);
    requireOrSkip(ctx, pdf, 'pdflatex');
    expect(existsSync(join(dir, 'prose.pdf'))).toBe(true);
    expect(readFileSync(join(dir, 'prose.log'), 'latin1')).not.toMatch(/^! /m);
  }, 60_000);
});

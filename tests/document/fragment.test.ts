/**
 * Fragments for a user's own document: `render --fragment` and
 * `derive --format latex --fragment` write a body that `\input{…}` takes
 * inside a minimal article (the packages it needs are named in a comment),
 * and an HTML <section> with no page around it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_PACKAGES } from '../../src/document/fragment.js';
import { cli } from '../cli/run.js';
import { hasCommand, requireOrSkip } from './tools.js';

const root = join(import.meta.dirname, '..', '..');
const homework = join(root, 'examples', 'problem-sets', 'deep-learning-homework.yaml');
const tex = hasCommand('pdflatex');

/** A minimal article that loads exactly the packages the fragment names, then inputs it. */
function article(fragment: string): string {
  const named = /needs in your preamble: (\\usepackage\{[^}]*\})/.exec(fragment)?.[1];
  expect(named, 'the fragment names its packages').toBe(`\\usepackage{${FRAGMENT_PACKAGES.join(',')}}`);
  return `\\documentclass{article}\n${named}\n\\begin{document}\nMy own text.\n\n\\input{fragment.tex}\n\nMore of my text.\n\\end{document}\n`;
}

/** Compiles the fragment inside the article; the log, or undefined when no PDF came out. */
function compileInArticle(dir: string, fragment: string): string {
  writeFileSync(join(dir, 'fragment.tex'), fragment);
  writeFileSync(join(dir, 'main.tex'), article(fragment));
  spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'main.tex'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  const log = readFileSync(join(dir, 'main.log'), 'latin1');
  expect(existsSync(join(dir, 'main.pdf')), log.slice(-2000)).toBe(true);
  return log;
}

describe('fragments (--fragment)', () => {
  it('render --fragment writes a LaTeX body without a preamble and an HTML <section> without a page shell, and no PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-fragment-'));
    const r = await cli(['render', homework, '-o', dir, '--fragment']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('--fragment writes no PDF');
    const body = readFileSync(join(dir, 'deep-learning-homework.tex'), 'utf8');
    const code = body.split('\n').filter((l) => !l.startsWith('%')).join('\n');
    expect(code).not.toMatch(/\\documentclass|\\usepackage\{|\\begin\{document\}|\\maketitle/);
    expect(body).toMatch(/^% gradtex fragment: /);
    expect(body).toContain('\\begin{align*}');
    const html = readFileSync(join(dir, 'deep-learning-homework.html'), 'utf8');
    expect(html).toMatch(/<section class="gradtex">[\s\S]*<\/section>\n$/);
    expect(html).not.toMatch(/<html|<head|<body|<!DOCTYPE/i);
    expect(existsSync(join(dir, 'deep-learning-homework.pdf'))).toBe(false);
  });

  it('derive --format latex --fragment names its packages; --fragment alone is refused', async () => {
    const r = await cli(['derive', 'sigmoid', '--format', 'latex', '--fragment', '--points', '6']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^% gradtex fragment: Derivative of the sigmoid\n% needs in your preamble: \\usepackage\{amsmath,amssymb\}/);
    expect(r.stdout).not.toContain('\\documentclass');
    const bad = await cli(['derive', 'sigmoid', '--fragment']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--fragment goes with --format latex');
  });

  it('a render fragment compiles inside a minimal article with only the packages it names', async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-fragment-tex-'));
    const r = await cli(['render', homework, '-o', dir, '--fragment', '--to', 'tex']);
    expect(r.code, r.stderr).toBe(0);
    const log = compileInArticle(dir, readFileSync(join(dir, 'deep-learning-homework.tex'), 'utf8'));
    expect(log).not.toMatch(/Undefined control sequence|LaTeX Error/);
  });

  it('a derive fragment compiles inside a minimal article', async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-fragment-derive-'));
    const r = await cli(['derive', 'softmax-jacobian', '--format', 'latex', '--fragment', '--detail', 'brief', '--points', '6']);
    expect(r.code, r.stderr).toBe(0);
    const log = compileInArticle(dir, r.stdout);
    expect(log).not.toMatch(/Undefined control sequence|LaTeX Error/);
  });
});

/**
 * Every example compiles with pdflatex (no shell escape) without undefined
 * commands, missing packages or lines over a point into the margin; the
 * first page is kept as a PNG artifact; hostile prose comes out as literal
 * text and runs nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { artifactsDir, hasCommand, requireOrSkip } from './tools.js';
import { overfullBoxes } from './tex-log.js';

const root = join(import.meta.dirname, '..', '..');
const specs = [...readdirSync(join(root, 'examples', 'problem-sets')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'examples', 'problem-sets', f))];
const tex = hasCommand('pdflatex');

describe('PDF output', () => {
  for (const spec of specs) {
    it(`should compile ${spec.split('/').pop()} with pdflatex, cleanly`, async (ctx) => {
      requireOrSkip(ctx, tex, 'pdflatex');
      const dir = mkdtempSync(join(tmpdir(), 'gradtex-pdf-'));
      const r = await cli(['render', spec, '-o', dir, '--to', 'pdf']);
      expect(r.code, r.stderr).toBe(0);
      const stem = spec.split('/').pop()?.replace(/\.yaml$/, '') ?? '';
      expect(existsSync(join(dir, `${stem}.pdf`))).toBe(true);
      const log = readFileSync(join(dir, `${stem}.log`), 'latin1');
      expect(log).not.toMatch(/Undefined control sequence/);
      expect(log).not.toMatch(/File `[^']*' not found/);
      // Pages without overflow: no line more than a point into the margin (the .tex line is in `where`).
      expect(overfullBoxes(log), `${stem}.tex`).toEqual([]);
      if (hasCommand('pdftoppm', ['-v'])) {
        spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', `${stem}.pdf`, join(artifactsDir(), `${stem}-page1`)], { cwd: dir });
        expect(existsSync(join(artifactsDir(), `${stem}-page1.png`))).toBe(true);
      }
    });
  }

  it('should print hostile prose literally, run nothing and read no file', async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-inject-'));
    copyFileSync(join(root, 'tests', 'fixtures', 'documents', 'injection.yaml'), join(dir, 'injection.yaml'));
    const r = await cli(['render', join(dir, 'injection.yaml'), '-o', dir, '--to', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(root, 'pwned'))).toBe(false);
    const log = readFileSync(join(dir, 'injection.log'), 'latin1');
    // TeX logs every file it opens as "(path"; the text itself may appear in box warnings.
    expect(log).not.toMatch(/\(\/etc\/passwd/);
    if (hasCommand('pdftotext', ['-v'])) {
      spawnSync('pdftotext', ['injection.pdf', 'injection.txt'], { cwd: dir });
      const text = readFileSync(join(dir, 'injection.txt'), 'utf8');
      expect(text).toContain('\\input{/etc/passwd}');
      expect(text).toContain('\\immediate\\write18{touch pwned}');
      expect(text).toContain('</script><script>alert(1)</script>');
      expect(text).not.toContain('root:x:0:0');
    }
  });

  it('should compile hostile prose math (unbalanced braces in a function head, unreadable math across blank lines) and report success only with a PDF', async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-hostile-'));
    copyFileSync(join(root, 'tests', 'fixtures', 'documents', 'hostile-math.yaml'), join(dir, 'hostile-math.yaml'));
    const r = await cli(['render', join(dir, 'hostile-math.yaml'), '-o', dir, '--to', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'hostile-math.pdf'))).toBe(true);
    const log = readFileSync(join(dir, 'hostile-math.log'), 'latin1');
    // A TeX error line starts with "!": none, not even one pdflatex recovered from.
    expect(log).not.toMatch(/^! /m);
    if (hasCommand('pdftotext', ['-v'])) {
      spawnSync('pdftotext', ['hostile-math.pdf', 'hostile-math.txt'], { cwd: dir });
      const text = readFileSync(join(dir, 'hostile-math.txt'), 'utf8');
      expect(text).toContain('$f(x})$');
      expect(text).toContain('<script>alert(1)</script>');
    }
  });

  it('should compile prose with any Unicode character (Latin, Greek, math symbols, emoji, stray accents)', async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-unicode-'));
    let sample = '';
    for (const [lo, hi] of [[0xa0, 0x250], [0x370, 0x400], [0x2000, 0x2200], [0x1d40, 0x1d41], [0x1f600, 0x1f601]] as const) {
      for (let c = lo; c < hi; c++) if (c < 0x2028 || c > 0x202e) sample += String.fromCodePoint(c);
    }
    // JSON strings are valid YAML scalars, with every character escaped.
    writeFileSync(join(dir, 'unicode.yaml'), `title: Unicode\nproblems:\n  - title: Xᵀ ∈ ℝⁿ\n    statement: ${JSON.stringify(sample + ' \u0301x')}\n    tasks:\n      - text: done\n`);
    const r = await cli(['render', join(dir, 'unicode.yaml'), '-o', dir, '--to', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'unicode.pdf'))).toBe(true);
  });
});

/**
 * Documents: golden .tex/.html/.md for the example problem set, hostile user
 * text shown literally, spec errors with line:col.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/document/spec.js';
import { cli } from '../cli/run.js';
import { reviewableHtml } from '../reviewable-html.js';
import { htmlSafetyProblems, markdownSafetyProblems, markdownValues } from './output-safety.js';

const root = join(import.meta.dirname, '..', '..');
const examples = join(root, 'examples', 'problem-sets');
const goldens = join(root, 'tests', 'fixtures', 'documents');

/** Every page and Markdown file a test writes goes through the output checks. */
function expectSafeOutputs(dir: string, stem: string): void {
  expect(htmlSafetyProblems(readFileSync(join(dir, `${stem}.html`), 'utf8'), { shellTags: ['meta', 'meta'] }), `${stem}.html`).toEqual([]);
  expect(markdownSafetyProblems(readFileSync(join(dir, `${stem}.md`), 'utf8')), `${stem}.md`).toEqual([]);
}

function render(spec: string, to = 'tex,html,md'): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gradtex-doc-'));
  return cli(['render', spec, '-o', dir, '--to', to]).then((r) => ({ ...r, dir }));
}

describe('gradtex render', () => {
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.yaml'))) {
    const stem = file.replace(/\.yaml$/, '');
    it(`should write the golden .tex, .html and .md for ${file}`, async () => {
      const r = await render(join(examples, file));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('every answer verified');
      for (const ext of ['tex', 'html', 'md']) {
        const written = readFileSync(join(r.dir, `${stem}.${ext}`), 'utf8');
        // HTML goldens hold our LaTeX in place of KaTeX's generated markup
        const got = ext === 'html' ? reviewableHtml(written) : written;
        const golden = join(goldens, `${stem}.${ext}`);
        if (process.env['UPDATE'] === '1') writeFileSync(golden, got);
        expect(got, `${stem}.${ext} differs from ${golden} (UPDATE=1 rewrites it after review)`).toBe(readFileSync(golden, 'utf8'));
      }
      expect(readFileSync(join(r.dir, `${stem}.html`), 'utf8')).not.toContain('katex-error');
      expect(existsSync(join(r.dir, 'katex', 'katex.min.css'))).toBe(true);
      expectSafeOutputs(r.dir, stem);
    });
  }

  it('should write the golden .tex, .html and .md for hostile prose math (unreadable math, Markdown and HTML specials, function heads)', async () => {
    const r = await render(join(goldens, 'hostile-math.yaml'));
    expect(r.code, r.stderr).toBe(0);
    for (const ext of ['tex', 'html', 'md']) {
      const got = readFileSync(join(r.dir, `hostile-math.${ext}`), 'utf8');
      const golden = join(goldens, `hostile-math.${ext}`);
      if (process.env['UPDATE'] === '1') writeFileSync(golden, got);
      expect(got, `hostile-math.${ext} differs from ${golden} (UPDATE=1 rewrites it after review)`).toBe(readFileSync(golden, 'utf8'));
    }
    expectSafeOutputs(r.dir, 'hostile-math');
    const md = readFileSync(join(r.dir, 'hostile-math.md'), 'utf8');
    // Unreadable math stays whole inside one code span, blank lines and all.
    expect(markdownValues(md, 'inlineCode')).toContain('$x } <script>alert(1)</script> ``` $');
    expect(markdownValues(md, 'inlineCode')).toContain('$x < <img src=x onerror=alert(1)>$');
    expect(markdownValues(md, 'inlineCode')).toContain('$f(x})$');
    // Readable heads are still math.
    expect(markdownValues(md, 'inlineMath')).toContain('f(x) = x^{2}');
    const tex = readFileSync(join(r.dir, 'hostile-math.tex'), 'utf8');
    expect(tex).toContain('\\texttt{\\$f(x\\})\\$}');
    expect(tex).not.toContain('$f(x})$');
    expect(tex).toContain('$f(x) = x^{2}$');
  });

  it('should show hostile prose literally: no command, script or file read survives', async () => {
    const r = await render(join(goldens, 'injection.yaml'));
    expect(r.code, r.stderr).toBe(0);
    const tex = readFileSync(join(r.dir, 'injection.tex'), 'utf8');
    expect(tex).not.toMatch(/\\input\{/);
    expect(tex).not.toMatch(/\\immediate\\write18/);
    expect(tex).not.toMatch(/\\def\\x/);
    expect(tex).not.toMatch(/\\openin5/);
    expect(tex).toContain('\\textbackslash{}input\\{/etc/passwd\\}');
    const html = readFileSync(join(r.dir, 'injection.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = readFileSync(join(r.dir, 'injection.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expectSafeOutputs(r.dir, 'injection');
  });

  it('should name line:col for a broken spec and exit 2 without writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-spec-'));
    const spec = join(dir, 'bad.yaml');
    writeFileSync(spec, 'title: T\nproblems:\n  - title: P\n    tasks:\n      - diff: (x+1\n        wrt: [x]\n');
    const r = await cli(['render', spec, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5:9: in '\(x\+1': 1:5: expected '\)'/);
    expect(existsSync(join(dir, 'bad.tex'))).toBe(false);
  });

  it('should report a spec without problems at its line', () => {
    expect(() => parseSpec('s.yaml', 'title: T\n')).toThrow(/s\.yaml:1:1: missing 'problems'/);
    expect(() => parseSpec('s.yaml', 'title: T\nproblems:\n  - title: P\n    tasks:\n      - integrate: x\n')).toThrow(/s\.yaml:5:9: a task needs one of/);
    expect(() => parseSpec('s.yaml', 'title: [\n')).toThrow(/s\.yaml:\d+:\d+:/);
  });

  it('should mark the failing step of a hand derivation and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-check-'));
    const spec = join(dir, 'wrong.yaml');
    writeFileSync(spec, 'title: T\nproblems:\n  - title: P\n    tasks:\n      - check: |\n          $$ \\frac{d}{dx} x^3 = 3x^2 = 3x $$\n');
    const r = await cli(['render', spec, '-o', dir, '--to', 'tex']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/SOME CHECKS FAILED/);
    const tex = readFileSync(join(dir, 'wrong.tex'), 'utf8');
    expect(tex).toMatch(/3 x\^\{2\} \\tag\*\{\$\\text\{proved\}\$\}/);
    expect(tex).toMatch(/&= 3 x \\tag\*\{\$\\text\{fails: /);
  });

  it('should refuse to overwrite the spec itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-same-'));
    const spec = join(dir, 'x.tex');
    writeFileSync(spec, 'title: T\nproblems: []\n');
    const r = await cli(['render', spec, '-o', dir, '--to', 'tex']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite/);
    expect(readFileSync(spec, 'utf8')).toBe('title: T\nproblems: []\n');
  });
});

/**
 * The HTML check report: every relation of a document marked where it was
 * written, the evidence beside failing and undecided lines, the counts at
 * the top; user text escaped; `-o` never over an input; and the page opened
 * in headless Chromium (no console errors, every relation marked, a
 * screenshot kept in tests/artifacts/).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkDocument, type DocumentReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { reportHtml, type HtmlReportFile } from '../../src/markdown/check-report.js';
import { marksOf, type Mark } from '../../src/markdown/check-report-marks.js';
import { textBody } from '../../src/markdown/check-report-text.js';
import { installKatexAssets } from '../../src/document/katex-assets.js';
import { loadTemplate, templatesDir } from '../../src/document/template.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';
import { artifactsDir, CHROMIUM, requireOrSkip } from '../document/tools.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'check-report');
const checker = createChecker(createEngine());
const template = loadTemplate(join(templatesDir(), 'check-report.html'));

/** The fixture checked, with a not-read entry added at the `$W$` of item 5 (math no checker judges), so every kind of mark is on the page. */
function sample(name: string): HtmlReportFile {
  const source = readFileSync(join(fixtures, name), 'utf8');
  const kind = name.endsWith('.tex') ? 'tex' : 'markdown';
  const report = checkDocument(checker, source, kind);
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes('With $W$')) + 1;
  const col = (lines[line - 1] ?? '').indexOf('$W$') + 2;
  const withNotRead: DocumentReport =
    kind === 'markdown' && line > 0 ? { ...report, notRead: [...report.notRead, { line, col, latex: 'W', reason: 'a made-up reason <not judged> for this test' }] } : report;
  return { file: name, source, kind, report: withNotRead };
}

describe('reportHtml', () => {
  it('should mark every relation, with each kind of verdict, and the counts at the top', () => {
    const f = sample('homework.md');
    const html = reportHtml([f], { katexCss: 'katex/katex.min.css', template });
    const marks = marksOf(f.source, f.report);
    for (const kind of ['proved', 'holds', 'fails', 'undecided', 'not-read'] as const) expect(marks.map((m) => m.kind)).toContain(kind);
    const shown = (html.match(/<li class="gt-mark gt-/g) ?? []).length + (html.match(/<span class="gt-inline-marks">/g) ?? []).length;
    expect(shown).toBe(marks.length);
    // In place: nothing left for the list of relations outside the text.
    expect(html).not.toContain('Relations outside the text');
    const claims = marks.filter((m) => m.kind !== 'definition' && m.kind !== 'assumption').length;
    expect(html).toContain(`${claims} relations found: `);
    expect(html).toContain('at x = 0.1449');
    expect(html).not.toContain('katex-error');
  });

  it('should place every mark in the text: displays with content on the fence lines, in a quote, in a list, a ```check block', () => {
    const f = sample('layouts.md');
    const html = reportHtml([f], { katexCss: 'katex/katex.min.css', template });
    const marks = marksOf(f.source, f.report);
    expect(marks.filter((m) => m.kind !== 'assumption').length).toBe(5);
    expect(html).not.toContain('Relations outside the text');
    expect((html.match(/<li class="gt-mark gt-/g) ?? []).length + (html.match(/<span class="gt-inline-marks">/g) ?? []).length).toBe(marks.length);
    expect(html).not.toContain('language-check');
    expect(html).not.toContain('katex-error');
  });

  it('should show a plain-text document paragraph by paragraph, escaped, each relation marked beside its paragraph', () => {
    const source = 'Let x > 0 <b>.\n\nln x <= x - 1\nand x^2 >= 0\n';
    const at = (s: string): number => source.indexOf(s);
    const marks: Mark[] = [
      { offset: at('x - 1'), line: 3, col: 9, kind: 'proved', relation: '\\ln x \\le x - 1', detail: 'lemma' },
      { offset: at('x^2'), line: 4, col: 5, kind: 'fails', relation: 'x^2 \\ge 0', detail: 'at x = <i>' },
    ];
    const body = textBody(source, marks);
    expect(body.unplaced).toEqual([]);
    expect(body.html).toContain('<p class="gt-plain">Let x > 0 &#x3C;b>.</p>');
    expect(body.html.match(/<li class="gt-mark gt-/g)).toHaveLength(2);
    expect(body.html).toContain('at x = &#x3C;i>');
  });

  it('should mark the premises a checker lists (inline definitions and assumptions) apart from the claims', () => {
    const f = sample('homework.md');
    const line = f.source.split('\n').findIndex((l) => l.startsWith('Throughout')) + 1;
    // Spread in, so the test compiles whether or not DocumentReport has the field yet.
    const extra = { premises: [{ line, col: 14, latex: 'x > 0', kind: 'assumption' as const, summary: 'x > 0' }] };
    const html = reportHtml([{ ...f, report: { ...f.report, ...extra } }], { katexCss: 'k.css', template });
    expect(html).toContain('<span class="gt-inline gt-assumption">');
    expect(html).toMatch(/relations found: .*; premises: \d+ .*definition.*, [1-9]\d* .*assumption/);
  });

  it('should escape the user text: a script tag in prose or in a reason is text', () => {
    const f = sample('homework.md');
    const html = reportHtml([f], { katexCss: 'katex/katex.min.css', template });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('a made-up reason &#x3C;not judged> for this test');
    const tex = reportHtml([{ ...f, kind: 'tex', file: '<b>x</b>.tex', source: 'Text <img src=x onerror=alert(1)> and $x = 1$.', report: { ...f.report, chains: [], notRead: [] } }], {
      katexCss: 'a"b',
      template,
    });
    expect(tex).not.toContain('<img');
    expect(tex).not.toContain('<b>x</b>');
    expect(tex).toContain('href="a&quot;b"');
    // Math from the document is rendered with trust off: no link, no script address.
    const math = reportHtml(
      [{ ...f, report: { ...f.report, chains: [], notRead: [{ line: 1, col: 1, latex: '\\href{javascript:alert(1)}{x} = \\url{javascript:alert(2)}', reason: 'r' }] } }],
      { katexCss: 'k.css', template },
    );
    expect(math).not.toMatch(/<a\b/);
    expect(math).not.toMatch(/href="javascript/i);
  });

  it('should show a LaTeX document as its text with the math rendered and marked', () => {
    const f = sample('homework.tex');
    const html = reportHtml([f], { katexCss: 'katex/katex.min.css', template });
    expect(html).toContain('<h2>Logarithms</h2>');
    expect(html).not.toContain('\\begin{document}');
    expect(html).not.toContain('the domain of every step below'); // a comment
    expect((html.match(/<li class="gt-mark gt-/g) ?? []).length + (html.match(/<span class="gt-inline-marks">/g) ?? []).length).toBe(marksOf(f.source, f.report).length);
    expect(html).not.toContain('katex-error');
  });
});

describe('gradtex check --format html', () => {
  it('should refuse to write over the input, and leave it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-report-'));
    const input = join(dir, 'hw.md');
    copyFileSync(join(fixtures, 'homework.md'), input);
    const before = readFileSync(input, 'utf8');
    const r = await cli(['check', input, '--format', 'html', '-o', join(dir, '.', 'hw.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write the report over the input/);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('should write over another existing file, copy the KaTeX assets next to it, and exit as the text report does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-report-'));
    const out = join(dir, 'report.html');
    writeFileSync(out, 'old');
    const r = await cli(['check', join(fixtures, 'homework.md'), '--format', 'html', '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(existsSync(join(dir, 'katex', 'katex.min.css'))).toBe(true);
    // Fonts are linked, never inlined: the page stays small.
    expect(readFileSync(out, 'utf8').length).toBeLessThan(100_000);
  });

  it('should print the page on stdout without -o', async () => {
    const r = await cli(['check', join(fixtures, 'homework.tex'), '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('href="katex/katex.min.css"');
  });
});

describe('the HTML check report in a browser', () => {
  it('should open without console errors, with every relation marked, and leave a screenshot', async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
    try {
      for (const name of ['homework.md', 'homework.tex']) {
        const dir = mkdtempSync(join(tmpdir(), 'gradtex-report-'));
        const f = sample(name);
        const page = join(dir, 'report.html');
        writeFileSync(page, reportHtml([f], { katexCss: installKatexAssets(dir), template }));
        const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        tab.on('pageerror', (e) => errors.push(e.message));
        tab.on('request', (q) => requests.push(q.url()));
        await tab.goto(`file://${page}`);
        await tab.waitForLoadState('load');
        const marks = marksOf(f.source, f.report);
        expect(errors, name).toEqual([]);
        expect(requests.filter((u) => !u.startsWith('file://')), name).toEqual([]);
        expect(await tab.locator('.katex-error').count(), name).toBe(0);
        expect(await tab.locator('script').count(), name).toBe(0);
        // Every relation has a visible tag with its word: listed under its display, or right after its inline math.
        const tags = await tab.locator('.gt-document .gt-mark > .gt-tag, .gt-document .gt-inline-marks > .gt-tag').allInnerTexts();
        expect(tags.length, name).toBe(marks.length);
        const words: Record<string, string> = { proved: 'proved', holds: 'holds', fails: 'fails', undecided: 'undecided', 'not-read': 'not read', definition: 'definition', assumption: 'assumption' };
        expect(tags.map((t) => t.replace(/^\S+\s*/, '')).sort(), name).toEqual(marks.map((m) => words[m.kind]).sort());
        // The evidence of a failing line is shown beside it.
        for (const m of marks.filter((x) => x.kind === 'fails')) await expect(tab.getByText(m.detail.split(';')[0] ?? '').first().isVisible()).resolves.toBe(true);
        await tab.screenshot({ path: join(artifactsDir(), `check-report-${name.replace('.', '-')}.png`), fullPage: true });
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});

/**
 * Report writers: axis ticks, escaping in SVG, HTML and LaTeX (a hostile
 * title or series name stays text), the files written and never silently
 * replaced, and the .tex compiling with pdflatex -no-shell-escape in both
 * plot modes when pdflatex (and pgfplots) are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePdf } from '../../src/document/pdf.js';
import { plotToPgfplots } from '../../src/train/report/pgfplots-plot.js';
import { plotToPicture } from '../../src/train/report/picture-plot.js';
import type { Plot, Report } from '../../src/train/report/report-model.js';
import { reportToHtml } from '../../src/train/report/report-html.js';
import { reportToTex } from '../../src/train/report/report-tex.js';
import { plotToSvg } from '../../src/train/report/svg-plot.js';
import { formatTick, niceAxis } from '../../src/train/report/ticks.js';
import { ReportExistsError, writeReport } from '../../src/train/report/write-report.js';
import { hasCommand, requireOrSkip } from '../document/tools.js';

const HOSTILE = '</svg><script>alert(1)</script> & \\input{/etc/passwd} \\write18{touch pwned} 50% #1 $x_1$ --data';

const plot: Plot = {
  id: 'loss-curves',
  title: `Loss ${HOSTILE}`,
  xLabel: 'epoch',
  yLabel: 'loss',
  series: [
    { name: 'training', points: [[1, 1.2], [2, 0.6], [3, 0.4], [4, 0.35]] },
    { name: HOSTILE, points: [[1, 0.9], [2, NaN], [3, 0.5], [4, 0.45]] },
  ],
};

const report: Report = {
  title: `Report ${HOSTILE}`,
  sections: [
    {
      heading: `Results ${HOSTILE}`,
      paragraphs: [`Data: ${HOSTILE}`, 'α = 1e-4, η → 0, σ(z), 1 − p, 3 × 4 ≤ ∞'],
      tables: [{ caption: `Table ${HOSTILE}`, columns: ['a', HOSTILE], rows: [['1', HOSTILE], ['2', '3']], highlight: 0 }],
      plots: [plot],
    },
  ],
};

describe('axis ticks', () => {
  it('should pick nice ticks covering the data', () => {
    expect(niceAxis(0.13, 2.31)).toMatchObject({ lo: 0, hi: 2.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] });
    expect(niceAxis(1, 3, 6, true).ticks).toEqual([1, 2, 3]);
    expect(niceAxis(5, 5).ticks.length).toBeGreaterThan(1);
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(1000, 500)).toBe('1000');
  });
});

describe('SVG and HTML', () => {
  it('should escape every text of the SVG and break a line at a non-finite value', () => {
    const svg = plotToSvg(plot);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('</svg><script>');
    expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    // the second series is drawn as a dot and a 2-point line around the NaN
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(1);
  });

  it('should write a self-contained page: inline SVG, escaped text, the chosen row marked', () => {
    const html = reportToHtml(report);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/<link|src=/);
    expect(html).toContain('<svg xmlns=');
    expect(html).toContain('<tr class="chosen"><td>1</td><td>&lt;/svg&gt;');
  });
});

describe('LaTeX', () => {
  it('should escape text in the pgfplots and picture code', () => {
    for (const code of [plotToPgfplots(plot), plotToPicture(plot)]) {
      expect(code).not.toContain('\\input{');
      expect(code).not.toContain('\\write18{');
      expect(code).toContain('\\textbackslash{}input\\{/etc/passwd\\}');
      expect(code).toContain('50\\%');
      expect(code).toContain('-{}-data');
    }
    // one \addplot per unbroken run, the legend entry with the first
    expect(plotToPgfplots(plot).match(/\\addplot/g)).toHaveLength(3);
    expect(plotToPgfplots(plot).match(/\\addlegendentry/g)).toHaveLength(2);
  });

  it('should choose pgfplots at compile time when asked for auto', () => {
    expect(reportToTex(report, 'auto')).toContain('\\IfFileExists{pgfplots.sty}{\\gtxpgfplotstrue}{}');
    expect(reportToTex(report, 'picture')).not.toContain('IfFileExists');
  });

  const tex = hasCommand('pdflatex');
  const pgfplots = (spawnSync('kpsewhich', ['pgfplots.sty'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
  const modes = [
    { mode: 'picture' as const, needs: true, what: 'pdflatex' },
    { mode: 'auto' as const, needs: true, what: 'pdflatex' },
    { mode: 'pgfplots' as const, needs: pgfplots, what: 'pgfplots (Debian: texlive-pictures)' },
  ];
  for (const { mode, needs, what } of modes) {
    it(`should compile with pdflatex -no-shell-escape, plots in ${mode} mode, running nothing`, (ctx) => {
      requireOrSkip(ctx, tex, 'pdflatex');
      requireOrSkip(ctx, needs, what);
      const dir = mkdtempSync(join(tmpdir(), 'gradtex-report-'));
      const file = join(dir, 'report.tex');
      writeFileSync(file, reportToTex(report, mode));
      const pdf = compilePdf(file);
      expect(pdf.kind, pdf.kind === 'written' ? '' : pdf.message).toBe('written');
      if (pdf.kind === 'written') expect(pdf.warnings).toEqual([]);
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
      expect(readFileSync(join(dir, 'report.log'), 'latin1')).not.toMatch(/\(\/etc\/passwd/);
    });
  }
});

describe('writeReport', () => {
  it('should write the report, the plot files and never replace them without force', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gradtex-report-')), 'out');
    const written = writeReport(dir, report, { pdf: false });
    expect(written.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['loss-curves.pgfplots.tex', 'loss-curves.svg', 'report.html', 'report.tex']);
    writeFileSync(join(dir, 'report.html'), 'mine');
    expect(() => writeReport(dir, report, { pdf: false })).toThrow(ReportExistsError);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('mine');
    writeReport(dir, report, { pdf: false, force: true });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<!DOCTYPE html>');
  });
});

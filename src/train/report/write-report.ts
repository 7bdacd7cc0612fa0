/**
 * Writes a report into a folder: report.tex, report.html, and for each plot
 * <id>.svg and <id>.pgfplots.tex; report.pdf too when asked and pdflatex is
 * installed. Existing files are never replaced unless `force` is given.
 *
 *     const written = writeReport('out/run1', report, { pdf: true });
 *     written.files; // ['out/run1/report.tex', …]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePdf } from '../../document/pdf.js';
import { plotToPgfplots } from './pgfplots-plot.js';
import { plotsOf, type Report } from './report-model.js';
import { reportToHtml } from './report-html.js';
import { reportToTex, type TexPlotMode } from './report-tex.js';
import { plotToSvg } from './svg-plot.js';

export class ReportExistsError extends Error {
  constructor(readonly files: readonly string[]) {
    super(`${files.join(', ')} ${files.length === 1 ? 'exists' : 'exist'}; pass --force to replace, or choose another --report folder`);
    this.name = 'ReportExistsError';
  }
}

export interface WrittenReport {
  readonly files: readonly string[];
  /** Why there is no PDF, or what pdflatex complained about. */
  readonly notes: readonly string[];
}

export function writeReport(dir: string, report: Report, options: { force?: boolean; pdf?: boolean; texPlots?: TexPlotMode } = {}): WrittenReport {
  const contents = new Map<string, string>();
  contents.set(join(dir, 'report.tex'), reportToTex(report, options.texPlots ?? 'auto'));
  contents.set(join(dir, 'report.html'), reportToHtml(report));
  for (const plot of plotsOf(report)) {
    contents.set(join(dir, `${plot.id}.svg`), plotToSvg(plot));
    contents.set(join(dir, `${plot.id}.pgfplots.tex`), plotToPgfplots(plot));
  }
  const pdfFile = join(dir, 'report.pdf');
  const targets = [...contents.keys(), ...(options.pdf === true ? [pdfFile] : [])];
  const existing = targets.filter((f) => existsSync(f));
  if (options.force !== true && existing.length > 0) throw new ReportExistsError(existing);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [file, text] of contents) {
    writeFileSync(file, text);
    files.push(file);
  }
  const notes: string[] = [];
  if (options.pdf === true) {
    const pdf = compilePdf(join(dir, 'report.tex'));
    if (pdf.kind === 'written') {
      files.push(pdf.file);
      notes.push(...pdf.warnings.map((w) => `${pdf.file}: ${w}`));
    } else notes.push(pdf.message);
  }
  return { files, notes };
}

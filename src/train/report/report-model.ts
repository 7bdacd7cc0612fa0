/**
 * A report as plain data, written out by report-tex.ts, report-html.ts and
 * the plot writers: sections of paragraphs (plain text; the writers escape
 * it), tables of strings and line plots. Training runs and the experiments
 * build one; nothing here knows about networks.
 *
 *     const report: Report = { title: 'Training softmax', sections: [{ heading: 'Results', paragraphs: ['…'], tables: [], plots: [] }] };
 */

export interface Series {
  readonly name: string;
  /** (x, y) pairs; a non-finite y breaks the line. */
  readonly points: readonly (readonly [number, number])[];
}

export interface Plot {
  /** File stem of the plot's own files (kebab-case), e.g. 'loss-curves'. */
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

export interface Table {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** A row to mark (the chosen setting of a search). */
  readonly highlight?: number;
}

export interface Section {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly Table[];
  readonly plots: readonly Plot[];
}

export interface Report {
  readonly title: string;
  readonly sections: readonly Section[];
}

/** Every plot of a report, in order. */
export function plotsOf(report: Report): Plot[] {
  return report.sections.flatMap((s) => s.plots);
}

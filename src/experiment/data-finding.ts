/**
 * An evaluation on data as a finding for a document: the let-lines as a
 * table of intermediates, then the value or the entries of a vector, each
 * exact where the point is exact and as a decimal. Nothing here is judged:
 * the values are computed, so the report's status is `holds` only in the
 * sense that nothing failed; it prints no verdict line.
 *
 *     dataFinding('sigma(u)', evaluateOnData(engine, parse, 'sigma(u)', point, ['u = w*x + b']))
 */
import { toPlain } from '../expr/to-plain.js';
import type { Expr } from '../expr/node.js';
import { toLatex } from '../render/index.js';
import type { FindingParagraph, FindingReport } from '../finite/finding-report.js';
import type { DataEvaluation } from './data-values.js';

const decimal = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : 'not a number');

export function dataFinding(text: string, r: DataEvaluation): FindingReport {
  const rows: string[][] = [];
  const latexRows: string[][] = [];
  const values: number[][] = [];
  const add = (name: string, nameLatex: string, written: Expr, value: Expr, approx: number): void => {
    rows.push([name, toPlain(written), toPlain(value), decimal(approx)]);
    latexRows.push([nameLatex, toLatex(written), toLatex(value), decimal(approx)]);
    values.push([NaN, NaN, NaN, approx]);
  };
  // Let names are letters, digits and one subscript (data-values.ts refuses others): math-mode LaTeX as they are.
  for (const l of r.lets) add(l.name, l.name, l.written, l.value.value, l.value.approx);
  if (r.result.kind === 'scalar') add('value', '\\text{value}', r.result.written, r.result.value.value, r.result.value.approx);
  else {
    const label = r.result.label;
    r.result.entries.forEach((x, j) => add(`${label}_${j + 1}`, `\\text{entry ${j + 1}}`, x.written, x.value.value, x.value.approx));
  }
  const caption = r.lets.length > 0 ? 'Intermediates, in order, then the value' : `${r.result.kind === 'vector' ? r.result.label : text}, entry by entry`;
  const paragraphs: FindingParagraph[] = [{ kind: 'table', caption, columns: ['name', 'definition', 'value', 'decimal'], rows, values, latexRows }];
  return { title: 'Evaluated on the data', paragraphs, status: 'holds', summary: 'Computed exactly where the data are exact; each decimal from the same expression in double precision.' };
}

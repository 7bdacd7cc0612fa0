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
import type { FindingParagraph, FindingReport } from '../finite/finding-report.js';
import type { DataEvaluation } from './data-values.js';

const decimal = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : 'not a number');

export function dataFinding(text: string, r: DataEvaluation): FindingReport {
  const paragraphs: FindingParagraph[] = [];
  const rows = r.lets.map((l) => [l.name, toPlain(l.definition), toPlain(l.value.value), decimal(l.value.approx)]);
  const values = r.lets.map((l) => [NaN, NaN, NaN, l.value.approx]);
  if (r.result.kind === 'scalar') {
    rows.push(['value', toPlain(r.result.expr), toPlain(r.result.value.value), decimal(r.result.value.approx)]);
    values.push([NaN, NaN, NaN, r.result.value.approx]);
  } else {
    r.result.entries.forEach((x, j) => {
      rows.push([`${r.result.kind === 'vector' ? r.result.label : text}_${j + 1}`, toPlain(x.expr), toPlain(x.value.value), decimal(x.value.approx)]);
      values.push([NaN, NaN, NaN, x.value.approx]);
    });
  }
  paragraphs.push({ kind: 'table', caption: r.lets.length > 0 ? 'Intermediates, in order, then the value' : 'The entries', columns: ['name', 'definition', 'value', 'decimal'], rows, values });
  return { title: `The value of ${text} on the data`, paragraphs, status: 'holds', summary: 'Computed exactly where the data are exact; each decimal from the same expression in double precision.' };
}

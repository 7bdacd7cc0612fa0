/**
 * The text `gradtex train` prints: one line per epoch as it finishes, the
 * search table and the final test line. Columns are fixed-width so the
 * output lines up in a terminal and diffs cleanly in a log.
 *
 *     io.stdout(epochLine(record));
 */
import type { Report, Table } from '../../train/report/report-model.js';
import { num, percent } from '../../train/report/training-report.js';
import type { SearchResult } from '../../train/search.js';
import type { EpochRecord, Hyperparameters } from '../../train/train-loop.js';

export function hyperparameterText(hp: Hyperparameters): string {
  return `lr ${num(hp.lr)}, batch ${hp.batch}, epochs ${hp.epochs}, α ${num(hp.alpha)}`;
}

export const EPOCH_HEADER = 'epoch  train loss  val loss  val acc    time\n';

export function epochLine(r: EpochRecord): string {
  return `${String(r.epoch).padStart(5)}  ${num(r.trainLoss).padStart(10)}  ${num(r.validation?.loss).padStart(8)}  ${percent(r.validation?.accuracy).padStart(7)}  ${r.seconds.toFixed(2).padStart(5)}s\n`;
}

export function searchText(search: SearchResult): string {
  const head = `${'lr'.padStart(6)} ${'batch'.padStart(5)} ${'epochs'.padStart(6)} ${'α'.padStart(7)}  ${'val loss'.padStart(8)}  ${'val acc'.padStart(7)}\n`;
  const rows = search.rows.map((r, i) => {
    const loss = r.status === 'diverged' ? 'diverged' : num(r.validation?.loss);
    const mark = i === search.best ? '  <- chosen' : '';
    return `${num(r.hp.lr).padStart(6)} ${String(r.hp.batch).padStart(5)} ${String(r.hp.epochs).padStart(6)} ${num(r.hp.alpha).padStart(7)}  ${loss.padStart(8)}  ${percent(r.validation?.accuracy).padStart(7)}${mark}\n`;
  });
  return head + rows.join('');
}

/** A report table as aligned text columns under its caption. */
export function tableToText(table: Table): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, j) => Math.max(...all.map((r) => [...(r[j] ?? '')].length)));
  const line = (r: readonly string[]): string => r.map((c, j) => c.padStart(widths[j] ?? 0)).join('  ').trimEnd();
  return `${table.caption}\n${all.map(line).join('\n')}\n`;
}

/** A report as text: headings, paragraphs and tables (plots are left to the report files). */
export function reportToText(report: Report): string {
  const parts = [report.title, '='.repeat([...report.title].length)];
  for (const s of report.sections) {
    parts.push('', ...s.paragraphs.flatMap((p) => [p, '']));
    for (const t of s.tables) parts.push(tableToText(t));
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

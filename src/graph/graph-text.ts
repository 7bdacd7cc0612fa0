/**
 * `gradtex graph` as text: the tables as aligned columns, then the sentence
 * saying what was checked.
 *
 *     graphText(report)   // 'f_1 = …\n\nNodes: forward pass at w_1 = 2, w_2 = 1\nnode  operation …'
 */
import { toPlain } from '../expr/to-plain.js';
import type { GraphReport } from './graph-report.js';
import { checkSentence, graphTables, type GraphTable } from './graph-tables.js';

function tableText(t: GraphTable): string {
  const all = [t.columns, ...t.rows].map((r) => r.map((c) => c.plain));
  const widths = t.columns.map((_, j) => Math.max(...all.map((r) => [...(r[j] ?? '')].length)));
  const line = (r: readonly string[]): string => r.map((c, j) => c + ' '.repeat((widths[j] ?? 0) - [...c].length)).join('  ').trimEnd();
  return `${t.caption}\n${all.map(line).join('\n')}\n`;
}

export function graphText(report: GraphReport): string {
  const outputs = report.definitions.map((d) => `${toPlain(d.name)} = ${toPlain(d.expr)}`);
  return [outputs.join('\n') + '\n', ...graphTables(report).map(tableText), checkSentence(report) + '\n'].join('\n');
}

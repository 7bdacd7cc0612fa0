/**
 * What each node of the drawn graph says (its name and operation, then its
 * value) and where it goes (dagre's layout), shared by the TikZ and the SVG
 * drawings.
 *
 *     drawGraph(report).nodes[2].plain   // ['v_1 = w_1^2', '4']
 */
import { formatNumber } from '../numeric/format-number.js';
import { toLatex, toPlain } from '../render/index.js';
import type { GraphReport } from './graph-report.js';
import { numberCell } from './graph-tables.js';
import { layoutGraph, type Layout } from './layout.js';

export interface NodeLabel {
  readonly id: number;
  /** Two lines of plain text: "v_3 = log(v_2)" and "1.609". */
  readonly plain: readonly [string, string];
  /** The same two lines as math-mode LaTeX. */
  readonly latex: readonly [string, string];
  readonly isInput: boolean;
  readonly isOutput: boolean;
}

export interface Drawing {
  readonly labels: readonly NodeLabel[];
  readonly layout: Layout;
}

/** Digits shown inside a node (the tables carry the full values). */
const NODE_DIGITS = 5;

export function drawGraph(report: GraphReport): Drawing {
  const outputs = new Set(report.graph.outputs.map((o) => o.node));
  const labels: NodeLabel[] = report.nodes.map((n) => {
    const leaf = n.op === 'input' || n.op === 'const';
    const plain = leaf ? toPlain(n.name) : `${toPlain(n.name)} = ${toPlain(n.operation)}`;
    const latex = leaf ? toLatex(n.name) : `${toLatex(n.name)} = ${toLatex(n.operation)}`;
    return { id: n.id, plain: [plain, formatNumber(n.value, NODE_DIGITS)], latex: [latex, numberCell(n.value, NODE_DIGITS).latex], isInput: n.op === 'input', isOutput: outputs.has(n.id) };
  });
  const edges = report.nodes.flatMap((n) => n.inputs.map((i) => [i, n.id] as const));
  const layout = layoutGraph(
    labels.map((l) => ({ id: l.id, chars: Math.max(...l.plain.map((s) => [...s].length)), lines: 2 })),
    edges,
  );
  return { labels, layout };
}

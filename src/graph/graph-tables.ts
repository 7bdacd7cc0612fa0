/**
 * The tables of a graph report, once for every format: each cell holds its
 * plain text and its LaTeX (math mode), so the text, LaTeX and HTML outputs
 * show the same rows.
 *
 *     graphTables(report)[0].caption   // 'Nodes: forward pass at w_1 = 2, w_2 = 1'
 */
import type { Expr } from '../expr/node.js';
import { sym } from '../expr/build.js';
import { formatNumber } from '../numeric/format-number.js';
import { toLatex, toPlain } from '../render/index.js';
import { escapeLatexText } from '../render/escape.js';
import type { GraphReport } from './graph-report.js';
import type { Checked } from './check-sweeps.js';

export interface Cell {
  readonly plain: string;
  /** Math-mode LaTeX. */
  readonly latex: string;
}

export interface GraphTable {
  readonly caption: string;
  /** The caption as text-mode LaTeX. */
  readonly captionLatex: string;
  readonly columns: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Significant digits of the decimal columns. */
const DIGITS = 10;

export function textCell(s: string): Cell {
  return { plain: s, latex: `\\text{${escapeLatexText(s)}}` };
}

export function exprCell(e: Expr): Cell {
  return { plain: toPlain(e), latex: toLatex(e) };
}

export function numberCell(x: number, digits = DIGITS): Cell {
  const s = formatNumber(x, digits);
  const m = /^(-?[\d.]+)e([-+]\d+)$/.exec(s);
  const latex = m === null ? s : `${m[1] ?? ''} \\times 10^{${Number(m[2])}}`;
  return { plain: s, latex: Number.isFinite(x) ? latex : `\\text{${s}}` };
}

function joinCells(cells: readonly Cell[], sep: string): Cell {
  return { plain: cells.map((c) => c.plain).join(sep), latex: cells.map((c) => c.latex).join(sep) };
}

function partialCell(top: Cell | undefined, bottom: Cell | undefined): Cell {
  const t = top ?? { plain: '·', latex: '\\cdot' };
  const b = bottom ?? { plain: '·', latex: '\\cdot' };
  return { plain: `∂${t.plain}/∂${b.plain}`, latex: `\\partial ${t.latex} / \\partial ${b.latex}` };
}

const checkCell = (ok: boolean): Cell => textCell(ok ? 'agrees' : 'DIFFERS');

/** A row of checks: DIFFERS if one differs, agrees if all agree, "not differentiable" at a kink, otherwise not checked. */
function rowCheck(checks: readonly Checked[]): Cell {
  if (checks.includes(false)) return checkCell(false);
  if (checks.includes('not-differentiable')) return textCell('not differentiable at the point');
  return checks.every((c) => c === true) ? checkCell(true) : textCell('not checked (too large)');
}

export function pointText(report: GraphReport): string {
  return report.inputNames.map((n, j) => `${toPlain(n)} = ${formatNumber(report.nodes[report.graph.inputs[j] ?? 0]?.value ?? NaN, DIGITS)}`).join(', ');
}

export function pointLatex(report: GraphReport): string {
  return report.inputNames.map((n, j) => `${toLatex(n)} = ${numberCell(report.nodes[report.graph.inputs[j] ?? 0]?.value ?? NaN).latex}`).join(',\\ ');
}

export function graphTables(report: GraphReport): GraphTable[] {
  const name = (id: number): Cell => exprCell(report.nodes[id]?.name ?? sym('?'));
  const inputs = report.inputNames.map(exprCell);
  const outputs = report.outputNames.map(exprCell);

  const nodeTable: GraphTable = {
    caption: `Nodes: forward pass at ${pointText(report)}`,
    captionLatex: `Nodes: forward pass at $${pointLatex(report)}$`,
    columns: ['node', 'operation', 'inputs', 'computes', 'exact value', 'decimal', 'check'].map(textCell),
    rows: report.nodes.map((n) => [
      joinCells([n.name, ...n.aliases].map(exprCell), ' = '),
      textCell(n.op),
      n.inputs.length === 0 ? textCell('–') : joinCells(n.inputs.map(name), ', '),
      n.op === 'input' || n.op === 'const' ? textCell('–') : exprCell(n.operation),
      n.exact === undefined ? textCell('(not exact)') : exprCell(n.exact),
      numberCell(n.value),
      n.checked ? checkCell(n.agrees) : textCell('not checked (too large)'),
    ]),
  };
  const forwardTable: GraphTable = {
    caption: 'Forward mode: tangent of each node along each input direction (∂node/∂input)',
    captionLatex: 'Forward mode: tangent of each node along each input direction ($\\partial\\,\\text{node}/\\partial\\,\\text{input}$)',
    columns: [textCell('node'), ...inputs.map((c) => partialCell(undefined, c)), textCell('check')],
    rows: report.nodes.map((n) => [name(n.id), ...report.tangents.map((t) => numberCell(t[n.id] ?? NaN)), rowCheck(report.tangentsAgree.map((row) => row[n.id]))]),
  };
  const reverseTable: GraphTable = {
    caption: 'Reverse mode: adjoint of each node for each output (∂output/∂node)',
    captionLatex: 'Reverse mode: adjoint of each node for each output ($\\partial\\,\\text{output}/\\partial\\,\\text{node}$)',
    columns: [textCell('node'), ...outputs.map((c) => partialCell(c, undefined)), textCell('check')],
    rows: report.nodes.map((n) => [name(n.id), ...report.adjoints.map((a) => numberCell(a[n.id] ?? NaN)), rowCheck(report.adjointsAgree.map((row) => row[n.id]))]),
  };
  const jacobianTable: GraphTable = {
    caption: 'Jacobian (rows: outputs, columns: inputs), exact where the point is exact',
    captionLatex: 'Jacobian (rows: outputs, columns: inputs), exact where the point is exact',
    columns: [textCell(''), ...inputs],
    rows: report.jacobian.map((row, o) => [
      outputs[o] ?? textCell('?'),
      ...row.map((e) => {
        if (e.status === 'unchecked') return { plain: `${numberCell(e.forward).plain} (not checked)`, latex: `${numberCell(e.forward).latex}\\ \\text{(not checked)}` };
        if (e.status === 'not-differentiable' || e.status === 'not-finite' || e.symbolic === undefined) return textCell(e.status === 'not-finite' ? 'not finite' : 'no value');
        const exact = e.symbolic.exact;
        const decimal = numberCell(e.symbolic.decimal);
        return exact === undefined || exact.kind === 'num' ? decimal : { plain: `${toPlain(exact)} ≈ ${decimal.plain}`, latex: `${toLatex(exact)} \\approx ${decimal.latex}` };
      }),
    ]),
  };
  const entries = report.jacobian.flatMap((row, o) => row.map((e, j) => ({ e, label: partialCell(outputs[o], inputs[j]) })));
  const checkTable: GraphTable = {
    caption: "Check: each Jacobian entry from both sweeps against the engine's symbolic derivative (gradtex diff) at the point",
    captionLatex: "Check: each Jacobian entry from both sweeps against the engine's symbolic derivative (\\texttt{gradtex diff}) at the point",
    columns: ['entry', 'forward mode', 'reverse mode', 'symbolic derivative', 'its value', 'check'].map(textCell),
    rows: entries.map(({ e, label }) => [
      label,
      numberCell(e.forward),
      numberCell(e.reverse),
      e.derivative === undefined ? textCell('–') : exprCell(e.derivative),
      e.symbolic === undefined ? textCell('–') : numberCell(e.symbolic.decimal),
      e.status === 'agrees' ? checkCell(true) : e.status === 'differs' && e.note === undefined ? checkCell(false) : textCell(e.note ?? e.status),
    ]),
  };
  const fd = report.finiteDifference;
  const fdTable: GraphTable = {
    caption: `Finite differences: ${fd.scheme}, step ${formatNumber(fd.step, DIGITS)}, next to the exact Jacobian`,
    captionLatex: `Finite differences: ${fd.scheme}, step $${numberCell(fd.step).latex}$, next to the exact Jacobian`,
    columns: ['entry', `${fd.scheme} difference`, 'exact', 'error'].map(textCell),
    rows: entries.map(({ e, label }) => [label, numberCell(e.finiteDifference), e.symbolic === undefined || e.status !== 'agrees' ? textCell('–') : numberCell(e.symbolic.decimal), e.symbolic === undefined || e.status !== 'agrees' ? textCell('–') : numberCell(e.error, 4)]),
  };
  return [nodeTable, forwardTable, reverseTable, jacobianTable, checkTable, fdTable];
}

/** The sentence that says what was checked, and how it came out. */
export function checkSentence(report: GraphReport): string {
  const what =
    "Checked independently, to 1e-9: each node's decimal value against the exact value of its whole expression at the point; each tangent against the engine's symbolic derivative of the node (the gradtex diff machinery) at the point; each adjoint against the symbolic derivative of the output with that node as a variable; and each Jacobian entry from both sweeps against the symbolic derivative of the output at the point";
  if (report.status === 'agrees') return `${what}: all agree.`;
  if (report.status === 'differs') return `${what}: SOME DIFFER (marked DIFFERS above).`;
  return `${what}: where the tables say so, no value is claimed (not differentiable, or not finite, at the point) or nothing was checked (too large); the rest agree.`;
}

/**
 * `gradtex graph --format json`: the graph and every table as data (numbers
 * as JSON numbers, expressions in plain syntax and LaTeX), with the layout.
 *
 *     JSON.parse(graphJson(report, layout)).jacobian[0][0].forward   // 3.518…
 */
import type { Expr } from '../expr/node.js';
import { toLatex, toPlain } from '../render/index.js';
import type { GraphReport } from './graph-report.js';
import type { Layout } from './layout.js';

const expr = (e: Expr | undefined): { plain: string; latex: string } | null => (e === undefined ? null : { plain: toPlain(e), latex: toLatex(e) });
/** JSON has no NaN or Infinity: such a number is written as null. */
const n = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

export function graphJson(report: GraphReport, layout: Layout): string {
  const data = {
    inputs: report.inputNames.map((e, j) => ({ name: toPlain(e), node: report.graph.inputs[j] })),
    definitions: report.definitions.map((d) => ({ name: toPlain(d.name), expr: expr(d.expr) })),
    outputs: report.graph.outputs.map((o) => ({ name: toPlain(o.name), node: o.node })),
    nodes: report.nodes.map((r) => ({
      id: r.id,
      name: toPlain(r.name),
      aliases: r.aliases.map(toPlain),
      op: r.op,
      inputs: r.inputs,
      computes: expr(r.operation),
      exact: expr(r.exact),
      value: n(r.value),
      check: n(r.check),
      checked: r.checked,
      agrees: r.agrees,
      position: layout.nodes.find((p) => p.id === r.id) ?? null,
    })),
    forwardMode: report.inputNames.map((e, j) => ({ input: toPlain(e), tangents: (report.tangents[j] ?? []).map(n), agrees: report.tangentsAgree[j] ?? [] })),
    reverseMode: report.outputNames.map((e, o) => ({ output: toPlain(e), adjoints: (report.adjoints[o] ?? []).map(n), agrees: report.adjointsAgree[o] ?? [] })),
    jacobian: report.jacobian.map((row) =>
      row.map((e) => ({
        status: e.status,
        note: e.note ?? null,
        forward: n(e.forward),
        reverse: n(e.reverse),
        derivative: expr(e.derivative),
        exact: expr(e.symbolic?.exact),
        value: n(e.symbolic?.decimal),
        agrees: e.agrees,
        finiteDifference: n(e.finiteDifference),
        error: n(e.error),
      })),
    ),
    finiteDifference: report.finiteDifference,
    checked: "node values against the exact value of each node's expression at the point; tangents against the symbolic derivative of each node; adjoints against the symbolic derivative of the output through each node as a variable; Jacobian entries (forward and reverse mode) against the engine's symbolic derivative evaluated at the point; tolerance 1e-9 relative",
    allAgree: report.allAgree,
    status: report.status,
  };
  return JSON.stringify(data, null, 2) + '\n';
}

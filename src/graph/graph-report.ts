/**
 * Everything `gradtex graph` prints, computed once as plain data: the node
 * table with exact and decimal forward values, the forward-mode and
 * reverse-mode tables, the Jacobian, finite differences, and the independent
 * checks: each node's decimal value against its exact value (the node's whole
 * expression simplified at the point), each Jacobian entry of both sweeps
 * against the engine's symbolic derivative of the output evaluated at the point.
 *
 *     graphReport(engine, readDefinitions('f = x*y'), parsePoint(['x=2,y=3']), { step: 0.001, scheme: 'central' })
 */
import type { Expr, Sym } from '../expr/node.js';
import { sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { substitute } from '../expr/substitute.js';
import { differentiate } from '../derive/differentiate.js';
import { checkDefinedAt, evaluateAt } from '../derive/evaluate-at.js';
import { kinkAt } from '../derive/kinks.js';
import { PointError, type Point } from '../derive/point.js';
import { toPlain } from '../expr/to-plain.js';
import { evaluate } from '../numeric/evaluate.js';
import type { Engine } from '../rewrite/engine.js';
import { buildGraph, GraphError, placeholder, type Graph } from './build-graph.js';
import type { Definitions } from './definitions.js';
import { agree } from './agree.js';
import { checkAdjoints, checkTangents, type Checked } from './check-sweeps.js';
import { finiteDifferences, forwardTangents, forwardValues, localPartials, prepareGraph, reverseAdjoints, type DifferenceScheme } from './differentiate-graph.js';

/** A value printed both ways: exact (when the point is exact) and in double precision. */
export interface Value {
  readonly exact: Expr | undefined;
  readonly decimal: number;
}

export interface NodeRow {
  readonly id: number;
  readonly name: Expr;
  readonly aliases: readonly Expr[];
  readonly op: string;
  readonly inputs: readonly number[];
  /** The operation written on the input nodes' names: v_3 = ln(v_2). */
  readonly operation: Expr;
  /** The graph's forward pass in doubles, and the exact value of the node's expression at the point. */
  readonly value: number;
  readonly exact: Expr | undefined;
  /** The exact value's own decimal (from the node's whole expression, not from the graph). */
  readonly check: number;
  /** False when the node's expression is too large for exact evaluation (see SYMBOLIC_LIMIT). */
  readonly checked: boolean;
  readonly agrees: boolean;
}

/**
 * How a Jacobian entry came out: both sweeps agree with the symbolic value; one differs;
 * or no value is claimed, because the output is not differentiable there (a kink, with
 * its one-sided derivatives) or the derivative is not a finite number.
 */
export type EntryStatus = 'agrees' | 'differs' | 'not-differentiable' | 'not-finite' | 'unchecked';

export interface JacobianEntry {
  readonly status: EntryStatus;
  /** Why no value is claimed (the kink statement), for the statuses that are not a comparison. */
  readonly note?: string;
  readonly forward: number;
  readonly reverse: number;
  /** The engine's derivative ∂output/∂input, and its value at the point. */
  readonly derivative: Expr | undefined;
  readonly symbolic: Value | undefined;
  readonly agrees: boolean;
  readonly finiteDifference: number;
  /** finiteDifference − the symbolic value; NaN where there is none. */
  readonly error: number;
}

export interface GraphReport {
  readonly graph: Graph;
  /** The definitions as written (a = x*y + z, …), for the heading of every format. */
  readonly definitions: Definitions['definitions'];
  readonly nodes: readonly NodeRow[];
  readonly inputNames: readonly Expr[];
  readonly outputNames: readonly Expr[];
  /** [input j][node]: ∂node/∂input_j. */
  readonly tangents: readonly (readonly number[])[];
  /** [output o][node]: ∂output_o/∂node. */
  readonly adjoints: readonly (readonly number[])[];
  /** [input j][node] and [output o][node]: each sweep entry against its own symbolic derivative (check-sweeps.ts). */
  readonly tangentsAgree: readonly (readonly Checked[])[];
  readonly adjointsAgree: readonly (readonly Checked[])[];
  /** [output][input]. */
  readonly jacobian: readonly (readonly JacobianEntry[])[];
  readonly finiteDifference: { readonly scheme: DifferenceScheme; readonly step: number };
  readonly allAgree: boolean;
  /** agrees: everything checked agrees; differs: something disagrees (exit 1); undecided: an entry has no value (exit 3). */
  readonly status: 'agrees' | 'differs' | 'undecided';
}

export interface GraphOptions {
  readonly step: number;
  readonly scheme: DifferenceScheme;
  readonly allowed?: ReadonlySet<string>;
}


/**
 * The symbolic checks work on each node's expression written out as a tree,
 * which can be exponentially larger than the graph (a_{k+1} = sin(a_k · a_k));
 * above this many tree nodes a node is not checked symbolically, and says so.
 */
export const SYMBOLIC_LIMIT = 400;

/** Tree size of every node's expression, from the graph (capped, so a huge one stays a finite number). */
function treeSizes(graph: Graph): number[] {
  const sizes: number[] = [];
  for (const n of graph.nodes) sizes.push(Math.min(1e12, n.inputs.reduce((acc, i) => acc + (sizes[i] ?? 0), 1)));
  return sizes;
}

/** The first node whose forward value is not a finite number, as a PointError naming it and its inputs. */
function checkGraphDefined(graph: Graph, values: readonly number[]): void {
  const bad = graph.nodes.find((n) => !Number.isFinite(values[n.id] ?? NaN));
  if (bad === undefined) return;
  const ins = bad.inputs.map((i) => `${toPlain(graph.nodes[i]?.name ?? sym('?'))} = ${values[i]}`).join(', ');
  const names = new Map(bad.inputs.map((i, k) => [symKey(placeholder(k)), graph.nodes[i]?.name ?? sym('?')] as const));
  const at = graph.inputs.map((i) => `${toPlain(graph.nodes[i]?.name ?? sym('?'))} = ${values[i]}`).join(', ');
  throw new PointError(`--at ${at}: the node ${toPlain(bad.name)} = ${toPlain(substitute(bad.local, names))} is not a finite number${ins === '' ? '' : ` (${ins})`}: the point is outside the domain`);
}

function valueAt(engine: Engine, e: Expr, point: Point): Value {
  const v = evaluateAt(engine, e, point.values);
  return { exact: v.exact ? v.value : undefined, decimal: v.approx };
}

export function graphReport(engine: Engine, defs: Definitions, point: Point, opts: GraphOptions): GraphReport {
  const graph = buildGraph(defs, opts.allowed);
  const missing = graph.inputs.map((id) => graph.nodes[id]?.name).filter((s): s is Sym => s?.kind === 'sym' && s.name !== 'pi' && !point.values.has(symKey(s)));
  if (missing.length > 0) throw new GraphError(`no value for ${missing.map(symKey).join(', ')}: add --at ${missing.map((s) => `${symKey(s)}=…`).join(',')}`);
  const sizes = treeSizes(graph);
  const small = (id: number): boolean => (sizes[id] ?? Infinity) <= SYMBOLIC_LIMIT;
  for (const o of graph.outputs) if (small(o.node)) checkDefinedAt(graph.nodes[o.node]?.expr as Expr, point.values, `${symKey(o.name)} = `);

  const inputSyms = graph.inputs.map((id) => graph.nodes[id]?.name as Sym);
  const at = inputSyms.map((s) => evaluate(point.values.get(symKey(s)) ?? s, new Map()));
  const ad = prepareGraph(engine, graph);
  const values = forwardValues(ad, at);
  checkGraphDefined(graph, values);
  const local = localPartials(ad, values);
  const tangents = forwardTangents(ad, local);
  const adjoints = reverseAdjoints(ad, local);
  const fd = finiteDifferences(ad, at, opts.step, opts.scheme);

  const nodes: NodeRow[] = graph.nodes.map((n) => {
    const names = new Map(n.inputs.map((i, k) => [symKey(placeholder(k)), graph.nodes[i]?.name ?? sym('?')] as const));
    const checked = small(n.id);
    const exact = checked ? valueAt(engine, n.expr, point) : { exact: undefined, decimal: NaN };
    const value = values[n.id] as number;
    return { id: n.id, name: n.name, aliases: n.aliases, op: n.op, inputs: n.inputs, operation: substitute(n.local, names), value, exact: exact.exact, check: exact.decimal, checked, agrees: checked && agree(value, exact.decimal) };
  });

  const jacobian = graph.outputs.map((out, o) =>
    graph.inputs.map((inputId, j) => {
      const forward = tangents[j]?.[out.node] as number;
      const reverse = adjoints[o]?.[inputId] as number;
      const finiteDifference = fd[o]?.[j] as number;
      if (!small(out.node)) {
        const note = `not checked: the output written out has about ${sizes[out.node]} nodes, more than the ${SYMBOLIC_LIMIT} the symbolic check takes`;
        return { status: 'unchecked' as const, note, forward, reverse, derivative: undefined, symbolic: undefined, agrees: false, finiteDifference, error: NaN };
      }
      const d = differentiate(engine, graph.nodes[out.node]?.expr as Expr, [inputSyms[j] as Sym]);
      const finished = d.stop === 'normal-form';
      const outputExpr = graph.nodes[out.node]?.expr as Expr;
      // At a kink (relu, |x|, max at a tie) the rules' formula step(0) = 1/2 means nothing: the
      // function table's branches decide whether a derivative exists, and which.
      const kink = finished ? kinkAt(engine, outputExpr, [inputSyms[j] as Sym], d.result, point.values) : undefined;
      const symbolic = !finished || kink?.kind === 'not-differentiable' ? undefined : kink?.kind === 'differentiable' ? { exact: kink.value.exact ? kink.value.value : undefined, decimal: kink.value.approx } : valueAt(engine, d.result, point);
      const finite = symbolic !== undefined && [forward, reverse, symbolic.decimal].every(Number.isFinite);
      const status: EntryStatus =
        kink?.kind === 'not-differentiable' ? 'not-differentiable' : symbolic === undefined ? 'unchecked' : !finite ? 'not-finite' : agree(forward, symbolic.decimal) && agree(reverse, symbolic.decimal) ? 'agrees' : 'differs';
      const note = kink?.kind === 'not-differentiable' ? kink.statement : status === 'not-finite' ? 'the derivative is not a finite number at the point' : !finished ? `the symbolic derivative did not finish (${d.stop})` : undefined;
      return {
        status,
        ...(note === undefined ? {} : { note }),
        forward,
        reverse,
        derivative: finished ? d.result : undefined,
        symbolic,
        agrees: status === 'agrees',
        finiteDifference,
        error: symbolic === undefined ? NaN : finiteDifference - symbolic.decimal,
      };
    }),
  );
  const tangentsAgree = checkTangents(engine, graph, point.values, tangents, small);
  const adjointsAgree = checkAdjoints(engine, graph, point.values, values, adjoints, small);
  const sweeps = [...tangentsAgree, ...adjointsAgree].flat();
  const allAgree = sweeps.every((c) => c === true) && nodes.every((n) => n.agrees) && jacobian.every((row) => row.every((e) => e.agrees));
  const differs = sweeps.includes(false) || nodes.some((n) => n.checked && !n.agrees) || jacobian.flat().some((e) => e.status === 'differs');
  const status = differs ? 'differs' : allAgree ? 'agrees' : 'undecided';
  return {
    graph,
    definitions: defs.definitions,
    nodes,
    inputNames: inputSyms,
    outputNames: graph.outputs.map((o) => o.name),
    tangents,
    adjoints,
    tangentsAgree,
    adjointsAgree,
    jacobian,
    finiteDifference: { scheme: opts.scheme, step: opts.step },
    allAgree,
    status,
  };
}

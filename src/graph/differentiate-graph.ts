/**
 * Automatic differentiation on the graph in doubles: the forward pass, the
 * local partial derivatives of each node (the engine's rules applied to the
 * node's own operation, e.g. ∂ ln(in_0)/∂in_0 = 1/in_0), forward mode (one
 * tangent sweep per input direction) and reverse mode (one adjoint sweep per
 * output). Finite differences rerun the forward pass at moved points.
 *
 *     const ad = prepareGraph(engine, graph);
 *     forwardValues(ad, [2, 1])             // every node's value at w = (2, 1)
 */
import type { Expr, Sym } from '../expr/node.js';
import { differentiate } from '../derive/differentiate.js';
import { compile, type Compiled } from '../numeric/evaluate.js';
import type { Engine } from '../rewrite/engine.js';
import { toPlain } from '../expr/to-plain.js';
import { some } from '../expr/traverse.js';
import { GraphError, placeholder, type Graph } from './build-graph.js';

export interface PreparedGraph {
  readonly graph: Graph;
  /** Per node: its operation compiled over its placeholders. */
  readonly operations: readonly Compiled[];
  /** Per node, per input slot: ∂(operation)/∂in_k as an expression and compiled. */
  readonly partials: readonly (readonly { readonly expr: Expr; readonly at: Compiled }[])[];
}

export function prepareGraph(engine: Engine, graph: Graph): PreparedGraph {
  const operations: Compiled[] = [];
  const partials: { expr: Expr; at: Compiled }[][] = [];
  for (const n of graph.nodes) {
    const slots: Sym[] = n.inputs.map((_, k) => placeholder(k));
    operations.push(n.op === 'input' ? () => NaN : compile(n.local, slots));
    partials.push(
      slots.map((s) => {
        const d = differentiate(engine, n.local, [s]).result;
        if (some(d, (x) => x.kind === 'deriv')) throw new GraphError(`no rule gives the derivative of the node ${toPlain(n.local)}`);
        return { expr: d, at: compile(d, slots) };
      }),
    );
  }
  return { graph, operations, partials };
}

/** The value of every node, given the input values in the order of `graph.inputs`. */
export function forwardValues(ad: PreparedGraph, inputValues: readonly number[]): number[] {
  const values: number[] = [];
  const inputSlot = new Map(ad.graph.inputs.map((id, j) => [id, j] as const));
  for (const n of ad.graph.nodes) {
    const j = inputSlot.get(n.id);
    const args = n.inputs.map((i) => values[i] as number);
    values.push(j !== undefined ? (inputValues[j] as number) : (ad.operations[n.id] as Compiled)(args));
  }
  return values;
}

/** ∂node/∂(its k-th input) at the forward values: [node][k]. */
export function localPartials(ad: PreparedGraph, values: readonly number[]): number[][] {
  return ad.graph.nodes.map((n) => {
    const args = n.inputs.map((i) => values[i] as number);
    return (ad.partials[n.id] ?? []).map((p) => p.at(args));
  });
}

/** Forward mode: tangents[j][node] = ∂node/∂(input j), one sweep per input direction. */
export function forwardTangents(ad: PreparedGraph, local: readonly (readonly number[])[]): number[][] {
  return ad.graph.inputs.map((seed) => {
    const t: number[] = [];
    for (const n of ad.graph.nodes) {
      let s = n.id === seed ? 1 : 0;
      // A zero tangent contributes nothing, even where the local partial is not finite
      // (∂(x^y)/∂y = x^y ln x at x = 0 must not spoil the direction x with 0·NaN).
      n.inputs.forEach((i, k) => {
        if (t[i] !== 0) s += (local[n.id]?.[k] as number) * (t[i] as number);
      });
      t.push(s);
    }
    return t;
  });
}

/** Reverse mode: adjoints[o][node] = ∂(output o)/∂node, one backward sweep per output. */
export function reverseAdjoints(ad: PreparedGraph, local: readonly (readonly number[])[]): number[][] {
  return ad.graph.outputs.map((out) => {
    const a = ad.graph.nodes.map(() => 0);
    a[out.node] = 1;
    for (let id = ad.graph.nodes.length - 1; id >= 0; id--) {
      const n = ad.graph.nodes[id];
      if (n === undefined) continue;
      const bar = a[id] as number;
      if (bar === 0) continue; // as in forward mode: no 0·NaN from a node the output does not depend on
      n.inputs.forEach((i, k) => (a[i] = (a[i] as number) + bar * (local[id]?.[k] as number)));
    }
    return a;
  });
}

export type DifferenceScheme = 'forward' | 'central';

/** Finite-difference Jacobian [output][input] with step h: forward (f(x+h) − f(x))/h or central (f(x+h) − f(x−h))/2h. */
export function finiteDifferences(ad: PreparedGraph, at: readonly number[], h: number, scheme: DifferenceScheme): number[][] {
  const outputsAt = (x: readonly number[]): number[] => {
    const v = forwardValues(ad, x);
    return ad.graph.outputs.map((o) => v[o.node] as number);
  };
  const moved = (j: number, by: number): number[] => at.map((x, i) => (i === j ? x + by : x));
  const base = outputsAt(at);
  const columns = at.map((_, j) => {
    const up = outputsAt(moved(j, h));
    if (scheme === 'forward') return up.map((u, o) => (u - (base[o] as number)) / h);
    const down = outputsAt(moved(j, -h));
    return up.map((u, o) => (u - (down[o] as number)) / (2 * h));
  });
  return ad.graph.outputs.map((_, o) => columns.map((c) => c[o] as number));
}

/**
 * Independent checks of the forward- and reverse-mode tables, entry by entry:
 * a tangent ∂node/∂input is the engine's symbolic derivative of the node's
 * whole expression, evaluated at the point; an adjoint ∂output/∂node is the
 * symbolic derivative of the output rebuilt with that node as a fresh
 * variable (its descendants recomputed from it, every other node as its
 * expression), evaluated at the node's value. Neither goes through the
 * graph's local partials.
 *
 *     checkTangents(engine, graph, values, tangents)   // [input][node]: true where the entry agrees
 */
import { float, num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { substitute } from '../expr/substitute.js';
import { differentiate } from '../derive/differentiate.js';
import { kinkAt } from '../derive/kinks.js';
import { evaluate } from '../numeric/evaluate.js';
import type { Engine } from '../rewrite/engine.js';
import { placeholder, type Graph } from './build-graph.js';
import { agree } from './agree.js';

/**
 * An entry agrees (true), differs (false), has no value to agree with (the
 * node is not differentiable at the point: a kink of relu, |x|, max), or was
 * not checked (undefined: too large, or too many entries).
 */
export type Checked = boolean | 'not-differentiable' | undefined;

/** At most this many sweep entries are checked symbolically (each is one derivative). */
const MAX_CHECKED_ENTRIES = 2000;

/**
 * The derivative's value at the point, or NaN when it did not finish or has
 * no finite value. At a kink the rules' formula (step(0) = 1/2) means
 * nothing: the function table's branches decide whether a derivative exists.
 */
function derivativeAt(engine: Engine, e: Expr, wrt: Sym, values: ReadonlyMap<string, Expr>): number | 'not-differentiable' {
  const d = differentiate(engine, e, [wrt]);
  if (d.stop !== 'normal-form') return NaN;
  const kink = kinkAt(engine, e, [wrt], d.result, values);
  if (kink.kind === 'not-differentiable') return 'not-differentiable';
  if (kink.kind === 'differentiable') return kink.value.approx;
  try {
    return evaluate(substitute(d.result, values), new Map());
  } catch {
    return NaN;
  }
}

/** [input j][node]: does the forward-mode tangent agree with the symbolic derivative? */
export function checkTangents(engine: Engine, graph: Graph, point: ReadonlyMap<string, Expr>, tangents: readonly (readonly number[])[], small: (id: number) => boolean = () => true): Checked[][] {
  const affordable = graph.nodes.length * graph.inputs.length <= MAX_CHECKED_ENTRIES;
  return graph.inputs.map((inputId, j) => {
    const x = graph.nodes[inputId]?.name as Sym;
    return graph.nodes.map((n) => (affordable && small(n.id) ? agreeOrBothOff(tangents[j]?.[n.id] ?? NaN, derivativeAt(engine, n.expr, x, point)) : undefined));
  });
}

/** The output's expression with node `cut` replaced by the variable `nu` (and everything computed from it rebuilt). */
function exprThrough(graph: Graph, output: number, cut: number, nu: Sym): Expr {
  const memo = new Map<number, Expr>();
  const build = (id: number): Expr => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = graph.nodes[id];
    if (n === undefined) return nu;
    const e = id === cut ? nu : n.inputs.length === 0 ? n.expr : substitute(n.local, new Map(n.inputs.map((i, k) => [symKey(placeholder(k)), build(i)] as const)));
    memo.set(id, e);
    return e;
  };
  return build(output);
}

/** [output o][node]: does the reverse-mode adjoint agree with the symbolic derivative through that node? */
export function checkAdjoints(engine: Engine, graph: Graph, point: ReadonlyMap<string, Expr>, values: readonly number[], adjoints: readonly (readonly number[])[], small: (id: number) => boolean = () => true): Checked[][] {
  const affordable = graph.nodes.length * graph.outputs.length <= MAX_CHECKED_ENTRIES;
  // A name no input can spell: the parsers never make a symbol named with a space.
  const nu = sym('node value', [num(0)]);
  return graph.outputs.map((out, o) =>
    graph.nodes.map((n) => {
      // The output rebuilt through the node is no larger than the output itself.
      if (!affordable || !small(out.node)) return undefined;
      const through = exprThrough(graph, out.node, n.id, nu);
      const at = new Map(point);
      at.set(symKey(nu), float(values[n.id] ?? NaN));
      return agreeOrBothOff(adjoints[o]?.[n.id] ?? NaN, derivativeAt(engine, through, nu, at));
    }),
  );
}

/** Agreement, or both not finite (a derivative that does not exist there is not a disagreement of the sweep). */
function agreeOrBothOff(a: number, b: number | 'not-differentiable'): Checked {
  if (b === 'not-differentiable') return b;
  return Number.isFinite(a) && Number.isFinite(b) ? agree(a, b) : !Number.isFinite(a) && !Number.isFinite(b);
}

/**
 * Building the computation graph: each definition is decomposed into binary
 * (or unary) operations of the allowed kinds; equal operations on the same
 * input nodes are one node (so x + x reads x twice, and a reused definition
 * is one node). Node ids are a topological order: inputs come before the
 * nodes that read them.
 *
 *     buildGraph(readDefinitions('a = x*y + z; w = a*a'))   // x, y, v_1 = x*y, z, a = v_1 + z, w = a*a
 */
import { call, div, mul, neg, num, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { some, symbolsOf } from '../expr/traverse.js';
import { substitute } from '../expr/substitute.js';
import { toPlain } from '../expr/to-plain.js';
import { add } from '../expr/build.js';
import type { Definitions } from './definitions.js';

export interface GraphNode {
  readonly id: number;
  /** The name shown: an input's symbol, a definition's name, v_k, or a constant's value. */
  readonly name: Expr;
  /** Further definition names for the same node (b = a). */
  readonly aliases: readonly Sym[];
  /** 'input', 'const', '+', '-', '*', '/', 'neg', 'square', '^', or a function name. */
  readonly op: string;
  readonly inputs: readonly number[];
  /** The operation on the placeholders in_0, in_1, … (a constant exponent stays inside: x^3 is pow(in_0, 3)). */
  readonly local: Expr;
  /** What the node computes, in the graph's input variables. */
  readonly expr: Expr;
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  /** Ids of the input nodes, in order of first appearance. */
  readonly inputs: readonly number[];
  /** One per output definition: its name and node id. */
  readonly outputs: readonly { readonly name: Sym; readonly node: number }[];
}

/** A node kind the expression needs that `--ops` does not allow, or an expression that is not a graph. */
export class GraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphError';
  }
}

/** More nodes than this is refused: the tables and the drawing are meant to be read. */
export const MAX_NODES = 300;

/** The placeholder for a node's k-th input inside its local operation. */
export function placeholder(k: number): Sym {
  return sym('in', [num(k)]);
}

interface Draft {
  op: string;
  inputs: number[];
  local: Expr;
  expr: Expr;
  names: Sym[];
}

/** Names for unnamed nodes: v_k, or the first letter not already used by the input. */
function intermediateLetter(defs: Definitions): string {
  const taken = new Set<string>();
  for (const d of defs.definitions) {
    taken.add(d.name.name);
    for (const s of symbolsOf(d.expr)) taken.add(s.name);
  }
  return ['v', 'u', 't', 'h', 'q'].find((l) => !taken.has(l)) ?? 'node';
}

export function buildGraph(defs: Definitions, allowed?: ReadonlySet<string>): Graph {
  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  const defined = new Map<string, number>();
  const inputs: number[] = [];
  const ok = (op: string): boolean => allowed === undefined || allowed.has(op);

  const intern = (key: string, make: () => Draft): number => {
    const found = byKey.get(key);
    if (found !== undefined) return found;
    drafts.push(make());
    byKey.set(key, drafts.length - 1);
    return drafts.length - 1;
  };
  const operation = (op: string, ins: number[], local: Expr, tag = ''): number =>
    intern(`${op}${tag}(${ins.join(',')})`, () => {
      const values = new Map(ins.map((id, k) => [symKey(placeholder(k)), (drafts[id] as Draft).expr] as const));
      return { op, inputs: ins, local, expr: substitute(local, values), names: [] };
    });
  const refuse = (op: string, e: Expr): never => {
    throw new GraphError(`--ops does not allow the node kind '${op}' that ${toPlain(e)} needs; add it to --ops or rewrite the expression`);
  };
  const p = placeholder;

  const visit = (e: Expr): number => {
    switch (e.kind) {
      case 'sym': {
        const d = defined.get(symKey(e));
        if (d !== undefined) return d;
        return intern(`input:${symKey(e)}`, () => {
          inputs.push(drafts.length);
          return { op: 'input', inputs: [], local: e, expr: e, names: [e] };
        });
      }
      case 'num':
      case 'float':
        return intern(`const:${toPlain(e)}`, () => ({ op: 'const', inputs: [], local: e, expr: e, names: [] }));
      case 'add': {
        const [first, ...rest] = e.args;
        if (first === undefined) throw new GraphError('an empty sum');
        let acc = visit(first);
        for (const a of rest) {
          if (a.kind === 'neg' && ok('-')) acc = operation('-', [acc, visit(a.arg)], add(p(0), neg(p(1))));
          else if (ok('+')) acc = operation('+', [acc, visit(a)], add(p(0), p(1)));
          else refuse('+', e);
        }
        return acc;
      }
      case 'mul': {
        if (!ok('*')) refuse('*', e);
        const [first, ...rest] = e.args;
        if (first === undefined) throw new GraphError('an empty product');
        let acc = visit(first);
        for (const a of rest) acc = operation('*', [acc, visit(a)], mul(p(0), p(1)));
        return acc;
      }
      case 'div':
        if (!ok('/')) refuse('/', e);
        return operation('/', [visit(e.num), visit(e.den)], div(p(0), p(1)));
      case 'neg':
        if (!ok('neg')) refuse('neg', e);
        return operation('neg', [visit(e.arg)], neg(p(0)));
      case 'pow': {
        const two = e.exp.kind === 'num' && e.exp.n === 2n && e.exp.d === 1n;
        if (two && ok('square')) return operation('square', [visit(e.base)], pow(p(0), num(2)));
        if (two && ok('*')) {
          const b = visit(e.base);
          return operation('*', [b, b], mul(p(0), p(1)));
        }
        if (!ok('^')) refuse(two ? 'square' : '^', e);
        // A constant exponent is part of the operation (x^3 is one node): its tangent is 0, and
        // ∂(b^c)/∂c = b^c ln b would be NaN for a negative base.
        if (e.exp.kind === 'num' || e.exp.kind === 'float') return operation('^', [visit(e.base)], pow(p(0), e.exp), toPlain(e.exp));
        return operation('^', [visit(e.base), visit(e.exp)], pow(p(0), p(1)));
      }
      case 'call': {
        if (!ok(e.fn)) refuse(e.fn, e);
        if (e.args.some((a) => some(a, (x) => x.kind === 'sym' && x.sub.some((s) => s.kind === 'sym')))) throw new GraphError(`${toPlain(e)}: indexed sums are not graph nodes; write the terms out`);
        const ins = e.args.map(visit);
        return operation(e.fn, ins, call(e.fn, ins.map((_, k) => p(k))));
      }
      case 'deriv':
        throw new GraphError(`${toPlain(e)}: a derivative cannot be a node of a computation graph`);
    }
  };

  for (const d of defs.definitions) {
    const id = visit(d.expr);
    if (drafts.length > MAX_NODES) throw new GraphError(`the graph has more than ${MAX_NODES} nodes (at the definition of ${symKey(d.name)}); gradtex graph is for graphs a person can read`);
    defined.set(symKey(d.name), id);
    (drafts[id] as Draft).names.push(d.name);
  }

  // Inputs first, then the operations in the order they were made: still a topological order, and
  // the table reads like a textbook's (w_1, w_2, v_1, …).
  const order = [...inputs, ...drafts.map((_, id) => id).filter((id) => !inputs.includes(id))];
  const newId = new Map(order.map((old, id) => [old, id] as const));
  const renumber = (old: number): number => newId.get(old) ?? old;
  const letter = intermediateLetter(defs);
  let counter = 0;
  const nodes: GraphNode[] = order.map((old, id) => {
    const d = drafts[old] as Draft;
    const [first, ...aliases] = d.names;
    const name = first ?? (d.op === 'const' ? d.expr : sym(letter, [num(++counter)]));
    return { id, name, aliases, op: d.op, inputs: d.inputs.map(renumber), local: d.local, expr: d.expr };
  });
  const outputs = defs.outputs.map((k) => {
    const found = defined.get(k);
    const node = found === undefined ? undefined : renumber(found);
    const def = defs.definitions.find((x) => symKey(x.name) === k);
    if (node === undefined || def === undefined) throw new GraphError(`output ${k} has no node`);
    return { name: def.name, node };
  });
  if (inputs.length === 0) throw new GraphError('the expression has no variables, so there is nothing to differentiate');
  return { nodes, inputs: inputs.map(renumber), outputs };
}

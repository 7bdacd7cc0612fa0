/**
 * "A directed graph is acyclic if and only if it has a topological order",
 * checked by exhaustion over every directed graph on 1..n vertices, both
 * directions, and the two textbook proofs whose every step is checked on
 * the same graphs:
 *
 * (⇒) A DAG has a vertex with no incoming edge; put it first, remove it, the
 *     rest is a DAG with one vertex fewer, order it (induction), and every
 *     edge from the first vertex points forward.
 * (⇐) Under a topological order positions increase along every edge, hence
 *     along every walk; a cycle returns to its start, whose position would
 *     exceed itself.
 *
 * The finite check is a proof of the statement restricted to those sizes
 * and nothing more: the report says "proved by exhaustion over all N graphs
 * on ≤ n vertices" and, beside it, that this is not a proof for every n.
 * The general statement rests on the two proofs (induction on n), whose
 * steps are checked here on the same graphs, not proved for all n.
 *
 *     const r = dagTopologicalOrder({ upTo: 4, loops: true });
 *     r.status; // 'proved' (over the 66066 graphs on 1..4 vertices)
 */
import {
  allDigraphs, digraphCount, digraphText, firstTopologicalOrder, hasEdge, isAcyclic, isTopologicalOrder, permutations, positions, reachability, removeVertex, sources,
  type Digraph,
} from './digraph.js';
import type { FindingParagraph, FindingReport, FindingVerdict } from './finding-report.js';

export interface DagOptions {
  /** The largest number of vertices (1..5). */
  readonly upTo: number;
  /** Self-loops allowed (each a cycle of length 1); without them n = 5 is in reach. */
  readonly loops: boolean;
}

/**
 * More graphs than this and the check stops being quick: each graph tries up
 * to n! orders and each acyclic one every order of the rest, so 5 vertices
 * without self-loops (1052741 graphs) take about ten seconds of CPU, and
 * with them (2^25 on 5 vertices alone) about half a minute more per million.
 */
export const MAX_GRAPHS = 2 ** 21;

/** The largest number of vertices: edge masks of n² ≤ 25 bits stay exact in 32-bit bit operations. */
export const MAX_VERTICES = 5;

/**
 * The numbers of labelled acyclic digraphs on n = 1, 2, … vertices, OEIS
 * A003024 (Robinson 1973; Stanley, "Acyclic orientations of graphs", 1973):
 * an independent count the exhaustion is compared with.
 */
export const LABELLED_DAGS_A003024: readonly number[] = [1, 3, 25, 543, 29281];

/** How many graphs the check would enumerate on 1..upTo vertices. */
export function graphsUpTo(upTo: number, loops: boolean): number {
  let total = 0;
  for (let n = 1; n <= upTo; n++) total += digraphCount(n, loops);
  return total;
}

/** One checked claim: over how many cases, and the first graph where it failed (counted as the graphs go by). */
interface StepCheck {
  readonly claim: string;
  cases: number;
  failure?: string;
}

function step(claim: string): StepCheck {
  return { claim, cases: 0 };
}

function record(s: StepCheck, ok: boolean, g: Digraph, why: string): void {
  s.cases++;
  if (!ok && s.failure === undefined) s.failure = `${digraphText(g)}: ${why}`;
}

export class DagRequestError extends Error {
  override readonly name = 'DagRequestError';
}

export function dagTopologicalOrder(options: DagOptions): FindingReport {
  const { upTo, loops } = options;
  if (!Number.isInteger(upTo) || upTo < 1 || upTo > MAX_VERTICES) {
    throw new DagRequestError(`up-to is a whole number of vertices from 1 to ${MAX_VERTICES}, not ${upTo}: every graph is enumerated and every ordering of its vertices tried, and 6 vertices already give 2^30 graphs without self-loops`);
  }
  const total = graphsUpTo(upTo, loops);
  if (total > MAX_GRAPHS) throw new DagRequestError(`${total} graphs on ≤ ${upTo} vertices${loops ? ' with self-loops' : ''} is more than the ${MAX_GRAPHS} checked in bounded time (each graph tries up to ${upTo}! orderings); ${loops ? 'leave out self-loops, or ' : ''}lower up-to`);

  const forward = step('acyclic ⇒ some permutation of the vertices is a topological order');
  const backward = step('some permutation is a topological order ⇒ acyclic');
  const a1 = step('(⇒ 1) an acyclic graph has a vertex with no incoming edge');
  const a2 = step('(⇒ 2) removing that vertex leaves an acyclic graph, with one vertex fewer');
  const a3 = step('(⇒ 3) that vertex followed by a topological order of the rest is a topological order of the graph');
  const b1 = step('(⇐ 1) under a topological order every edge u → v has pos(u) < pos(v)');
  const b2 = step('(⇐ 2) along every walk u → … → w of length ≥ 1, pos(u) < pos(w)');
  const b3 = step('(⇐ 3) hence no closed walk u → … → u (no cycle): the graph is acyclic');
  const rows: string[][] = [];
  const acyclicCounts: number[] = [];
  const permsBySize = new Map<number, number[][]>();
  const perms = (n: number): number[][] => {
    let p = permsBySize.get(n);
    if (p === undefined) permsBySize.set(n, (p = permutations(n)));
    return p;
  };
  for (let n = 1; n <= upTo; n++) {
    let graphs = 0;
    let dags = 0;
    let ordered = 0;
    for (const g of allDigraphs(n, loops)) {
      graphs++;
      const acyclic = isAcyclic(g);
      const order = firstTopologicalOrder(g, perms(n));
      if (acyclic) dags++;
      if (order !== undefined) ordered++;
      if (acyclic) record(forward, order !== undefined, g, 'acyclic, but no permutation is a topological order');
      if (order !== undefined) record(backward, acyclic, g, `the order ${order.map((v) => v + 1).join(', ')} is topological, yet the graph has a cycle`);
      if (acyclic) checkSourceProof(g, perms, a1, a2, a3);
      if (order !== undefined) checkOrderProof(g, order, b1, b2, b3);
    }
    rows.push([String(n), String(graphs), String(dags), String(ordered)]);
    acyclicCounts.push(dags);
  }

  // Self-loops are cycles, so the acyclic graphs are the same with or without them.
  const known = LABELLED_DAGS_A003024.slice(0, upTo);
  const agrees = acyclicCounts.every((c, i) => c === known[i]);
  const oeis: FindingParagraph = {
    kind: 'verdict',
    verdict: agrees ? 'holds' : 'fails',
    text: `the acyclic graphs counted, ${acyclicCounts.join(', ')}, ${agrees ? 'are' : 'are not'} the numbers of labelled DAGs on 1..${upTo} vertices, OEIS A003024 (${known.join(', ')}): an independent count`,
  };
  const statement = [forward, backward];
  const steps = [a1, a2, a3, b1, b2, b3];
  const failed = [...statement, ...steps].find((s) => s.failure !== undefined);
  const what = `all ${total} directed graphs on ≤ ${upTo} vertices (${loops ? 'self-loops allowed' : 'no self-loops'})`;
  const verdict = (s: StepCheck): { kind: 'verdict'; verdict: FindingVerdict; text: string } =>
    s.failure === undefined ? { kind: 'verdict', verdict: 'holds', text: `${s.claim}: checked on ${s.cases} graph${s.cases === 1 ? '' : 's'}, no exception` } : { kind: 'verdict', verdict: 'fails', text: `${s.claim}: fails for ${s.failure}` };
  const paragraphs: FindingParagraph[] = [
    { kind: 'text', text: 'A topological order lists the vertices so that every edge $(u, v)$ has $u$ before $v$; a graph is acyclic (a DAG) when no directed walk of length at least 1 returns to its start. Both are computed from their definitions: acyclicity from the transitive closure, topological orders by trying every permutation of the vertices.' },
    { kind: 'table', caption: 'Graphs checked', columns: ['vertices', 'graphs', 'acyclic', 'with a topological order'], rows },
    ...statement.map(verdict),
    oeis,
    { kind: 'text', text: `This is a finite check: it covers the ${total} graphs counted above and nothing more; it is not a proof for graphs with more than ${upTo} vertices. The proofs below argue for every $n$ by induction; each of their steps was checked on the same graphs (a finite check of each step, not a proof of it for every $n$).` },
    { kind: 'text', text: 'Proof that a DAG has a topological order, by induction on $n$ (a single vertex without a loop is its own order): a DAG has a vertex $v$ with no incoming edge (otherwise walk backwards along incoming edges; after $n$ steps a vertex repeats, giving a cycle). Put $v$ first and remove it; the rest is still acyclic (its cycles would be cycles of $G$) with $n - 1$ vertices, so it has a topological order by induction. Every edge at $v$ leaves $v$, so it points forward.' },
    verdict(a1), verdict(a2), verdict(a3),
    { kind: 'text', text: 'Proof that a graph with a topological order is a DAG: write $\\mathrm{pos}(v)$ for the place of $v$ in the order. Every edge $u \\to v$ has $\\mathrm{pos}(u) < \\mathrm{pos}(v)$, so positions increase strictly along every walk; a cycle $v_1 \\to \\dots \\to v_1$ would give $\\mathrm{pos}(v_1) < \\mathrm{pos}(v_1)$, which is impossible.' },
    verdict(b1), verdict(b2), verdict(b3),
  ];
  const status: FindingVerdict = failed === undefined && agrees ? 'proved' : 'fails';
  const summary = !agrees && failed === undefined
    ? `Fails: the acyclic counts ${acyclicCounts.join(', ')} differ from OEIS A003024 (${known.join(', ')}).`
    : failed === undefined
    ? `Acyclic ⇔ has a topological order: proved by exhaustion over ${what}, both directions. A finite check, not a proof for all n; every step of the two proofs holds on the same graphs.`
    : `Fails: ${failed.claim}, for ${failed.failure}.`;
  return { title: 'A directed graph is acyclic if and only if it has a topological order', paragraphs, status, summary };
}

/** The steps of (⇒) on one acyclic graph: a source exists, removing it keeps acyclicity, and it extends any order of the rest. */
function checkSourceProof(g: Digraph, perms: (n: number) => number[][], a1: StepCheck, a2: StepCheck, a3: StepCheck): void {
  const found = sources(g);
  record(a1, found.length > 0, g, 'every vertex has an incoming edge');
  const v = found[0];
  if (v === undefined) return;
  const rest = removeVertex(g, v);
  record(a2, rest.graph.n === 0 || isAcyclic(rest.graph), g, `removing vertex ${v + 1} leaves a cycle`);
  // Every topological order of the rest (the induction hypothesis gives one; any must do).
  const restOrders = rest.graph.n === 0 ? [[]] : perms(rest.graph.n).filter((p) => isTopologicalOrder(rest.graph, p));
  const bad = restOrders.find((p) => !isTopologicalOrder(g, [v, ...p.map((i) => rest.names[i] ?? -1)]));
  record(a3, restOrders.length > 0 && bad === undefined, g, restOrders.length === 0 ? `the rest after removing ${v + 1} has no topological order` : `${v + 1} followed by an order of the rest is not topological`);
}

/** The steps of (⇐) on one graph with a topological order. */
function checkOrderProof(g: Digraph, order: readonly number[], b1: StepCheck, b2: StepCheck, b3: StepCheck): void {
  const pos = positions(order);
  const reach = reachability(g);
  let edgesForward = true;
  let walksForward = true;
  let closedWalk = false;
  for (let u = 0; u < g.n; u++) {
    for (let w = 0; w < g.n; w++) {
      const edge = hasEdge(g, u, w);
      if (edge && !((pos[u] ?? 0) < (pos[w] ?? 0))) edgesForward = false;
      if (((reach[u] ?? 0) & (1 << w)) !== 0 && !((pos[u] ?? 0) < (pos[w] ?? 0))) walksForward = false;
    }
    if (((reach[u] ?? 0) & (1 << u)) !== 0) closedWalk = true;
  }
  record(b1, edgesForward, g, 'an edge points backwards');
  record(b2, walksForward, g, 'a walk ends no later than it starts');
  record(b3, !closedWalk, g, 'a closed walk exists');
}

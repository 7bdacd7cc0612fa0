/**
 * Small directed graphs as bit masks, and the two notions the textbook
 * theorem relates, each computed straight from its definition so that one
 * can check the other:
 *
 * - acyclic: no directed closed walk u → … → u of length ≥ 1 (a shortest
 *   closed walk is a cycle, so this is "no directed cycle"); read off the
 *   transitive closure;
 * - a topological order: a listing of the vertices in which every edge
 *   (u, v) has u before v; searched over every permutation, never built by
 *   the algorithm the proof describes.
 *
 * Edge (u, v) is bit u·n + v of `edges`; a self-loop (u, u) is allowed and
 * is a cycle of length 1.
 *
 *     const g = { n: 3, edges: edgeBit(3, 0, 1) | edgeBit(3, 1, 2) };
 *     isAcyclic(g);          // true
 *     topologicalOrders(g);  // [[0, 1, 2]]
 */
export interface Digraph {
  readonly n: number;
  readonly edges: number;
}

// n ≤ 5 keeps every mask within 25 bits, so 32-bit bit operations are exact.
export const edgeBit = (n: number, u: number, v: number): number => 1 << (u * n + v);

export function hasEdge(g: Digraph, u: number, v: number): boolean {
  return ((g.edges >>> (u * g.n + v)) & 1) === 1;
}

/** reach[u]: the set (bit v) of vertices at the end of a walk of length ≥ 1 from u. */
export function reachability(g: Digraph): number[] {
  const reach: number[] = [];
  for (let u = 0; u < g.n; u++) {
    let row = 0;
    for (let v = 0; v < g.n; v++) if (hasEdge(g, u, v)) row |= 1 << v;
    reach.push(row);
  }
  // Warshall: after step k, walks whose inner vertices are among 0..k.
  for (let k = 0; k < g.n; k++) for (let u = 0; u < g.n; u++) if ((reach[u] ?? 0) & (1 << k)) reach[u] = (reach[u] ?? 0) | (reach[k] ?? 0);
  return reach;
}

/** No vertex lies on a closed walk of length ≥ 1. */
export function isAcyclic(g: Digraph): boolean {
  const reach = reachability(g);
  return reach.every((row, u) => (row & (1 << u)) === 0);
}

/** Every permutation of 0..n−1 in lexicographic order. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)])).sort((a, b) => {
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  });
}

/** The edges as [u, v] pairs, in bit order. */
export function edgeList(g: Digraph): [number, number][] {
  const out: [number, number][] = [];
  for (let u = 0; u < g.n; u++) for (let v = 0; v < g.n; v++) if (hasEdge(g, u, v)) out.push([u, v]);
  return out;
}

/** `order` (a listing of all vertices) puts the tail of every edge before its head. */
export function isTopologicalOrder(g: Digraph, order: readonly number[]): boolean {
  const pos = positions(order);
  return edgeList(g).every(([u, v]) => (pos[u] ?? 0) < (pos[v] ?? 0));
}

/** pos[v] = the index of v in the order. */
export function positions(order: readonly number[]): number[] {
  const pos: number[] = [];
  order.forEach((v, i) => (pos[v] = i));
  return pos;
}

/** The first topological order among all permutations (lexicographic), or undefined. */
export function firstTopologicalOrder(g: Digraph, perms: readonly (readonly number[])[] = permutations(g.n)): readonly number[] | undefined {
  const edges = edgeList(g);
  return perms.find((p) => {
    const pos = positions(p);
    return edges.every(([u, v]) => (pos[u] ?? 0) < (pos[v] ?? 0));
  });
}

export function topologicalOrders(g: Digraph): number[][] {
  return permutations(g.n).filter((p) => isTopologicalOrder(g, p));
}

/** g with vertex v removed; the others keep their order and are renumbered 0..n−2. */
export function removeVertex(g: Digraph, v: number): { readonly graph: Digraph; readonly names: readonly number[] } {
  const names = Array.from({ length: g.n }, (_, i) => i).filter((i) => i !== v);
  let edges = 0;
  names.forEach((a, i) => names.forEach((b, j) => {
    if (hasEdge(g, a, b)) edges |= edgeBit(g.n - 1, i, j);
  }));
  return { graph: { n: g.n - 1, edges }, names };
}

/** Vertices with no incoming edge (a self-loop counts as incoming). */
export function sources(g: Digraph): number[] {
  return Array.from({ length: g.n }, (_, v) => v).filter((v) => Array.from({ length: g.n }, (_, u) => u).every((u) => !hasEdge(g, u, v)));
}

/** `n = 3, edges 1→2, 2→3`, with vertices numbered from 1 as a textbook does. */
export function digraphText(g: Digraph): string {
  const edges = edgeList(g).map(([u, v]) => `${u + 1}→${v + 1}`);
  return `n = ${g.n}, ${edges.length === 0 ? 'no edges' : `edges ${edges.join(', ')}`}`;
}

/** Every digraph on exactly n vertices (n ≤ 5) (self-loops included when asked): 2^(n²) or 2^(n(n−1)) of them. */
export function* allDigraphs(n: number, loops: boolean): Generator<Digraph> {
  const free: number[] = [];
  for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) if (loops || u !== v) free.push(edgeBit(n, u, v));
  const count = 2 ** free.length;
  for (let m = 0; m < count; m++) {
    if (loops) {
      yield { n, edges: m };
      continue;
    }
    let edges = 0;
    for (let i = 0; i < free.length; i++) if ((m >>> i) & 1) edges |= free[i] ?? 0;
    yield { n, edges };
  }
}

export const digraphCount = (n: number, loops: boolean): number => 2 ** (loops ? n * n : n * (n - 1));

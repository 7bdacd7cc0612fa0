/**
 * Node positions for drawing the graph, from dagre's layered layout (the
 * Sugiyama method: ranks, crossing reduction, coordinates), inputs on the
 * left and outputs on the right. Sizes are estimated from the label's length
 * in characters; the drawings scale these units (points for SVG, cm for TikZ).
 *
 *     layoutGraph([{ id: 0, label: 'x' }, { id: 1, label: 'v_1 = x^2' }], [[0, 1]])
 */
import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  readonly id: number;
  /** Longest line of the node's label, in characters (for the width estimate). */
  readonly chars: number;
  /** Lines of text in the node. */
  readonly lines: number;
}

export interface PlacedNode {
  readonly id: number;
  /** Centre and size, in points, y growing downwards. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly from: number;
  readonly to: number;
  /** dagre's route: the first point leaves `from`, the last reaches `to`. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface Layout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

/** What dagre leaves on an edge's label after layout. */
interface EdgeRoute {
  readonly points?: readonly { readonly x: number; readonly y: number }[];
}

/** Average width of a character at 12pt, and the padding around a label. */
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const PADDING = 12;

export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly (readonly [number, number])[]): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 40, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(String(n.id), { width: n.chars * CHAR_WIDTH + 2 * PADDING, height: n.lines * LINE_HEIGHT + PADDING });
  // x + x reads x twice: one drawn edge (the node table lists both inputs).
  const seen = new Set<string>();
  for (const [from, to] of edges) {
    const key = `${from}>${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    g.setEdge(String(from), String(to));
  }
  dagre.layout(g);
  const placed = nodes.map((n) => {
    const p = g.node(String(n.id));
    return { id: n.id, x: p.x ?? 0, y: p.y ?? 0, width: p.width, height: p.height };
  });
  const routed = g.edges().map((e: { v: string; w: string }) => ({ from: Number(e.v), to: Number(e.w), points: ((g.edge(e) as EdgeRoute).points ?? []).map((p) => ({ x: p.x, y: p.y })) }));
  const label = g.graph();
  return { nodes: placed, edges: routed, width: label.width ?? 0, height: label.height ?? 0 };
}

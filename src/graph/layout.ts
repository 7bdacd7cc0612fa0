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
const MARGIN = 8;

/**
 * Names of two invisible helper nodes: one before every source and one after
 * every sink, joined by heavy edges, so that dagre's ranker puts all the inputs
 * in the first column and all the outputs in the last, as textbooks draw them.
 */
const FIRST = 'first';
const LAST = 'last';
const HEAVY = 1000;

export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly (readonly [number, number])[]): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 40 });
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
  const hasIn = new Set(edges.map(([, to]) => to));
  const hasOut = new Set(edges.map(([from]) => from));
  g.setNode(FIRST, { width: 1, height: 1 });
  g.setNode(LAST, { width: 1, height: 1 });
  for (const n of nodes) {
    if (!hasIn.has(n.id)) g.setEdge(FIRST, String(n.id), { weight: HEAVY });
    if (!hasOut.has(n.id)) g.setEdge(String(n.id), LAST, { weight: HEAVY });
  }
  dagre.layout(g);
  const placed = nodes.map((n) => {
    const p = g.node(String(n.id));
    return { id: n.id, x: p.x ?? 0, y: p.y ?? 0, width: p.width, height: p.height };
  });
  const routed = g
    .edges()
    .filter((e: { v: string; w: string }) => e.v !== FIRST && e.w !== LAST)
    .map((e: { v: string; w: string }) => ({ from: Number(e.v), to: Number(e.w), points: ((g.edge(e) as EdgeRoute).points ?? []).map((p) => ({ x: p.x, y: p.y })) }));
  return withoutHelpers(placed, routed);
}

/** The drawing moved to the margin and cropped, now that the helper columns are gone. */
function withoutHelpers(nodes: readonly PlacedNode[], edges: readonly PlacedEdge[]): Layout {
  const xs = [...nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const ys = [...nodes.flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2]), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  const left = Math.min(...xs) - MARGIN;
  const top = Math.min(...ys) - MARGIN;
  return {
    nodes: nodes.map((n) => ({ ...n, x: n.x - left, y: n.y - top })),
    edges: edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: p.x - left, y: p.y - top })) })),
    width: Math.max(...xs) - left + MARGIN,
    height: Math.max(...ys) - top + MARGIN,
  };
}

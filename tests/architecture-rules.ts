/**
 * Reading the layer table of ARCHITECTURE.md and judging imports against it
 * (used by tests/architecture.test.ts; tested on its own in
 * tests/architecture-rules.test.ts so that a broken reader cannot make the
 * architecture test pass vacuously).
 *
 *     | folder | layer | what it holds | may also import (same layer) |
 *     |---|---|---|---|
 *     | `src/expr` | 0 | the tree | |
 *     | `src/check` | 9 | gradtex check | `src/derive/named` |
 */

export interface LayerRow {
  readonly folder: string;
  readonly layer: number;
  /** Folders on the same layer this folder may import. */
  readonly sameLayer: readonly string[];
}

export type LayerTable = ReadonlyMap<string, LayerRow>;

const ROW = /^\|\s*`(src(?:\/[\w.-]+)*)`\s*\|\s*(\d+)\s*\|[^|]*\|([^|]*)\|\s*$/;

/** The rows of the table under the `## Layers` heading. */
export function readLayerTable(markdown: string): LayerTable {
  const start = markdown.indexOf('\n## Layers');
  if (start < 0) throw new Error('ARCHITECTURE.md has no "## Layers" section');
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  const table = new Map<string, LayerRow>();
  for (const line of section.split('\n')) {
    const m = ROW.exec(line.trim());
    if (m === null) continue;
    const folder = m[1] as string;
    if (table.has(folder)) throw new Error(`ARCHITECTURE.md lists ${folder} twice in the layer table`);
    const sameLayer = [...(m[3] as string).matchAll(/`(src(?:\/[\w.-]+)*)`/g)].map((x) => x[1] as string);
    table.set(folder, { folder, layer: Number(m[2]), sameLayer });
  }
  return table;
}

/**
 * The row a src-relative file path ("src/derive/named/compute.ts") belongs
 * to: its deepest listed folder. The row `src` holds only the files directly
 * in src/ (src/index.ts), so a new folder missing from the table has no row.
 */
export function rowOf(table: LayerTable, file: string): LayerRow | undefined {
  const parts = file.split('/');
  for (let n = parts.length - 1; n >= (parts.length === 2 ? 1 : 2); n--) {
    const row = table.get(parts.slice(0, n).join('/'));
    if (row !== undefined) return row;
  }
  return undefined;
}

export function layerOf(table: LayerTable, file: string): number | undefined {
  return rowOf(table, file)?.layer;
}

/** One line per import that breaks the table, naming both files, their folders and layers. */
export function importViolations(table: LayerTable, edges: readonly { from: string; to: string }[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = rowOf(table, from);
    const b = rowOf(table, to);
    if (a === undefined || b === undefined) {
      out.push(`${from} -> ${to}: ${a === undefined ? from : to} is in no folder of the layer table`);
      continue;
    }
    if (a.folder === b.folder) continue;
    if (b.layer < a.layer) continue;
    if (b.layer === a.layer && a.sameLayer.includes(b.folder)) continue;
    const why = b.layer === a.layer ? 'same layer, not listed as allowed' : 'imports a higher layer';
    out.push(`${from} -> ${to}: ${a.folder} (layer ${a.layer}) ${why}: ${b.folder} (layer ${b.layer})`);
  }
  return out;
}

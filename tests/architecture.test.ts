/**
 * The layers of ARCHITECTURE.md, enforced: every relative import in src/
 * (`import`, `import type`, `export … from`, `import()`) goes to the same
 * folder or to a lower layer (or to a same-layer folder the table allows),
 * and every folder of src/ is described. The rules live in the table, not
 * here, so the document and the check cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importViolations, layerOf, readLayerTable, type LayerTable } from './architecture-rules.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const ARCHITECTURE = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

function walk(dir: string, out: { files: string[]; dirs: string[] }): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.dirs.push(p);
      walk(p, out);
    } else if (entry.name.endsWith('.ts')) out.files.push(p);
  }
}

const tree = { files: [] as string[], dirs: [] as string[] };
walk(SRC, tree);
const posix = (p: string): string => p.split(sep).join('/');

/** Every relative import of every file in src/, as src-relative paths. */
function relativeImports(): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  for (const file of tree.files) {
    // preProcessFile reads import/export declarations and import() calls, not comments or strings in code.
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), ref.fileName.replace(/\.js$/, '.ts'));
      edges.push({ from: 'src/' + posix(relative(SRC, file)), to: 'src/' + posix(relative(SRC, target)) });
    }
  }
  return edges;
}

describe('the layer table in ARCHITECTURE.md', () => {
  const table: LayerTable = readLayerTable(ARCHITECTURE);

  it('should list the folders of src/ with a layer each', () => {
    expect(table.size).toBeGreaterThan(10);
    expect(table.get('src/expr')?.layer).toBe(0);
  });

  it('should give every file of src/ a layer', () => {
    const unplaced = tree.files.map((f) => 'src/' + posix(relative(SRC, f))).filter((f) => layerOf(table, f) === undefined);
    expect(unplaced).toEqual([]);
  });

  it('should be obeyed by every relative import in src/ (no import from a higher layer, no cycle between folders)', () => {
    const edges = relativeImports();
    expect(edges.length).toBeGreaterThan(500);
    expect(importViolations(table, edges)).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  it('should describe every folder of src/', () => {
    const undescribed = tree.dirs.map((d) => 'src/' + posix(relative(SRC, d))).filter((d) => !ARCHITECTURE.includes('`' + d + '/') && !ARCHITECTURE.includes('`' + d + '`'));
    expect(undescribed).toEqual([]);
  });
});

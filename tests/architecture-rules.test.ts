import { describe, expect, it } from 'vitest';
import { importViolations, layerOf, readLayerTable } from './architecture-rules.js';

const DOC = `# x

## Layers

| folder | layer | what it holds | may also import (same layer) |
|---|---|---|---|
| \`src/expr\` | 0 | tree | |
| \`src/parse\` | 1 | readers | |
| \`src/derive\` | 2 | derivatives | |
| \`src/derive/named\` | 3 | named | \`src/check\` |
| \`src/check\` | 3 | checker | |

## Where does X live?

| \`src/other\` | 7 | not a layer row: another section | |
`;

describe('readLayerTable', () => {
  const table = readLayerTable(DOC);

  it('should read the rows of the Layers section only', () => {
    expect([...table.keys()]).toEqual(['src/expr', 'src/parse', 'src/derive', 'src/derive/named', 'src/check']);
    expect(table.get('src/derive/named')?.sameLayer).toEqual(['src/check']);
  });

  it('should place a file in its deepest listed folder', () => {
    expect(layerOf(table, 'src/derive/named/compute.ts')).toBe(3);
    expect(layerOf(table, 'src/derive/kinks.ts')).toBe(2);
    expect(layerOf(table, 'src/expr/sub/deep.ts')).toBe(0);
    expect(layerOf(table, 'src/index.ts')).toBeUndefined();
  });

  it('should give the row src to the files directly in src/ only', () => {
    const withRoot = readLayerTable(DOC.replace('| \`src/check\` | 3 | checker | |', '| \`src/check\` | 3 | checker | |\n| \`src\` | 9 | index | |'));
    expect(layerOf(withRoot, 'src/index.ts')).toBe(9);
    expect(layerOf(withRoot, 'src/lost/a.ts')).toBeUndefined();
  });

  it('should refuse a document without the section or with a folder twice', () => {
    expect(() => readLayerTable('# nothing')).toThrow(/no "## Layers"/);
    expect(() => readLayerTable(DOC.replace('| `src/check` | 3', '| `src/expr` | 3'))).toThrow(/twice/);
  });
});

describe('importViolations', () => {
  const table = readLayerTable(DOC);

  it('should accept imports downwards, within a folder and to an allowed same-layer folder', () => {
    expect(
      importViolations(table, [
        { from: 'src/derive/a.ts', to: 'src/expr/b.ts' },
        { from: 'src/derive/a.ts', to: 'src/derive/c.ts' },
        { from: 'src/derive/named/a.ts', to: 'src/check/b.ts' },
      ]),
    ).toEqual([]);
  });

  it('should name an upward import, a same-layer import not allowed, and a file in no folder', () => {
    expect(
      importViolations(table, [
        { from: 'src/parse/a.ts', to: 'src/derive/b.ts' },
        { from: 'src/check/a.ts', to: 'src/derive/named/b.ts' },
        { from: 'src/lost/a.ts', to: 'src/expr/b.ts' },
      ]),
    ).toEqual([
      'src/parse/a.ts -> src/derive/b.ts: src/parse (layer 1) imports a higher layer: src/derive (layer 2)',
      'src/check/a.ts -> src/derive/named/b.ts: src/check (layer 3) same layer, not listed as allowed: src/derive/named (layer 3)',
      'src/lost/a.ts -> src/expr/b.ts: src/lost/a.ts is in no folder of the layer table',
    ]);
  });

  it('should reject a subfolder importing its parent folder when the parent is higher', () => {
    // src/derive/named (3) -> src/derive (2) is fine; the reverse is upward.
    expect(importViolations(table, [{ from: 'src/derive/a.ts', to: 'src/derive/named/b.ts' }])).toHaveLength(1);
  });
});

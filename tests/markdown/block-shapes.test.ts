import { describe, expect, it } from 'vitest';
import { readBlockShapes } from '../../src/check/block-shapes.js';
import { renderNote } from '../../src/markdown/render-note.js';
import { shapeContext, shapeText } from '../../src/matrix/shape.js';

const shown = (ctx: ReadonlyMap<string, { rows: string | number; cols: string | number; vector: boolean }>): string[] => [...ctx].map(([k, s]) => `${k}: ${shapeText(s)}`);

describe('shapes: lines in ```derive and ```check blocks', () => {
  it('should blank the line (offsets stay) and let the block take over from the note', () => {
    const b = readBlockShapes('shapes: x: n, A: n x n\nd/dx x^T*A*x', shapeContext(['A: 2 x 2, W: m x n']));
    expect(b.value).toBe(`${' '.repeat(22)}\nd/dx x^T*A*x`);
    expect(shown(b.shapes)).toEqual(['A: n×n', 'W: m×n', 'x: n']);
    expect(readBlockShapes('d/dx x^2').value).toBe('d/dx x^2');
  });

  it('should report a shapes: line it cannot read at its place', () => {
    const b = readBlockShapes('a = b\n  shapes: W: m by n');
    expect(b.problem).toMatchObject({ start: 8, end: 25 });
    expect(b.problem?.reason).toMatch(/^shapes: cannot read the size 'm by n'/);
  });

  it('should derive by a declared vector with its size and judge shaped chains entry by entry in a note', async () => {
    const note = [
      '```derive',
      'shapes: W: m x n, x: n, b: m',
      'd/dx W*x + b',
      '```',
      '',
      '```check',
      'shapes: W: m x n, x: n, b: m',
      'W x + b = x W + b',
      '```',
      '',
      '```check',
      'shapes: A: n x n, x: n',
      '\\frac{\\partial}{\\partial x} x^\\top A x = (A + A^\\top) x',
      '```',
      '',
    ].join('\n');
    const r = await renderNote(note, { path: 'note.md' });
    expect(r.html).toContain('✓ size m×n (the Jacobian of m entries by x (n entries)');
    expect(r.html).toContain('✓ every step holds');
    const failed = r.messages.filter((m) => m.ruleId === 'check-failed');
    expect(failed.map((m) => [m.line, m.column])).toEqual([[8, 11]]);
    expect(failed[0]?.reason).toContain('cannot multiply x (n) by W (m×n)');
    expect(r.html).not.toContain('shapes:');
  });

  it('should take md --shape for every block, and refuse what it cannot derive in one message', async () => {
    const r = await renderNote('```derive\nd/dx sin(W*x)\n```\n', { path: 'note.md', shapes: shapeContext(['W: m x n, x: n']) });
    const m = r.messages.filter((x) => x.ruleId === 'derive-request');
    expect(m).toHaveLength(1);
    expect(m[0]?.reason).toMatch(/^not derived under shapes: no matrix-calculus rule applies to sin\(W\*x\)/);
  });
});

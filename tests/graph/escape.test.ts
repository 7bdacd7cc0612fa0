/** Text in the drawings is escaped: a label with markup in it comes out as text in SVG, and as escaped text in LaTeX captions. */
import { describe, expect, it } from 'vitest';
import { graphSvg } from '../../src/graph/graph-svg.js';
import { textCell } from '../../src/graph/graph-tables.js';
import type { Drawing } from '../../src/graph/graph-drawing.js';

describe('graph output escaping', () => {
  it('should escape node labels in SVG', () => {
    const hostile = '</text><script>alert(1)</script>&"\'';
    const drawing: Drawing = {
      labels: [{ id: 0, plain: [hostile, '1'], latex: ['x', '1'], isInput: true, isOutput: false }],
      layout: { nodes: [{ id: 0, x: 10, y: 10, width: 20, height: 20 }], edges: [], width: 40, height: 40 },
    };
    const svg = graphSvg(drawing);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;');
  });

  it('should escape text cells for LaTeX', () => {
    expect(textCell('50% of $x_1$ {#}').latex).toBe('\\text{50\\% of \\$x\\_1\\$ \\{\\#\\}}');
  });
});

/**
 * The sizes a named derivation declares (`shapes:`), for people: every
 * vector and matrix with its set, in the order declared.
 *
 *     declaredSizes('x: n, W^{(1)}: m x n')
 *     // [{ name: x, plain: 'x ∈ ℝ^n', latex: 'x \\in \\mathbb{R}^{n}' }, { …, plain: 'W^{(1)} ∈ ℝ^(m×n)', … }]
 */
import type { Expr } from '../../expr/node.js';
import { toPlain } from '../../expr/to-plain.js';
import { parsePlain } from '../../parse/index.js';
import { toLatex } from '../../render/index.js';
import { parseShapeDeclaration } from '../../matrix/shape.js';

export interface DeclaredSize {
  readonly name: Expr;
  readonly plain: string;
  readonly latex: string;
}

export function declaredSizes(shapes: string): DeclaredSize[] {
  return shapes
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => {
      const d = parseShapeDeclaration(t);
      const name = parsePlain(d.name);
      const { rows, cols, vector } = d.shape;
      const plain = vector ? `${toPlain(name)} ∈ ℝ^${rows}` : `${toPlain(name)} ∈ ℝ^(${rows}×${cols})`;
      const latex = `${toLatex(name)} \\in \\mathbb{R}^{${vector ? rows : `${rows} \\times ${cols}`}}`;
      return { name, plain, latex };
    });
}

/**
 * Matrix words of the LaTeX reader that are letters or digits in a font:
 * the ones vector \mathbf{1}_n (also \mathbf 1_n, \boldsymbol{1}_n), read
 * under declared shapes only, where n is a size (the identity I_n:
 * identity-name.ts). Without
 * a size there is nothing to say how long \mathbf{1} is, so it is refused
 * with the fix; an unsized I stays a capital the checker asks about.
 *
 *     \mathbf{1}_n^\top x    ->  transpose(ones(n)) x
 *     I_n - \frac{1}{n} \mathbf{1}_n \mathbf{1}_n^\top
 */
import { call } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import type { ShapeContext } from '../matrix/shape.js';
import { isSize } from './identity-name.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexReader } from './latex-reader.js';

/**
 * At `{1}` or `1` after a bold command (consumed), under shapes and with no
 * indicator bracket after it: the ones vector, its size the subscript.
 * undefined (nothing consumed) otherwise: the indicator \mathbf{1}[…] and
 * every reading without shapes stay as they were.
 */
export function readOnesVector(p: LatexReader, cmd: LatexToken): Expr | undefined {
  if (p.shapes === undefined) return undefined;
  const braced = p.is('sym', '{') && p.is('num', '1', 1) && p.is('sym', '}', 2);
  if (!braced && !p.is('num', '1')) return undefined;
  const after = braced ? 3 : 1;
  if (p.is('sym', '[', after) || p.is('cmd', '{', after) || p.is('cmd', 'lbrace', after) || p.is('sym', '(', after)) return undefined;
  for (let k = 0; k < after; k++) p.next();
  const at = { start: cmd.start, end: p.peek(-1).end };
  const s = p.scripts('1');
  const [size] = s.sub;
  if (s.sub.length !== 1 || s.sup.length > 0 || !isSize(size, p.shapes)) {
    return p.fail('E_PARSE_UNSUPPORTED', `the ones vector \\${cmd.text}{1} is read with its size as a subscript, as in \\${cmd.text}{1}_n (n a size of the declared shapes)`, at);
  }
  return call('ones', [size as Expr]);
}

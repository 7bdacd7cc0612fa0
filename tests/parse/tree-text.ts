/**
 * An S-expression dump of a tree for test messages and golden files. It is
 * written here, not taken from src/render, so that parser fixtures do not
 * depend on the printer they are checked against.
 *
 *     treeText(parsePlain('x - 3'))   // '(add x -3)'
 *     treeText(parsePlain('w^{(1)}')) // 'w^[1]'
 */
import type { Expr } from '../../src/expr/node.js';

export function treeText(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.d === 1n ? `${e.n}` : `${e.n}/${e.d}`;
    case 'float':
      return `${e.value}f`;
    case 'sym': {
      const sub = e.sub.length > 0 ? `_[${e.sub.map(treeText).join(' ')}]` : '';
      const sup = e.sup.length > 0 ? `^[${e.sup.map(treeText).join(' ')}]` : '';
      return `${e.name}${sub}${sup}`;
    }
    case 'add':
    case 'mul':
      return `(${e.kind} ${e.args.map(treeText).join(' ')})`;
    case 'div':
      return `(div ${treeText(e.num)} ${treeText(e.den)})`;
    case 'pow':
      return `(pow ${treeText(e.base)} ${treeText(e.exp)})`;
    case 'neg':
      return `(neg ${treeText(e.arg)})`;
    case 'call':
      return `(${e.fn} ${e.args.map(treeText).join(' ')})`;
    case 'deriv':
      return `(deriv ${treeText(e.body)} ${treeText(e.wrt)})`;
  }
}

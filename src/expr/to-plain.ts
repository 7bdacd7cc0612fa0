/**
 * The plain syntax that parsePlain reads back: `sigma(x)*(1 - sigma(x))`,
 * `x_1`, `w^{(1)}`, `d(u, x)`. It is also the `result` string of the JSON
 * contract, so it is stable: explicit `*`, minimal brackets.
 */
import { nodeMemoPrinter } from './node-memo-printer.js';
import type { Expr, Sym } from './node.js';
import { assertNever } from './node.js';
import { matrixPrintForm } from './functions.js';
import { needsParens, type Place } from './precedence.js';
import { decimalText } from './decimal.js';

function index(e: Expr): string {
  if (e.kind === 'num' && e.d === 1n && e.n >= 0n) return e.n.toString();
  if (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0) return e.name;
  return toPlain(e);
}

function symbol(s: Sym): string {
  let out = s.name;
  if (s.sub.length === 1 && s.sub[0]?.kind === 'num') out += `_${index(s.sub[0])}`;
  else if (s.sub.length === 1 && s.sub[0]?.kind === 'sym' && s.sub[0].sub.length === 0 && s.sub[0].sup.length === 0) out += `_${index(s.sub[0])}`;
  else if (s.sub.length > 0) out += `_{${s.sub.map(index).join(',')}}`;
  if (s.sup.length > 0) out += `^{(${s.sup.map(index).join(',')})}`;
  return out;
}

function wrap(child: Expr, place: Place): string {
  const s = toPlain(child);
  return needsParens(child, place, 'plain') ? `(${s})` : s;
}

/** A term after the first in a sum: ' - b' for -b and negative numbers, else ' + b'. */
function continueSum(t: Expr): string {
  if (t.kind === 'neg') return ` - ${wrap(t.arg, 'negated')}`;
  if (t.kind === 'num' && t.n < 0n) return ` - ${t.d === 1n ? -t.n : `${-t.n}/${t.d}`}`;
  if (t.kind === 'float' && t.value < 0) return ` - ${decimalText(-t.value)}`;
  return ` + ${wrap(t, 'term')}`;
}

/** toPlain(mul(call('sigma', [x]), sub(num(1), call('sigma', [x])))) === 'sigma(x)*(1 - sigma(x))' */
/** A matrix product in the order written (matmul): printed as a product. */
const isProduct = (e: Expr): boolean => e.kind === 'call' && matrixPrintForm(e.fn) === 'product';

/** toPlain is a function of the tree alone, so a batch of expressions that share subtrees prints each node once (plainPrinter). */
const plain = nodeMemoPrinter((e) => plainOf(e));

/**
 * toPlain for many expressions that share subtrees (the steps of a
 * derivation): each node object is printed once, the same strings as toPlain.
 *
 *     const print = plainPrinter();
 *     print(step.before); print(step.after)   // the untouched subtrees printed once
 */
export function plainPrinter(): (e: Expr) => string {
  return plain.batch();
}

export function toPlain(e: Expr): string {
  return plain.print(e);
}

function plainOf(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.d === 1n ? e.n.toString() : `${e.n}/${e.d}`;
    case 'float':
      return decimalText(e.value);
    case 'sym':
      return symbol(e);
    case 'add': {
      const [first, ...rest] = e.args;
      return wrap(first as Expr, 'term') + rest.map(continueSum).join('');
    }
    case 'mul':
      // alpha*W*x: a matrix product as the last factor reads back the same without brackets.
      return e.args.map((f, i) => (i > 0 && i === e.args.length - 1 && isProduct(f) ? toPlain(f) : wrap(f, i === 0 ? 'first-factor' : 'factor'))).join('*');
    case 'div':
      return `${wrap(e.num, 'numerator')}/${wrap(e.den, 'denominator')}`;
    case 'pow':
      return `${wrap(e.base, 'base')}^${wrap(e.exp, 'exponent')}`;
    case 'neg':
      return `-${wrap(e.arg, 'negated')}`;
    case 'call':
      // Matrix calls print as written under declared shapes, which read them back (src/matrix).
      if (isProduct(e) && e.args.length >= 2) return e.args.map((f, i) => (isProduct(f) ? `(${toPlain(f)})` : wrap(f, i === 0 ? 'first-factor' : 'factor'))).join('*');
      if (matrixPrintForm(e.fn) === 'transpose' && e.args.length === 1) return `${wrap(e.args[0] as Expr, 'base')}^T`;
      // sumall(u) reads back from sum(u): one argument is the sum of entries, four the sum over an index.
      if (matrixPrintForm(e.fn) === 'entry-sum' && e.args.length === 1) return `sum(${toPlain(e.args[0] as Expr)})`;
      return `${e.fn}(${e.args.map(toPlain).join(', ')})`;
    case 'deriv':
      return `d(${toPlain(e.body)}, ${toPlain(e.wrt)})`;
    default:
      return assertNever(e);
  }
}

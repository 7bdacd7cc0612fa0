/**
 * Where a side is defined, as conditions a proved verdict states. A relation
 * is judged where its left side is defined (README "What the verdicts mean"),
 * so `(x^2 - 1)/(x - 1) = x + 1` is proved only for x ≠ 1: a verdict that
 * leaves the condition out says more than the truth. The conditions come
 * from the function table's domains (log: u > 0, sqrt: u ≥ 0), from
 * denominators (u ≠ 0) and from powers (u^(-1): u ≠ 0, u^(1/2): u ≥ 0, a
 * power with a non-constant exponent: u > 0); those the expression's shape
 * or the facts in scope settle (e^x ≠ 0, x > 0 stated) are left out. A
 * condition left in that was true anyway only makes the verdict weaker.
 *
 *     definednessText(definednessConditions(parsePlain('(x^2-1)/(x-1)'), []))   // 'x ≠ 1'
 */
import { call, num } from '../expr/build.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { toPlain } from '../expr/to-plain.js';
import { children, some } from '../expr/traverse.js';
import { compile, EvaluationError, freeSymbols } from '../numeric/index.js';
import { factCovers, type Fact } from './facts.js';
import { positivity } from './positivity.js';

/** u ≠ 0, u > 0 or u ≥ 0; `over` when u uses the index of a sum around it (for every k from lo to hi). */
export interface DefinednessCondition {
  readonly kind: 'nonzero' | 'positive' | 'nonnegative';
  readonly u: Expr;
  readonly over?: { readonly index: Expr; readonly lo: Expr; readonly hi: Expr };
}

/** What the facts and the shape of an expression show about its sign; `false` is "not shown". */
interface SignReader {
  readonly positive: (e: Expr) => boolean;
  readonly nonzero: (e: Expr) => boolean;
  readonly nonnegative: (e: Expr) => boolean;
}

/** Does a fact in scope put the symbol where `sign` holds (an interval's open ends counted: 0 < p < 1 is positive)? */
function symSign(s: Sym, facts: readonly Fact[], sign: 'positive' | 'nonzero' | 'nonnegative'): boolean {
  return facts.some((f) => {
    if (f.kind === 'sign') {
      const implied = sign === 'positive' ? ['positive'] : sign === 'nonzero' ? ['positive', 'negative', 'nonzero'] : ['positive', 'nonnegative'];
      return implied.includes(f.sign) && factCovers(f.sym, s);
    }
    if (f.kind === 'interval') {
      const lo = f.bounds?.lo ?? f.lo;
      const hi = f.bounds?.hi ?? f.hi;
      const above = lo > 0 || (lo === 0 && f.bounds?.loOpen === true);
      const below = hi < 0 || (hi === 0 && f.bounds?.hiOpen === true);
      const holds = sign === 'positive' ? above : sign === 'nonzero' ? above || below : lo >= 0;
      return holds && factCovers(f.sym, s);
    }
    if (f.kind === 'set') return f.values.every((v) => (sign === 'positive' ? v > 0 : sign === 'nonzero' ? v !== 0 : v >= 0)) && factCovers(f.sym, s);
    return false;
  });
}

/** The value of an expression without free symbols, or NaN. */
function constantValue(e: Expr): number {
  if (freeSymbols(e).length > 0) return NaN;
  try {
    return compile(e, [])([]);
  } catch (err) {
    if (err instanceof EvaluationError) return NaN;
    throw err;
  }
}

/** A constant decided by its value only when it is far from the boundary (log 2 ≠ 0, never 1e-300 ≠ 0). */
const MARGIN = 1e-9;

function signReader(facts: readonly Fact[]): SignReader {
  const shapePositive = positivity(facts);
  const positive = (e: Expr): boolean => shapePositive(e) || (e.kind === 'sym' && symSign(e, facts, 'positive')) || constantValue(e) > MARGIN;
  const nonzero = (e: Expr): boolean => {
    if (positive(e)) return true;
    const v = constantValue(e);
    if (Number.isFinite(v)) return Math.abs(v) > MARGIN;
    switch (e.kind) {
      case 'sym':
        return symSign(e, facts, 'nonzero');
      case 'neg':
        return nonzero(e.arg);
      case 'mul':
        return e.args.every(nonzero);
      case 'div':
        return nonzero(e.num);
      case 'pow':
        return nonzero(e.base);
      default:
        return false;
    }
  };
  const nonnegative = (e: Expr): boolean => {
    if (positive(e)) return true;
    const v = constantValue(e);
    if (Number.isFinite(v)) return v >= 0;
    switch (e.kind) {
      case 'sym':
        return symSign(e, facts, 'nonnegative');
      case 'add':
      case 'mul':
        return e.args.every(nonnegative);
      case 'div':
        return nonnegative(e.num) && nonnegative(e.den);
      case 'pow':
        // An even power, or a power of something nonnegative.
        return (e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n % 2n === 0n) || nonnegative(e.base);
      case 'call':
        return ['abs', 'norm', 'norm1', 'norminf', 'relu', 'sqrt'].includes(e.fn);
      default:
        return false;
    }
  };
  return { positive, nonzero, nonnegative };
}

/**
 * The conditions under which e is defined, without those its shape or the
 * facts settle, without repeats (u > 0 covers u ≠ 0 and u ≥ 0).
 */
export function definednessConditions(e: Expr, facts: readonly Fact[]): DefinednessCondition[] {
  const raw: DefinednessCondition[] = [];
  collect(e, raw, undefined);
  const signs = signReader(facts);
  const open = raw.filter((c) => (c.kind === 'nonzero' ? !signs.nonzero(c.u) : c.kind === 'positive' ? !signs.positive(c.u) : !signs.nonnegative(c.u)));
  const out: DefinednessCondition[] = [];
  for (const c of open) {
    const covered = (d: DefinednessCondition): boolean => d.u.hash === c.u.hash && (d.kind === c.kind || d.kind === 'positive') && (d.over?.index.hash ?? 0) === (c.over?.index.hash ?? 0);
    if (open.some((d) => d !== c && d.kind === 'positive' && c.kind !== 'positive' && covered(d))) continue;
    if (out.some(covered)) continue;
    out.push(c);
  }
  return out;
}

function collect(e: Expr, into: DefinednessCondition[], over: DefinednessCondition['over']): void {
  const push = (kind: DefinednessCondition['kind'], u: Expr): void => {
    // A condition on the sum's index holds for each of its values; one without it, as it is.
    const uses = over !== undefined && some(u, (s) => s.hash === over.index.hash);
    into.push(uses ? { kind, u, over } : { kind, u });
  };
  switch (e.kind) {
    case 'div':
      push('nonzero', e.den);
      break;
    case 'pow': {
      const x = e.exp;
      const value = x.kind === 'num' ? Number(x.n) / Number(x.d) : constantValue(x);
      if (Number.isInteger(value)) {
        if (value < 0) push('nonzero', e.base);
      } else if (Number.isFinite(value)) {
        push(value < 0 ? 'positive' : 'nonnegative', e.base);
      } else {
        // x^y for a y that varies: a real power of a negative number is not defined in general.
        push('positive', e.base);
      }
      break;
    }
    case 'call': {
      const spec = lookupFunction(e.fn);
      if (spec?.binds !== undefined) {
        const [body, index, lo, hi] = e.args;
        if (body !== undefined && index !== undefined && lo !== undefined && hi !== undefined) {
          collect(lo, into, over);
          collect(hi, into, over);
          collect(body, into, { index, lo, hi });
        }
        return;
      }
      const arg = e.args[0];
      if (spec !== undefined && arg !== undefined && spec.domain !== 'all') push(spec.domain, arg);
      // tan u = sin u / cos u: the table says 'all' (its doubles never reach a pole), but it is undefined where cos u = 0.
      if (e.fn === 'tan' && arg !== undefined) push('nonzero', call('cos', [arg]));
      break;
    }
    default:
      break;
  }
  // A derivative exists at most where the function it differentiates is defined: its body is walked too.
  for (const c of children(e)) collect(c, into, over);
}

/** x − c ≠ 0 as x ≠ c, when the condition is about one symbol plus a number. */
function conditionText(c: DefinednessCondition): string {
  const rel = c.kind === 'nonzero' ? '≠' : c.kind === 'positive' ? '>' : '≥';
  let lhs = c.u;
  let rhs = '0';
  if (c.u.kind === 'add' && c.u.args.length === 2) {
    const [a, b] = c.u.args as [Expr, Expr];
    if (a.kind === 'sym' && b.kind === 'num') {
      lhs = a;
      rhs = toPlain(num(-b.n, b.d));
    }
  }
  const text = `${toPlain(lhs)} ${rel} ${rhs}`;
  return c.over === undefined ? text : `${text} for ${toPlain(c.over.index)} = ${toPlain(c.over.lo)}..${toPlain(c.over.hi)}`;
}

/** The conditions as people read them, joined: "x ≠ 1", "x > 0 and y ≠ 0". */
export function definednessText(conditions: readonly DefinednessCondition[]): string {
  const texts = conditions.map(conditionText).filter((t, i, xs) => xs.indexOf(t) === i);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1] as string}`;
}

/** Every text of the conditions, one per condition (for the JSON evidence). */
export function definednessTexts(conditions: readonly DefinednessCondition[]): string[] {
  return conditions.map(conditionText).filter((t, i, xs) => xs.indexOf(t) === i);
}

/**
 * Does the relation take a power of 0 or to the power 0 whose other part
 * may be 0 too (0^0, x^0, 0^n)? Its verdict then rests on the convention 0^0 = 1, which
 * the numeric evaluator follows (as NumPy and PyTorch do), and says so.
 *
 *     restsOnZeroToTheZero([parsePlain('x^0')], [])   // true
 */
export function restsOnZeroToTheZero(sides: readonly Expr[], facts: readonly Fact[]): boolean {
  const signs = signReader(facts);
  // Only a literal 0 on one side of the power: x^n with both free is too common to annotate every verdict.
  const zero = (e: Expr): boolean => e.kind === 'num' && e.n === 0n;
  const visit = (e: Expr): boolean => (e.kind === 'pow' && (zero(e.base) || zero(e.exp)) && !signs.nonzero(e.base) && !signs.nonzero(e.exp)) || children(e).some(visit);
  return sides.some(visit);
}


/**
 * Matrix words a chain step may use before the function table has them:
 * `hadamard(u, v)` (u ⊙ v), `ones(n)` (the ones vector 1_n) and
 * `identity(n)` (I_n), and the elementwise scalar functions a derivation
 * chooses (`f(t) = 3*relu(t)`, so f(s) is (f(s_i))_i).
 *
 * Each word is given its meaning through what the lowering already knows
 * (src/matrix/lower.ts): identity(n) is diag(1_n); 1_n is a vector whose
 * lowered entries are 1; hadamard applies entry by entry like any call the
 * lowering does not know, and its lowered entry a ⊙ b is the product a·b.
 * Once the table has a word (src/expr/functions.ts, MATRIX_FUNCTIONS), the
 * table's own shape and lowering take over and nothing here applies to it.
 *
 *     const v = chainVocabulary([parseElementwise('f(t) = 3*relu(t)')]);
 *     v.parseNames            // ['hadamard', 'ones', 'identity'] while the table lacks them
 *     v.prepare(identity(K))  // diag(ones_K), with ones_K declared a K-vector
 */
import { call, mul, num, sym } from '../../expr/build.js';
import type { Call, Expr, Sym } from '../../expr/node.js';
import { MATRIX_FUNCTIONS } from '../../expr/functions.js';
import { mapBottomUp } from '../../expr/traverse.js';
import { substitute } from '../../expr/substitute.js';
import { symKey } from '../../expr/sym-key.js';
import { ShapeError, type Shape, type ShapeContext } from '../../matrix/shape.js';

/** The words of this file; those the table knows are left to it. */
const WORDS = ['hadamard', 'ones', 'identity'] as const;

/** `f(t) = 3*relu(t)`: a scalar function of one argument, applied entry by entry. */
export interface ElementwiseFunction {
  /** The call head: f, f', g, g'. */
  readonly name: string;
  readonly param: Sym;
  readonly body: Expr;
}

/** Names of the ones vectors made here: entries of a vector with this prefix are 1. */
const ONES = 'onesvec';
/** Stand-in names of identity(n) while a text is parsed (the parser infers shapes as it reads). */
const IDENTITY = 'identitymat';

/** A size as letters only (the parser reads trailing digits as a subscript): K -> K, 12 -> Nbc. */
function sizeName(n: string | number): string {
  return typeof n === 'number' ? `N${[...String(n)].map((d) => String.fromCharCode(97 + Number(d))).join('')}` : n;
}

function sizeFromName(text: string): Expr {
  return /^N[a-j]+$/.test(text) ? num(Number([...text.slice(1)].map((c) => c.charCodeAt(0) - 97).join(''))) : sym(text);
}

function sizeOfArg(a: Expr): string | number {
  if (a.kind === 'num' && a.d === 1n && a.n > 0n) return Number(a.n);
  if (a.kind === 'sym' && a.sub.length === 0 && a.sup.length === 0) return a.name;
  throw new ShapeError('ones(n) and identity(n) take a size: a positive integer or a size name such as K');
}

export interface ChainVocabulary {
  /** Names the parser must accept as calls (extraFunctions). */
  readonly parseNames: readonly string[];
  /**
   * Plain text read under the shapes with these words: ones(K) and
   * identity(K) are read as stand-in vectors and matrices of their size (so
   * that ones(K) - y has a shape), then turned back into the calls.
   */
  parse(text: string, shapes: ShapeContext | undefined, read: (text: string, opts: { extraFunctions: readonly string[]; shapes?: ShapeContext }) => Expr): Expr;
  /** e and the shapes with the words the table lacks written in the lowering's terms. */
  prepare(e: Expr, ctx: ShapeContext): { readonly expr: Expr; readonly ctx: ShapeContext };
  /** The meaning of a lowered entry: ones entries are 1, a ⊙ b is a·b, f(u) is f's body at u. */
  readonly entryMeaning: (e: Expr) => Expr;
}

export function chainVocabulary(functions: readonly ElementwiseFunction[]): ChainVocabulary {
  const missing = new Set<string>(WORDS.filter((w) => !MATRIX_FUNCTIONS.has(w)));
  const byName = new Map(functions.map((f) => [f.name, f]));
  const standIn = (name: string): { fn: string; size: Expr } | undefined => {
    for (const [prefix, fn] of [[ONES, 'ones'], [IDENTITY, 'identity']] as const) if (name.startsWith(prefix) && name.length > prefix.length) return { fn, size: sizeFromName(name.slice(prefix.length)) };
    return undefined;
  };
  return {
    parseNames: [...missing],
    parse(text, shapes, read) {
      if (!missing.has('ones') && !missing.has('identity')) return read(text, { extraFunctions: [...missing], ...(shapes !== undefined ? { shapes } : {}) });
      const declared = new Map<string, Shape>(shapes ?? []);
      const replaced = text.replace(/\b(ones|identity)\(\s*([A-Za-z][A-Za-z0-9]*|[1-9][0-9]*)\s*\)/g, (_m, fn: string, size: string) => {
        const n = /^\d+$/.test(size) ? Number(size) : size;
        const name = `${fn === 'ones' ? ONES : IDENTITY}${sizeName(n)}`;
        declared.set(name, fn === 'ones' ? { rows: n, cols: 1, vector: true } : { rows: n, cols: n, vector: false });
        return name;
      });
      const e = read(replaced, { extraFunctions: [...missing], ...(shapes !== undefined ? { shapes: declared } : {}) });
      return mapBottomUp(e, (x) => {
        const s = x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 ? standIn(x.name) : undefined;
        return s === undefined ? x : call(s.fn, [s.size]);
      });
    },
    prepare(e, ctx) {
      if (!missing.has('ones') && !missing.has('identity')) return { expr: e, ctx };
      const declared = new Map<string, Shape>(ctx);
      const onesOf = (a: Expr): Sym => {
        const n = sizeOfArg(a);
        const v = sym(`${ONES}${sizeName(n)}`);
        declared.set(symKey(v), { rows: n, cols: 1, vector: true });
        return v;
      };
      const expr = mapBottomUp(e, (x) => {
        if (x.kind !== 'call' || !missing.has(x.fn)) return x;
        const [a] = x.args as [Expr];
        if (x.fn === 'ones') return onesOf(a);
        if (x.fn === 'identity') return call('diag', [onesOf(a)]);
        return x;
      });
      return { expr, ctx: declared };
    },
    entryMeaning: (e) =>
      mapBottomUp(e, (x) => {
        if (x.kind === 'sym' && x.name.startsWith(ONES) && x.sub.length > 0) return num(1);
        if (x.kind !== 'call') return x;
        if (x.fn === 'hadamard' && missing.has('hadamard')) return mul(...x.args);
        const f = byName.get(x.fn);
        if (f === undefined || x.args.length !== 1) return x;
        return substitute(f.body, new Map([[symKey(f.param), x.args[0] as Expr]]));
      }),
  };
}

/** `f(t) = body` read from its parsed sides, or an error saying what to write. */
export function elementwiseFunction(head: Expr, body: Expr): ElementwiseFunction {
  const c = head as Call;
  const param = c.kind === 'call' && c.args.length === 1 ? c.args[0] : undefined;
  if (param === undefined || param.kind !== 'sym' || param.sub.length > 0) throw new ShapeError("an elementwise function is defined as f(t) = expression in t, e.g. f(t) = 3*relu(t), f'(t) = 3*step(t)");
  return { name: c.fn, param, body };
}

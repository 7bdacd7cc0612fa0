/**
 * The rule library in a build-time compiled form: the rules as parsed from
 * rules/*.rules, written as JSON by the build (write-compiled-rules.ts) and
 * read back at start-up instead of parsing every rule line again. The text
 * files stay the source: the compiled form keeps the files it was made
 * from, and loadRuleLibrary uses it only when the files on disk are the same
 * (otherwise it parses them, as without a build).
 *
 * Trees are rebuilt through the smart constructors in expr/build.ts, so they
 * are the trees the parser makes, hashes included
 * (tests/rewrite/compiled-rules.test.ts compares the two).
 *
 *     rulesFromJson(JSON.parse(JSON.stringify(rulesToJson(rules, files))), files)   // the same rules
 */
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../expr/build.js';
import { assertNever, type Expr } from '../expr/node.js';
import type { Guard, Rule, VarType } from './rule.js';

/** A tree as nested arrays: the kind's tag first, then its parts (numbers as strings: bigint and -0 survive). */
type ExprJson = readonly unknown[];

interface RuleJson {
  readonly type: 'pattern' | 'builtin';
  readonly id: string;
  readonly title: string;
  readonly latex: string | null;
  readonly set: string;
  readonly notes: readonly string[];
  readonly source: { readonly file: string; readonly line: number };
  readonly order: number;
  readonly minor: boolean;
  readonly builtin?: string;
  readonly lhs?: ExprJson;
  readonly rhs?: ExprJson;
  readonly guards?: readonly { readonly name: string; readonly args: readonly ExprJson[] }[];
  readonly vars?: readonly (readonly [string, VarType])[];
}

export interface CompiledRules {
  /** Bumped whenever this encoding changes, so that an old file is not misread. */
  readonly format: number;
  /** The rule files this was compiled from, as they were. */
  readonly sources: readonly RuleFileText[];
  readonly rules: readonly RuleJson[];
}

const FORMAT = 2;

/** One rule file as read from disk: its name (e.g. `algebra.rules`) and text. */
export interface RuleFileText {
  readonly name: string;
  readonly text: string;
}

/** Were these the files, names and texts in load order? (String comparison: exact, and cheaper than hashing them.) */
export function sameFiles(a: readonly RuleFileText[], b: readonly RuleFileText[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.text === b[i]?.text);
}

function exprToJson(e: Expr): ExprJson {
  switch (e.kind) {
    case 'num':
      return ['num', String(e.n), String(e.d)];
    case 'float':
      return ['float', Object.is(e.value, -0) ? '-0' : String(e.value)];
    case 'sym':
      return ['sym', e.name, e.sub.map(exprToJson), e.sup.map(exprToJson)];
    case 'add':
    case 'mul':
    case 'call':
      return [e.kind, e.kind === 'call' ? e.fn : '', e.args.map(exprToJson)];
    case 'div':
      return ['div', exprToJson(e.num), exprToJson(e.den)];
    case 'pow':
      return ['pow', exprToJson(e.base), exprToJson(e.exp)];
    case 'neg':
      return ['neg', exprToJson(e.arg)];
    case 'deriv':
      return ['deriv', exprToJson(e.body), exprToJson(e.wrt)];
    default:
      return assertNever(e);
  }
}

/** A malformed compiled file is a build bug: say so rather than guess. */
function bad(what: string): never {
  throw new Error(`compiled rules: ${what}; rebuild with npm run build`);
}

const str = (x: unknown): string => (typeof x === 'string' ? x : bad(`expected a string, found ${JSON.stringify(x)}`));
const list = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : bad(`expected a list, found ${JSON.stringify(x)}`));

/**
 * Leaves met again (the pattern variables u, v, x; the numbers 0, 1, 2) are
 * built once per load and shared: trees are immutable, and building them is
 * most of the load's cost while the code is still cold.
 */
type Leaves = Map<string, Expr>;

function leaf(leaves: Leaves, key: string, make: () => Expr): Expr {
  let e = leaves.get(key);
  if (e === undefined) {
    e = make();
    leaves.set(key, e);
  }
  return e;
}

function exprFromJson(j: unknown, leaves: Leaves): Expr {
  const a = list(j);
  const one = (x: unknown): Expr => exprFromJson(x, leaves);
  const many = (x: unknown): Expr[] => list(x).map(one);
  switch (a[0]) {
    case 'num':
      return leaf(leaves, `num ${str(a[1])}/${str(a[2])}`, () => num(BigInt(str(a[1])), BigInt(str(a[2]))));
    case 'float':
      return float(Number(str(a[1])));
    case 'sym':
      if (list(a[2]).length === 0 && list(a[3]).length === 0) return leaf(leaves, `sym ${str(a[1])}`, () => sym(str(a[1])));
      return sym(str(a[1]), many(a[2]), many(a[3]));
    case 'add':
      return add(...many(a[2]));
    case 'mul':
      return mul(...many(a[2]));
    case 'call':
      return call(str(a[1]), many(a[2]));
    case 'div':
      return div(one(a[1]), one(a[2]));
    case 'pow':
      return pow(one(a[1]), one(a[2]));
    case 'neg':
      return neg(one(a[1]));
    case 'deriv': {
      const wrt = one(a[2]);
      return deriv(one(a[1]), wrt.kind === 'sym' ? wrt : bad('a derivative with respect to a non-symbol'));
    }
    default:
      return bad(`unknown node tag ${JSON.stringify(a[0])}`);
  }
}

/** The rules as JSON-ready data, with the files they came from. */
export function rulesToJson(rules: readonly Rule[], sources: readonly RuleFileText[]): CompiledRules {
  const out = rules.map((r): RuleJson => {
    const common = { id: r.id, title: r.title, latex: r.latex ?? null, set: r.set, notes: r.notes, source: r.source, order: r.order, minor: r.minor };
    if (r.type === 'builtin') return { type: 'builtin', ...common, builtin: r.builtin };
    return {
      type: 'pattern',
      ...common,
      lhs: exprToJson(r.lhs),
      rhs: exprToJson(r.rhs),
      guards: r.guards.map((g) => ({ name: g.name, args: g.args.map(exprToJson) })),
      vars: [...r.vars],
    };
  });
  return { format: FORMAT, sources: sources.map((f) => ({ name: f.name, text: f.text })), rules: out };
}

/**
 * The rules of a compiled file, or undefined when it was compiled from other
 * rule files than `files` (or by another version of this encoding): then
 * the caller parses the text files.
 */
export function rulesFromJson(c: CompiledRules, files: readonly RuleFileText[]): Rule[] | undefined {
  if (c.format !== FORMAT || !Array.isArray(c.sources) || !sameFiles(c.sources, files)) return undefined;
  const leaves: Leaves = new Map();
  const rebuild = (j: unknown): Expr => exprFromJson(j, leaves);
  return c.rules.map((r): Rule => {
    const latex = r.latex ?? undefined;
    const source = { file: r.source.file, line: r.source.line };
    if (r.type === 'builtin') {
      return { type: 'builtin', id: r.id, title: r.title, latex, set: r.set, builtin: str(r.builtin), notes: [...r.notes], source, order: r.order, minor: r.minor };
    }
    const guards: Guard[] = (r.guards ?? []).map((g) => ({ name: g.name, args: g.args.map(rebuild) }));
    const vars = new Map<string, VarType>(r.vars ?? []);
    return { type: 'pattern', id: r.id, title: r.title, latex, set: r.set, lhs: rebuild(r.lhs), rhs: rebuild(r.rhs), guards, vars, notes: [...r.notes], source, order: r.order, minor: r.minor };
  });
}

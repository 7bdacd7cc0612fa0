/**
 * The rule library in a build-time compiled form: the rules as parsed from
 * rules/*.rules, written as JSON by the build (write-compiled-rules.ts) and
 * read back at start-up instead of parsing every rule line again. The text
 * files stay the source: the compiled form records a hash of the files it
 * was made from, and loadRuleLibrary uses it only when the files on disk
 * hash the same (otherwise it parses them, as without a build).
 *
 * Trees are rebuilt through the smart constructors in expr/build.ts, so they
 * are the trees the parser makes, hashes included
 * (tests/rewrite/compiled-rules.test.ts compares the two).
 *
 *     rulesFromJson(JSON.parse(JSON.stringify(rulesToJson(rules, hash))), hash)   // the same rules
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
  /** rulesSourceHash of the rule files this was compiled from. */
  readonly sourceHash: string;
  readonly rules: readonly RuleJson[];
}

const FORMAT = 1;

/** One rule file as read from disk: its name (e.g. `algebra.rules`) and text. */
export interface RuleFileText {
  readonly name: string;
  readonly text: string;
}

/**
 * A fingerprint of the rule files (names and texts, in load order): 64-bit
 * FNV-1a as two 32-bit halves. Not cryptographic; it only tells whether the
 * files changed since the build, and costs well under a millisecond.
 */
export function rulesSourceHash(files: readonly RuleFileText[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
    }
  };
  for (const f of files) {
    feed(f.name);
    feed('\u0000');
    feed(f.text);
    feed('\u0000');
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}:${files.length}`;
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

function exprFromJson(j: unknown): Expr {
  const a = list(j);
  const many = (x: unknown): Expr[] => list(x).map(exprFromJson);
  switch (a[0]) {
    case 'num':
      return num(BigInt(str(a[1])), BigInt(str(a[2])));
    case 'float':
      return float(Number(str(a[1])));
    case 'sym':
      return sym(str(a[1]), many(a[2]), many(a[3]));
    case 'add':
      return add(...many(a[2]));
    case 'mul':
      return mul(...many(a[2]));
    case 'call':
      return call(str(a[1]), many(a[2]));
    case 'div':
      return div(exprFromJson(a[1]), exprFromJson(a[2]));
    case 'pow':
      return pow(exprFromJson(a[1]), exprFromJson(a[2]));
    case 'neg':
      return neg(exprFromJson(a[1]));
    case 'deriv': {
      const wrt = exprFromJson(a[2]);
      return deriv(exprFromJson(a[1]), wrt.kind === 'sym' ? wrt : bad('a derivative with respect to a non-symbol'));
    }
    default:
      return bad(`unknown node tag ${JSON.stringify(a[0])}`);
  }
}

/** The rules as JSON-ready data, stamped with the hash of the files they came from. */
export function rulesToJson(rules: readonly Rule[], sourceHash: string): CompiledRules {
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
  return { format: FORMAT, sourceHash, rules: out };
}

/**
 * The rules of a compiled file, or undefined when it was compiled from other
 * rule files than `sourceHash` describes (or by another version of this
 * encoding): then the caller parses the text files.
 */
export function rulesFromJson(c: CompiledRules, sourceHash: string): Rule[] | undefined {
  if (c.format !== FORMAT || c.sourceHash !== sourceHash) return undefined;
  return c.rules.map((r): Rule => {
    const latex = r.latex ?? undefined;
    const source = { file: r.source.file, line: r.source.line };
    if (r.type === 'builtin') {
      return { type: 'builtin', id: r.id, title: r.title, latex, set: r.set, builtin: str(r.builtin), notes: [...r.notes], source, order: r.order, minor: r.minor };
    }
    const guards: Guard[] = (r.guards ?? []).map((g) => ({ name: g.name, args: g.args.map(exprFromJson) }));
    const vars = new Map<string, VarType>(r.vars ?? []);
    return { type: 'pattern', id: r.id, title: r.title, latex, set: r.set, lhs: exprFromJson(r.lhs), rhs: exprFromJson(r.rhs), guards, vars, notes: [...r.notes], source, order: r.order, minor: r.minor };
  });
}

/**
 * One rewrite at one node: try the candidate rules in order and return the
 * first that matches and whose guards hold.
 */
import { addAll, mulAll } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { children, mapBottomUp, replaceAt } from '../expr/traverse.js';
import { equal } from '../expr/equal.js';
import type { Note } from '../proof/step.js';
import { BUILTINS } from './builtins/index.js';
import { evaluateExactly } from './builtins/fold-constants.js';
import { ASSUMED_NONZERO, checkGuard, type GuardContext } from './guards.js';
import { instantiate, match, matchOperands, type Bindings } from './pattern.js';
import type { PatternRule, Rule } from './rule.js';

export interface Rewrite {
  readonly rule: Rule;
  readonly contractum: Expr;
  readonly bindings: Bindings;
  readonly notes: readonly Note[];
}

/** The name of the template function whose argument is computed exactly: `eval(n - 1)`. */
export const EVAL_FN = 'eval';

/** The template function that substitutes: `subst(u, k, j)` is u with k replaced by j. */
export const SUBST_FN = 'subst';

/** The template function naming an entry's index: `indexof(z_j)` is j (the last subscript of an indexed symbol). */
export const INDEX_FN = 'indexof';

/**
 * Replace every eval(...) by its exact value and every subst(u, k, j) by the
 * substitution; undefined when an eval is not a literal computation.
 */
export function evaluateTemplates(e: Expr): Expr | undefined {
  if (e.kind === 'call' && e.fn === EVAL_FN) {
    const inner = e.args[0];
    return inner === undefined ? undefined : evaluateExactly(inner);
  }
  if (e.kind === 'call' && e.fn === SUBST_FN) {
    const [u, k, j] = e.args;
    if (u === undefined || k === undefined || j === undefined) return undefined;
    const body = evaluateTemplates(u);
    return body === undefined ? undefined : mapBottomUp(body, (x) => (equal(x, k) ? j : x));
  }
  if (e.kind === 'call' && e.fn === INDEX_FN) {
    const x = e.args[0];
    return x !== undefined && x.kind === 'sym' ? x.sub[x.sub.length - 1] : undefined;
  }
  const kids = children(e);
  let out = e;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as Expr;
    const v = evaluateTemplates(k);
    if (v === undefined) return undefined;
    if (v !== k) out = replaceAt(out, [i], v);
  }
  return out;
}

function ruleNotes(rule: PatternRule, b: Bindings): Note[] {
  return rule.notes.map((template) => ({ template, values: b }));
}

function tryPattern(rule: PatternRule, node: Expr, context: GuardContext): Rewrite | undefined {
  let found: Rewrite | undefined;
  const finish = (b: Bindings, used: readonly number[] | undefined): boolean => {
    const notes = ruleNotes(rule, b);
    for (const g of rule.guards) {
      const args = g.args.map((a) => instantiate(a, rule, b));
      const answer = checkGuard(g.name, args, context);
      if (!answer.ok) return false;
      if (answer.assumption !== undefined) notes.push({ template: answer.assumption, values: new Map(args.map((a, i) => [String(i), a])) });
    }
    const body = evaluateTemplates(instantiate(rule.rhs, rule, b));
    if (body === undefined) return false;
    let contractum = body;
    if (used !== undefined && (node.kind === 'add' || node.kind === 'mul') && used.length < node.args.length) {
      // Extension match: the rewritten operands are replaced where the first of them stood.
      const first = Math.min(...used);
      const rest: Expr[] = [];
      node.args.forEach((a, i) => {
        if (i === first) rest.push(body);
        else if (!used.includes(i)) rest.push(a);
      });
      contractum = node.kind === 'add' ? addAll(rest) : mulAll(rest);
    }
    found = { rule, contractum, bindings: b, notes };
    return true;
  };
  const lhs = rule.lhs;
  if ((lhs.kind === 'add' || lhs.kind === 'mul') && node.kind === lhs.kind) {
    matchOperands(lhs.kind, lhs.args, node.args, rule, new Map(), true, (b, used) => finish(b, used));
  } else {
    match(lhs, node, rule, new Map(), (b) => finish(b, undefined));
  }
  return found;
}

/** The first rule among `candidates` that rewrites `node` (`context`: what the guards may know, such as definitions). */
export function rewriteOnce(node: Expr, candidates: readonly Rule[], context: GuardContext = {}): Rewrite | undefined {
  for (const rule of candidates) {
    if (rule.type === 'pattern') {
      const r = tryPattern(rule, node, context);
      if (r !== undefined) return r;
      continue;
    }
    const spec = BUILTINS.get(rule.builtin);
    const r = spec?.apply(node);
    if (r === undefined) continue;
    const notes: Note[] = r.assumedNonzero.map((x) => ({ template: ASSUMED_NONZERO, values: new Map([['0', x]]) }));
    return { rule, contractum: r.expr, bindings: new Map(), notes };
  }
  return undefined;
}

/**
 * Finding the rules that could apply at a node without trying them all: each
 * rule is filed under the head of its left side (`call:sin`, `add`,
 * `deriv:call:sin`, or `*` for a bare variable) and candidates keep load order.
 */
import type { Expr } from '../expr/node.js';
import { isPatternVar } from './pattern.js';
import type { Rule, RuleSet } from './rule.js';
import { BUILTINS } from './builtins/index.js';

function headKey(e: Expr): string {
  return e.kind === 'call' ? `call:${e.fn}` : e.kind;
}

function patternKeys(rule: Rule): string[] {
  if (rule.type === 'builtin') return [...(BUILTINS.get(rule.builtin)?.kinds ?? [])].map((k) => (k === 'call' ? 'call:*' : k === 'deriv' ? 'deriv:*' : k));
  const lhs = rule.lhs;
  if (isPatternVar(lhs, rule)) return ['*'];
  if (lhs.kind === 'deriv') return [isPatternVar(lhs.body, rule) ? 'deriv:*' : `deriv:${headKey(lhs.body)}`];
  return [headKey(lhs)];
}

function termKeys(e: Expr): string[] {
  if (e.kind === 'deriv') return [`deriv:${headKey(e.body)}`, 'deriv:*', 'deriv', '*'];
  if (e.kind === 'call') return [`call:${e.fn}`, 'call:*', '*'];
  return [e.kind, '*'];
}

export class RuleIndex {
  private readonly byKey = new Map<string, Rule[]>();
  private readonly cache = new Map<string, readonly Rule[]>();

  constructor(sets: readonly RuleSet[]) {
    for (const set of sets) {
      for (const r of set.rules) {
        for (const k of patternKeys(r)) {
          const list = this.byKey.get(k) ?? [];
          list.push(r);
          this.byKey.set(k, list);
        }
      }
    }
  }

  /** Rules that may match at `e`, in load order. */
  candidates(e: Expr): readonly Rule[] {
    const keys = termKeys(e);
    const cacheKey = keys[0] as string;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const seen = new Set<Rule>();
    const out: Rule[] = [];
    for (const k of keys) for (const r of this.byKey.get(k) ?? []) if (!seen.has(r)) (seen.add(r), out.push(r));
    out.sort((a, b) => a.order - b.order);
    this.cache.set(cacheKey, out);
    return out;
  }
}

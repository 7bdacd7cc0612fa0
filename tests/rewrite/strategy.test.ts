/**
 * The rewrite strategy on its own, with small rule sets written for the
 * test: which subterm is rewritten first, which rule wins, and every way a
 * run stops (normal form, step budget, time budget, cycle).
 */
import { describe, expect, it } from 'vitest';
import { pathToString } from '../../src/expr/path.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { parsePlain } from '../../src/parse/index.js';
import type { Derivation } from '../../src/proof/step.js';
import { groupBySet, parseRuleFile } from '../../src/rewrite/rule-file.js';
import { RuleIndex } from '../../src/rewrite/rule-index.js';
import { DEFAULT_BUDGET, rewriteToNormalForm } from '../../src/rewrite/strategy.js';

/** A rule index from rule-file lines (one set `t`, pattern variables u, v and the symbol x). */
function rules(...lines: string[]): RuleIndex {
  const text = ['@set t', '@vars u v : expr   x : symbol', ...lines].join('\n') + '\n';
  return new RuleIndex([...groupBySet(parseRuleFile('rules/strategy-test.rules', text, 0, new Map())).values()]);
}

/** Each step as "rule@path: before -> after". */
function trace(d: Derivation): string[] {
  return d.steps.map((s) => `${s.rule}@${pathToString(s.path)}: ${toPlain(s.before)} -> ${toPlain(s.after)}`);
}

const p = parsePlain;

describe('rewriteToNormalForm: order', () => {
  it('should rewrite the innermost subterm first, then its parent', () => {
    const d = rewriteToNormalForm(p('f(f(0))'), rules('t.f   f(u) => g(u)   "f to g"'));
    expect(trace(d)).toEqual([`t.f@${pathToString([0])}: f(f(0)) -> f(g(0))`, `t.f@${pathToString([])}: f(g(0)) -> g(g(0))`]);
    expect(d.stop).toBe('normal-form');
  });

  it('should rewrite the operands of a node left to right', () => {
    const d = rewriteToNormalForm(p('max(f(1), f(2))'), rules('t.f   f(u) => g(u)   "f to g"'));
    expect(d.steps.map((s) => s.path)).toEqual([[0], [1]]);
  });

  it('should try the rules at a node in file order and apply the first that matches', () => {
    const first = rewriteToNormalForm(p('f(0)'), rules('t.one   f(u) => g(u)   "first"', 't.two   f(u) => h(u)   "second"'));
    expect(trace(first)).toEqual([`t.one@${pathToString([])}: f(0) -> g(0)`]);
    const swapped = rewriteToNormalForm(p('f(0)'), rules('t.two   f(u) => h(u)   "second"', 't.one   f(u) => g(u)   "first"'));
    expect(trace(swapped)).toEqual([`t.two@${pathToString([])}: f(0) -> h(0)`]);
  });

  it('should skip a rule whose guard fails and try the next one', () => {
    const d = rewriteToNormalForm(p('f(x)'), rules('t.num   f(u) => g(u)   if number(u)   "numbers"', 't.any   f(u) => h(u)   "anything"'));
    expect(d.steps.map((s) => s.rule)).toEqual(['t.any']);
  });

  it('should rewrite a derivative as written before simplifying inside it', () => {
    // With children first, f(x) would become g(x) before d(…, x) is taken.
    const d = rewriteToNormalForm(p('d(f(x), x)'), rules('t.f   f(u) => g(u)   "f to g"', 't.d   d(f(u), x) => h(u)   "derivative of f"'));
    expect(trace(d)).toEqual([`t.d@${pathToString([])}: d(f(x), x) -> h(x)`]);
  });

  it('should record each step from the whole expression before it to the one after it, ending at the result', () => {
    const d = rewriteToNormalForm(p('f(f(f(0)))'), rules('t.f   f(u) => g(u)   "f to g"'));
    expect(d.steps).toHaveLength(3);
    d.steps.forEach((s, i) => expect(s.before).toEqual(i === 0 ? d.start : d.steps[i - 1]?.after));
    expect(d.result).toEqual(d.steps[2]?.after);
    expect(d.steps[0]).toMatchObject({ rule: 't.f', title: 'f to g', redex: p('f(0)'), contractum: p('g(0)') });
  });

  it('should leave an expression no rule matches as it is, with no steps', () => {
    const d = rewriteToNormalForm(p('max(1, 2)'), rules('t.f   f(u) => g(u)   "f to g"'));
    expect(d).toMatchObject({ steps: [], stop: 'normal-form' });
    expect(d.result).toEqual(p('max(1, 2)'));
  });
});

describe('rewriteToNormalForm: budgets and stop reasons', () => {
  // f(u) -> f(g(u)) never ends: every step makes a new, larger expression.
  const growing = rules('t.grow   f(u) => f(g(u))   "grow"');

  it('should stop with fuel-exhausted after exactly maxSteps rewrites', () => {
    const d = rewriteToNormalForm(p('f(0)'), growing, { maxSteps: 5, maxMs: DEFAULT_BUDGET.maxMs });
    expect(d.stop).toBe('fuel-exhausted');
    expect(d.steps).toHaveLength(5);
    expect(toPlain(d.result)).toBe('f(g(g(g(g(g(0))))))');
  });

  it('should stop with time-exhausted when the injected clock passes maxMs', () => {
    let t = 0;
    const now = (): number => (t += 100);
    const d = rewriteToNormalForm(p('f(0)'), growing, { maxSteps: 1000, maxMs: 450 }, { now });
    expect(d.stop).toBe('time-exhausted');
    // The clock is read once at the start and once after each step: 100, then 200, 300, 400, 500, 600 (600 - 100 > 450).
    expect(d.steps).toHaveLength(5);
  });

  it('should stop with cycle when an expression repeats, without repeating the loop', () => {
    const d = rewriteToNormalForm(p('f(0)'), rules('t.fg   f(u) => g(u)   "f to g"', 't.gf   g(u) => f(u)   "g to f"'));
    expect(d.stop).toBe('cycle');
    expect(d.steps.map((s) => s.rule)).toEqual(['t.fg', 't.gf']);
    expect(d.result).toEqual(p('f(0)'));
  });

  it('should end in normal-form within the default budget when the rules terminate', () => {
    const d = rewriteToNormalForm(p('f(f(f(f(0))))'), rules('t.f   f(u) => g(u)   "f to g"'));
    expect(d.stop).toBe('normal-form');
    expect(toPlain(d.result)).toBe('g(g(g(g(0))))');
  });
});

import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/derive/differentiate.js';
import { sym } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';
import { DETAILS, groupSteps, readDetail } from '../../src/proof/group-steps.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';
import type { Step } from '../../src/proof/step.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { verifyLines } from '../../src/proof/verify-lines.js';

const engine = createEngine();
const stepsOf = (f: string, x: string): readonly Step[] => differentiate(engine, parsePlain(f), [sym(x)]).steps;

describe('groupSteps: the one grouping of steps into displayed lines', () => {
  const steps = stepsOf('x^3 + 5*x + sin(x)', 'x');
  const sigmoid = stepsOf('1/(1 + exp(-x))', 'x');

  for (const detail of DETAILS) {
    describe(`at detail ${detail}`, () => {
      const lines = groupSteps(steps, { detail });
      it('keeps every step exactly once, in order', () => {
        expect(lines.flatMap((l) => l.steps.map((s) => s.index))).toEqual(steps.map((_, i) => i));
      });
      it("a line's claim is the state before its first step and after its last, and its titles come once each", () => {
        for (const l of lines) {
          expect(l.before).toBe(l.steps[0]!.step.before);
          expect(l.after).toBe(l.steps.at(-1)!.step.after);
          expect(new Set(l.titles).size).toBe(l.titles.length);
        }
      });
      it('ends a line where the caller says (a failing step on a line of its own)', () => {
        const cut = groupSteps(steps, { detail, endsLine: (i) => i === 1 });
        expect(cut.some((l) => l.steps.at(-1)!.index === 1)).toBe(true);
      });
    });
  }

  it('full is one rewrite per line', () => {
    expect(groupSteps(sigmoid, { detail: 'full' }).length).toBe(sigmoid.length);
  });
  it('standard never starts a line with bookkeeping, nor with a repeat of the rule before, and shows a change on every line', () => {
    const lines = groupSteps(steps, { detail: 'standard' });
    for (let k = 1; k < lines.length; k++) {
      const prev = lines[k - 1]!.steps.at(-1)!.step;
      const first = lines[k]!.steps[0]!.step;
      expect(first.rule === prev.rule).toBe(false);
      expect(first.minor === true).toBe(false);
      expect(toPlain(lines[k]!.after)).not.toBe(toPlain(lines[k - 1]!.after));
    }
  });
  it('standard puts the sum rule and the rules applied to its terms on one line', () => {
    const lines = groupSteps(steps, { detail: 'standard' });
    const sum = lines.find((l) => l.titles.includes('Sum rule'));
    expect(sum?.titles.length).toBeGreaterThan(1);
  });
  it('brief is at most three lines for a derivative (first rule, differentiation, algebra) and fewer than standard', () => {
    const brief = groupSteps(sigmoid, { detail: 'brief' });
    expect(brief.length).toBeLessThanOrEqual(3);
    expect(brief.length).toBeLessThan(groupSteps(sigmoid, { detail: 'standard' }).length);
    expect(groupSteps(sigmoid, { detail: 'standard' }).length).toBeLessThan(sigmoid.length);
  });
  it('reads the three levels and nothing else', () => {
    expect(readDetail('brief')).toBe('brief');
    expect(readDetail('Brief')).toBeUndefined();
  });
});

describe('verifyLines: a merged line is checked as one step', () => {
  const steps = stepsOf('1/(1 + exp(-x))', 'x');
  const lines = groupSteps(steps, { detail: 'brief' });
  const stepVerdicts = steps.map((s, i) => checkEqualNumeric(s.redex, s.contractum, { seed: i }));

  it('checks the claim of every merged line, not only its parts', () => {
    const asked: number[] = [];
    const checks = verifyLines(lines, stepVerdicts, (a, b, k) => (asked.push(k), checkEqualNumeric(a, b, { seed: 9 })));
    expect(checks.every((c) => c.verdict.verdict === 'holds')).toBe(true);
    expect(asked.length).toBe(lines.filter((l) => l.steps.length > 1).length);
  });
  it('a merged line whose claim is false fails even when each of its steps held', () => {
    const wrong = lines.map((l) => (l.steps.length > 1 ? { ...l, after: parsePlain('x + 1') } : l));
    const checks = verifyLines(wrong, stepVerdicts, (a, b) => checkEqualNumeric(a, b, { seed: 9 }));
    expect(checks.some((c) => c.verdict.verdict === 'fails')).toBe(true);
  });
});

describe('verifyLines: a line proved by its steps', () => {
  const steps = stepsOf('1/(1 + exp(-x))', 'x');
  const lines = groupSteps(steps, { detail: 'brief' });
  const stepVerdicts = steps.map((s, i) => checkEqualNumeric(s.redex, s.contractum, { seed: i }));
  const merged = lines.filter((l) => l.steps.length > 1).length;

  it('samples no merged line whose every step is proved in place, and says so', () => {
    const asked: number[] = [];
    const checks = verifyLines(lines, stepVerdicts, (a, b, k) => (asked.push(k), checkEqualNumeric(a, b, { seed: 9 })), () => true);
    expect(merged).toBeGreaterThan(0);
    expect(asked).toEqual([]);
    expect(checks.filter((c) => c.bySteps === true).length).toBe(merged);
    expect(checks.every((c) => c.verdict.verdict === 'holds')).toBe(true);
  });
  it('samples a merged line as soon as one of its steps is not proved in place, or does not hold', () => {
    const unproved = verifyLines(lines, stepVerdicts, (a, b) => checkEqualNumeric(a, b, { seed: 9 }), (i) => i !== 1);
    const withOne = lines.findIndex((l) => l.steps.some((s) => s.index === 1));
    expect(unproved[withOne]?.bySteps).toBeUndefined();
    const undecided = stepVerdicts.map((v, i) => (i === 1 ? ({ verdict: 'undecided', reason: 'made up' } as const) : v));
    const checks = verifyLines(lines, undecided, (a, b) => checkEqualNumeric(a, b, { seed: 9 }), () => true);
    expect(checks[withOne]?.bySteps).toBeUndefined();
    expect(checks[withOne]?.verdict.verdict).toBe('undecided');
  });
});

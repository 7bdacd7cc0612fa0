import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/derive/differentiate.js';
import { sym } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';
import { groupSteps } from '../../src/proof/group-steps.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';
import type { Step } from '../../src/proof/step.js';

const engine = createEngine();
const stepsOf = (f: string, x: string): readonly Step[] => differentiate(engine, parsePlain(f), [sym(x)]).steps;

describe('groupSteps: the one grouping of steps into displayed lines', () => {
  const steps = stepsOf('x^3 + 5*x + sin(x)', 'x');
  const lines = groupSteps(steps, (s) => toPlain(s.after));

  it('keeps every step exactly once, in order', () => {
    expect(lines.flatMap((l) => l.steps.map((s) => s.index))).toEqual(steps.map((_, i) => i));
  });
  it('never puts two consecutive uses of one rule on different lines, nor two routine steps', () => {
    for (let k = 1; k < lines.length; k++) {
      const prev = lines[k - 1]!.steps.at(-1)!.step;
      const first = lines[k]!.steps[0]!.step;
      expect(first.rule === prev.rule).toBe(false);
      expect(first.minor === true && prev.minor === true).toBe(false);
      expect(lines[k]!.printed).not.toBe(lines[k - 1]!.printed);
    }
  });
  it('shows the state after the last step of each line, and its titles once each', () => {
    for (const l of lines) {
      expect(l.printed).toBe(toPlain(l.steps.at(-1)!.step.after));
      expect(new Set(l.titles).size).toBe(l.titles.length);
    }
  });
  it('ends a line where the caller says (a failing step on a line of its own)', () => {
    const all = groupSteps(steps, () => 'same', (i) => i === 1);
    expect(all.length).toBe(steps.length > 2 ? 2 : all.length);
    expect(all[0]!.steps.map((s) => s.index)).toEqual([0, 1]);
  });
});

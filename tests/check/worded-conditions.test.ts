import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { wordedConditions } from '../../src/check/worded-conditions.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const softmax = '$$p_k = \\frac{e^{z_k}}{\\sum_{j=1}^K e^{z_j}}$$\n\n';

describe('a sentence opening with a condition in words ("When all scores are equal, …")', () => {
  it('should find the condition and the sentence it governs, not a condition written as math', () => {
    const src = 'When all scores are equal, $p_k = 1/K$ and so $L = \\log K$. Next sentence $a = b$.';
    const [c] = wordedConditions(src);
    expect(c?.text).toBe('\\text{When all scores are equal}');
    expect(src.slice(c?.from, c?.to)).toBe('When all scores are equal, $p_k = 1/K$ and so $L = \\log K$.');
    expect(wordedConditions('If $x > 0$, then $|x| = x$.')).toEqual([]);
    expect(wordedConditions('If so, $a = b$.')).toEqual([]);
    expect(wordedConditions('If the true class is $c$, the loss is $L = -\\log p_c$.').map((x) => x.text)).toEqual(['\\text{If the true class is c}']);
  });

  it('should leave a failure under the condition undecided, and judge the same claim without it', () => {
    const under = steps(`${softmax}When all scores are equal, $p_k = \\frac{1}{K}$.\n`);
    expect(under.map((s) => s.verdict)).toEqual(['definition', 'undecided']);
    expect(under[1]?.evidence.summary).toMatch(/When all scores are equal.*could not be read as a fact/);
    const bare = steps(`${softmax}Hence $p_k = \\frac{1}{K}$.\n`);
    expect(bare.map((s) => s.verdict)).toEqual(['definition', 'fails']);
  });

  it('should still prove a claim that holds under the condition', () => {
    expect(steps(`${softmax}When all scores are equal, $p_k \\sum_{j=1}^K e^{z_j} = e^{z_k}$.\n`).map((s) => s.verdict)).toEqual(['definition', 'proved']);
  });
});

describe('cases on two indices written one after the other ("for $i = y$, and … for $i \\ne y$")', () => {
  const doc = [
    'The softmax output is $p_i = e^{z_i} / \\sum_{j=1}^J e^{z_j}$ and the loss is $L = -\\log p_y$. I got',
    '',
    '  $\\partial L / \\partial z_i = p_i - 1$ for $i = y$, and',
    '  $\\partial L / \\partial z_i = %RHS%$ for $i \\ne y$.',
    '',
  ].join('\n');
  it('should judge the second case with i ≠ y only, not with i = y from the first', () => {
    const right = steps(doc.replace('%RHS%', 'p_i'));
    expect(right.slice(-2).map((s) => s.verdict)).toEqual(['holds', 'holds']);
    expect(right[right.length - 1]?.evidence.summary).toMatch(/never equal/);
    const wrong = steps(doc.replace('%RHS%', 'p_i - 1'));
    expect(wrong[wrong.length - 1]?.verdict).toBe('fails');
  });
});

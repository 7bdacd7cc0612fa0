import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { describeFact } from '../../src/check/facts.js';
import { indexConditionClause } from '../../src/check/index-conditions.js';
import { readFacts } from '../../src/check/read-facts.js';
import { indexPlan } from '../../src/numeric/indexed.js';
import { parseLatex } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { sym } from '../../src/expr/build.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);
const read = (text: string): string[] => readFacts(text, { definitions: true }).map((f) => describeFact(f, toPlain));

const SOFTMAX = 'Let $p_k = \\frac{e^{z_k}}{\\sum_{m=1}^{K} e^{z_m}}$ for $k = 1, \\dots, K$.\n\n';

describe('index conditions restrict the index values drawn', () => {
  it('should read relations and ranges of indices, never a range as a value', () => {
    expect(read('k \\ne l')).toEqual(['k != l (indices)']);
    expect(read('k > l')).toEqual(['l < k (indices)']);
    expect(read('i = j')).toEqual(['i = j']);
    expect(read('k = 1, \\dots, K')).toEqual(['k in {1, ..., K} (an index)']);
    expect(read('i \\in \\{1, \\ldots, n\\}')).toEqual(['i in {1, ..., n} (an index)']);
    expect(read('1 \\le j \\le K')).toEqual(['j in {1, ..., K} (an index)']);
    expect(read('i, j = 1, \\dots, n')).toEqual(['i in {1, ..., n} (an index)', 'j in {1, ..., n} (an index)']);
    expect(read('i, j \\in \\{1, \\dots, K\\}')).toEqual(['j in {1, ..., K} (an index)', 'i in {1, ..., K} (an index)']);
    // "Let $k = 1, …, K$" is not k = 1.
    expect(readFacts('k = 1, \\dots, K', { definitions: true, values: true }).map((f) => f.kind)).toEqual(['index-range']);
    expect(indexConditionClause('a = b \\quad (k \\neq j)')?.text).toBe('k \\neq j');
    expect(indexConditionClause('a = b, \\; k < l')?.text).toBe('k < l');
    expect(indexConditionClause('a = k \\ne j')).toBeUndefined();
  });

  it('should draw related indices apart and in order at every point of the plan', () => {
    const e = parseLatex('\\sum_{m=1}^{n} x_m + z_k + z_l');
    const vars = [sym('k'), sym('l'), sym('n')];
    const plan = indexPlan([e], vars, new Set(), [{ sym: sym('k'), kind: 'index-relation', rel: '<', other: sym('l') }]);
    const p = new Float64Array(3);
    for (let i = 0; i < 40; i++) {
      plan?.assign(p, i);
      expect(p[0] as number).toBeLessThan(p[1] as number);
      expect(p[1] as number).toBeLessThanOrEqual(p[2] as number);
    }
  });

  it('should judge the cases "for $i = j$" and "for $i \\ne j$" of the softmax Jacobian, each until the next', () => {
    const doc = `${SOFTMAX}For $i = j$:\n\n$$p_i = p_j$$\n\nFor $i \\ne j$:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i p_j$$\n\n$$p_i = p_j$$\n`;
    expect(verdicts(doc)).toEqual(['5: proved', '9: holds', '11: fails', '13: fails']);
    // Without the condition the off-diagonal formula is wrong at i = j.
    expect(verdicts(`${SOFTMAX}$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n`)).toEqual(['3: fails']);
  });

  it('should apply a condition closing a display to that display only', () => {
    const doc = `${SOFTMAX}$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j \\quad (i \\neq j)$$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n`;
    expect(verdicts(doc)).toEqual(['3: holds', '5: fails']);
  });

  it('should keep k < l: a Kronecker delta of them is 0, and 1 fails', () => {
    const v = verdicts('Take $k < l$.\n\n$$\\delta_{kl} = 0$$\n\n$$\\delta_{kl} = 1$$\n\n$$\\delta_{kl} = \\delta_{lk}$$\n\n$$\\delta_{lk} = 1$$\n');
    expect(v.map((x) => x.replace('proved', 'holds'))).toEqual(['3: holds', '5: fails', '7: holds', '9: fails']);
    // Without the condition k = l is drawn too.
    expect(verdicts('$$\\delta_{kl} = 0$$\n')).toEqual(['1: fails']);
  });

  it('should use a stated range for sifting, and not a range of another size', () => {
    const sift = '$$\\sum_{k=1}^{K} \\delta_{jk} x_k = x_j$$\n';
    expect(verdicts(`Let $j \\in \\{1, \\dots, K\\}$.\n\n${sift}`)).toEqual(['3: proved']);
    expect(verdicts(`for $1 \\le j \\le K$\n\n${sift}`)).toEqual(['3: proved']);
    expect(verdicts(sift)).toEqual(['1: undecided']);
    // j ranges to n, the sum to K: nothing says j <= K.
    expect(verdicts(`Let $j \\in \\{1, \\dots, n\\}$.\n\n${sift}`)).toEqual(['3: undecided']);
    // A wrong sifting with the range stated still fails.
    expect(verdicts(`Let $j \\in \\{1, \\dots, K\\}$.\n\n$$\\sum_{k=1}^{K} \\delta_{jk} x_k = x_k$$\n`)).not.toContain('3: proved');
  });

  it('should leave a failure undecided when a stated relation cannot be applied to the step', () => {
    // x < y between variables, or a relation of a summed index: the point may break it.
    // True for x < y: a counterexample the sampler finds breaks the condition, so it decides nothing.
    expect(verdicts('Note $x < y$.\n\n$$\\sqrt{(x - y)^2} = y - x$$\n')).toEqual(['3: undecided']);
    expect(verdicts('Note $x < y$.\n\n$$\\sqrt{(x - y)^2} = x - y$$\n')).toEqual(['3: fails']);
    // A counterexample that keeps the relation settles it (x ≠ y between reals is almost never broken).
    expect(verdicts('Note $x \\ne y$.\n\n$$(x + y)^2 = x^2 + y^2$$\n')).toEqual(['3: fails']);
    expect(verdicts('Here $k \\ne l$.\n\n$$\\sum_{k=1}^{n} \\delta_{kl} = 0$$\n')).toEqual(['3: undecided']);
  });
});

describe('a family defined over a stated range', () => {
  it('should give a member p_j the range of k, so the sifting in the softmax derivative is proved', () => {
    const doc = `${SOFTMAX}$$\\frac{\\partial p_j}{\\partial z_j} = p_j (1 - p_j)$$\n\n$$\\frac{\\partial p_j}{\\partial z_j} = p_j (1 + p_j)$$\n`;
    expect(verdicts(doc)).toEqual(['3: proved', '5: fails']);
    // Without the range of k, z summed over 1..K in the definition gives z_j, so j, the range 1..K (summed-ranges.ts).
    const unranged = 'Let $p_k = \\frac{e^{z_k}}{\\sum_{m=1}^{K} e^{z_m}}$.\n\n$$\\frac{\\partial p_j}{\\partial z_j} = p_j (1 - p_j)$$\n';
    expect(verdicts(unranged)).toEqual(['3: proved']);
  });
});

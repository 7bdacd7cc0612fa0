import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { describeFact } from '../../src/check/facts.js';
import { factsInWords } from '../../src/check/word-facts.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);
const words = (math: string, before: string, after: string): string[] => {
  const w = factsInWords(math, before, after);
  return [...w.facts.map((f) => describeFact(f, toPlain)), ...(w.unread !== undefined ? [`unread: ${w.unread}`] : [])];
};

describe('constraints stated in words', () => {
  it('should read distributions, one-hot vectors, probabilities and signs from the words around the math', () => {
    expect(words('p', 'Let ', ' and $q$ be distributions.')).toEqual(['p a distribution: each p_i > 0, sum of p_i = 1']);
    expect(words('q', 'Let $p$ and ', ' be distributions.')).toEqual(['q a distribution: each q_i > 0, sum of q_i = 1']);
    expect(words('p, q', '', ' are probability distributions')).toHaveLength(2);
    expect(words('q', 'for probability distributions $p$ and ', ' over K classes')).toEqual(['q a distribution: each q_i > 0, sum of q_i = 1']);
    expect(words('p', '', ' is a probability vector')).toEqual(['p a distribution: each p_i > 0, sum of p_i = 1']);
    expect(words('y', 'the one-hot label ', ' and')).toEqual(['y one-hot: each y_i in {0, 1}, sum of y_i = 1']);
    expect(words('y', 'where ', ' is one-hot')).toEqual(['y one-hot: each y_i in {0, 1}, sum of y_i = 1']);
    expect(words('p', '', ' is the probability that the label is 1')).toEqual(['p in [0, 1]']);
    expect(words('x', '', ' is positive')).toEqual(['x > 0']);
    expect(words('x', '', ' is nonnegative')).toEqual(['x >= 0']);
    expect(words('x', '', ' is positive or negative')).toEqual([]);
    expect(words('x', '', ' is not positive')).toEqual(['unread: is not positive']);
    expect(words('W', '', ' is orthogonal')).toEqual(['unread: is orthogonal']);
    expect(words('A', '', ' is positive definite')).toEqual(['unread: is positive definite']);
    // Not constraints on the math: another noun, a relation rather than a name, "the distribution of x".
    expect(words('x', 'the distribution of ', ' is')).toEqual([]);
    expect(words('p = \\sigma(z)', '', ' is a probability')).toEqual([]);
    expect(words('L', '', ' is the loss')).toEqual([]);
  });

  it('should sample "p and q are distributions" on the simplex: KL(p, q) >= 0 holds and KL(p, q) > 0 fails at p = q', () => {
    const doc = 'Let $p$ and $q$ be distributions.\n\n$$\\sum_{i=1}^{K} p_i = 1$$\n\n$$\\sum_{i=1}^{K} p_i \\log \\frac{p_i}{q_i} \\ge 0$$\n\n$$\\sum_{i=1}^{K} p_i \\log \\frac{p_i}{q_i} > 0$$\n\n$$p_j \\le 1$$\n\n$$p_j < 0$$\n\n$$\\sum_{i=1}^{K} q_i = 2$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: holds', '7: fails', '9: holds', '11: fails', '13: fails']);
  });

  it('should sample a one-hot label with one entry 1 and the others 0', () => {
    const doc = 'The one-hot label $y$ and the softmax output $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$.\n\n$$\\sum_{k=1}^{K} y_k = 1$$\n\n$$\\frac{\\partial}{\\partial z_j} \\left(-\\sum_{k=1}^{K} y_k \\log p_k\\right) = p_j - y_j$$\n\n$$\\frac{\\partial}{\\partial z_j} \\left(-\\sum_{k=1}^{K} y_k \\log p_k\\right) = p_j + y_j$$\n\n$$y_j^2 = y_j$$\n\n$$y_j = 1$$\n\n$$y_j = 0$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: holds', '7: fails', '9: holds', '11: fails', '13: fails']);
  });

  it('should sample labels y_i in {-1, 1} from the set, not as any real', () => {
    const doc = 'Labels $y_i \\in \\{-1, 1\\}$.\n\n$$y_i^2 = 1$$\n\n$$y_i = 1$$\n\n$$|y_j| = 1$$\n';
    expect(verdicts(doc)).toEqual(['3: holds', '5: fails', '7: holds']);
    expect(verdicts('Here $t \\in \\{-1, 0, 2\\}$.\n\n$$t^3 - t^2 - 2t = 0$$\n\n$$t^2 = t$$\n')).toEqual(['3: holds', '5: fails']);
  });

  it('should read $y \\in \\{0, 1\\}$, $0 < p < 1$ and "p is a probability" as domains', () => {
    const doc = 'Here $y \\in \\{0, 1\\}$ and $0 < p < 1$.\n\n$$y^2 = y$$\n\n$$y \\log p + (1 - y) \\log(1 - p) \\le 0$$\n\n$$y \\log p \\le -1$$\n';
    expect(verdicts(doc)).toEqual(['3: holds', '5: holds', '7: fails']);
    expect(verdicts('$p$ is a probability.\n\n$$p (1 - p) \\le \\frac{1}{4}$$\n\n$$p \\le \\frac{1}{2}$$\n')).toEqual(['3: holds', '5: fails']);
  });

  it('should make a failure undecided under a constraint in words it cannot read', () => {
    expect(verdicts('$W$ is orthogonal.\n\n$$W^2 = 1$$\n')).toEqual(['3: undecided']);
    expect(steps('$W$ is orthogonal.\n\n$$W^2 = 1$$\n')[0]?.evidence.summary).toContain('could not be read');
  });
});

describe('a constraint in words that is not read', () => {
  it('should leave undecided only the failures of steps that use its symbol', () => {
    const doc = '$W$ is orthogonal.\n\n$$W^2 = 1$$\n\n$$(x + 1)^2 = x^2 + 1$$\n';
    expect(verdicts(doc)).toEqual(['3: undecided', '5: fails']);
  });
});

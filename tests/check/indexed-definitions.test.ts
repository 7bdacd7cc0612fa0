import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { instantiateFamily } from '../../src/check/indexed-definitions.js';
import { parseLatex } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';
import type { Sym } from '../../src/expr/node.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);

const SOFTMAX = 'Let $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$ for each class.\n\n';

describe('a definition of an indexed family defines every member', () => {
  it('should rename the index of the definition for p_j, p_i and p_1 (never a bound index of a sum)', () => {
    const def = parseLatex('\\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}');
    const pk = parseLatex('p_k') as Sym;
    expect(toPlain(instantiateFamily({ sym: pk, value: def }, parseLatex('p_1') as Sym) ?? pk)).toBe('exp(z_1)/sum(exp(z_j), j, 1, K)');
    // j is bound in the sum: renaming k := j must not capture it.
    const pj = instantiateFamily({ sym: pk, value: def }, parseLatex('p_j') as Sym);
    expect(pj === undefined ? '' : toPlain(pj)).toMatch(/^exp\(z_j\)\/sum\(exp\(z_([a-z])\), \1, 1, K\)$/);
    expect(pj === undefined ? '' : toPlain(pj)).not.toContain('sum(exp(z_j), j');
    // A different number of indices is not a member.
    expect(instantiateFamily({ sym: pk, value: def }, parseLatex('p_{ij}') as Sym)).toBeUndefined();
  });

  it('should sample p_j from its definition: positive, summing to 1, with the softmax derivative', () => {
    const doc = `${SOFTMAX}$$p_j > 0$$\n\n$$\\sum_{i=1}^{K} p_i = 1$$\n\n$$p_i + 1 = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} + 1$$\n\n$$p_1 = \\frac{e^{z_1}}{\\sum_{j=1}^{K} e^{z_j}}$$\n`;
    expect(verdicts(doc)).toEqual(['3: holds', '5: holds', '7: holds', '9: proved']);
    // The derivative of the family's member by its own input: not `fails` (p_j is no longer any real number).
    expect(verdicts(`${SOFTMAX}$$\\frac{\\partial p_j}{\\partial z_j} = p_j (1 - p_j)$$\n`)).not.toContain('3: fails');
  });

  it('should fail wrong steps that would hold only if p_j were something else', () => {
    const doc = `${SOFTMAX}$$p_j = e^{z_j}$$\n\n$$\\frac{\\partial p_j}{\\partial z_j} = p_j^2$$\n\n$$\\sum_{k=1}^{K} p_k = 2$$\n\n$$p_i = p_j$$\n`;
    expect(verdicts(doc)).toEqual(['3: fails', '5: fails', '7: fails', '9: fails']);
  });

  it('should treat a display p_j = … after the family is defined as a claim, not a new definition', () => {
    expect(verdicts(`${SOFTMAX}$$p_j = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}}$$\n`)[0]).toMatch(/^3: (proved|holds)$/);
    expect(verdicts(`${SOFTMAX}$$p_j = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_j}}$$\n`)).toEqual(['3: fails']);
  });

  it('should rename a bound index that the new index would capture, and keep index order', () => {
    const doc = 'Let $u_k = \\sum_{j=1}^{n} A_{kj} x_j$.\n\n$$u_j = \\sum_{m=1}^{n} A_{jm} x_m$$\n\n$$u_j = \\sum_{m=1}^{n} A_{mj} x_m$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: fails']);
  });

  it('should not read a recurrence h_t = tanh(h_{t-1}) as a definition of every h', () => {
    const doc = 'For the recurrent layer, $h_t = \\tanh(h_{t-1})$.\n\n$$h_3 = \\tanh(h_2) + 1$$\n';
    expect(verdicts(doc)).not.toContain('3: holds');
    expect(verdicts(doc)).not.toContain('3: proved');
  });

  it('should hold a family definition to its section: in the next section p_j is unknown again', () => {
    const doc = `# One\n\n${SOFTMAX}$$p_j > 0$$\n\n# Two\n\n$$p_j > 0$$\n`;
    expect(verdicts(doc)).toEqual(['5: holds', '9: fails']);
  });

  it('should keep the order of two indices: A_{ij} = x_i y_j makes A_{ji} = x_j y_i, never x_i y_j', () => {
    const doc = 'Let $A_{ij} = x_i y_j$.\n\n$$A_{ji} = x_j y_i$$\n\n$$A_{ji} = x_i y_j$$\n\n$$A_{ii} = x_i y_i$$\n\n$$A_{1,2} = x_2 y_1$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: fails', '7: proved', '9: fails']);
  });

  it('should unfold layer families a^{(l)}, z^{(l)} down to a stated base case, with index arithmetic done (l - 1 at l = 2 is 1)', () => {
    const layers = 'Let $a^{(0)} = x$, $z^{(l)} = w^{(l)} a^{(l-1)}$ and $a^{(l)} = \\sigma(z^{(l)})$.\n\n';
    const doc = `${layers}$$a^{(2)} = \\sigma(w^{(2)} \\sigma(w^{(1)} x))$$\n\n$$a^{(2)} = \\sigma(w^{(2)} \\sigma(w^{(2)} x))$$\n\n$$\\frac{\\partial a^{(1)}}{\\partial w^{(1)}} = a^{(1)} (1 - a^{(1)}) x$$\n`;
    expect(verdicts(doc)).toEqual(['3: proved', '5: fails', '7: proved']);
  });

  it('should not judge a failure of definitions that refer to each other without end (no base case reached)', () => {
    // True by the definitions, but a^{(l)} unfolds forever: cut at a depth, the sides would differ at random.
    const doc = 'Let $z^{(l)} = w^{(l)} a^{(l-1)}$ and $a^{(l)} = \\sigma(z^{(l)})$.\n\n$$a^{(l)} = \\sigma(w^{(l)} a^{(l-1)})$$\n';
    expect(verdicts(doc)).toEqual(['3: undecided']);
  });
});

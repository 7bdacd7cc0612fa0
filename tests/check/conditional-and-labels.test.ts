import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { splitRelations } from '../../src/parse/split-relations.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { sym } from '../../src/expr/build.js';
import { isSubscriptWord } from '../../src/parse/subscript-word.js';

const checker = createChecker(createEngine());
const steps = (source: string, syntax: 'markdown' | 'tex' = 'markdown'): StepReport[] => checkDocument(checker, source, syntax).chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string, syntax: 'markdown' | 'tex' = 'markdown'): string[] => steps(source, syntax).map((s) => `${s.line}: ${s.verdict}`);
const sides = (block: string): string[][] => splitRelations(block).map((c) => c.sides.map((s) => s.latex));

describe('an = inside parentheses belongs to its side (P(y = k \\mid x) = p_k = …)', () => {
  it('should not cut a conditional probability or an indicator in parentheses at its =', () => {
    expect(sides('P(y = k \\mid x) = p_k = \\frac{a}{b}')).toEqual([['P(y = k \\mid x)', 'p_k', '\\frac{a}{b}']]);
    expect(sides('\\mathbb{1}(y = k) + 1 = 2')).toEqual([['\\mathbb{1}(y = k) + 1', '2']]);
    // A bracket never closed hides nothing; brackets closed on both sides leave the relation between them.
    expect(sides('[0, 1) = a \\le b')).toEqual([['[0, 1)', 'a', 'b']]);
    expect(sides('f(x) = (x - 1)^2 \\ge 0')).toEqual([['f(x)', '(x - 1)^2', '0']]);
  });

  it('should keep the definition p_k = … after an unreadable P(y = k \\mid x), so p_k is not sampled as any number', () => {
    const doc = [
      '$$P(y = k \\mid x) = p_k = \\frac{e^{z_k}}{\\sum_{j=1}^K e^{z_j}}$$',
      '',
      '$$\\sum_{k=1}^K p_k = 1$$',
      '',
      '$$\\sum_{k=1}^K p_k = 2$$',
      '',
    ].join('\n');
    const s = steps(doc);
    expect(s.map((x) => `${x.line}: ${x.verdict}`)).toEqual(['1: definition', '3: holds', '5: fails']);
    expect(checkDocument(checker, doc, 'markdown').notRead.map((n) => n.line)).toEqual([1]);
  });

  it('should still read a head being defined first in a chain (KL(p, q) = … = …)', () => {
    const v = verdicts('$$KL(p, q) = \\sum_{i=1}^k p_i \\log \\frac{p_i}{q_i} = \\sum_{i=1}^k p_i \\log p_i - \\sum_{i=1}^k p_i \\log q_i$$\n');
    expect(v[0]).toBe('1: definition');
    expect(v).toHaveLength(2);
  });
});

describe('a definition that is a matrix operation (z_k = w_k^\\top x) and steps in z', () => {
  const setup = 'Scores $z_k = w_k^\\top x$ and\n\n$$p_k = \\frac{e^{z_k}}{\\sum_{j=1}^K e^{z_j}}, \\qquad \\ell = -\\log p_y.$$\n\n';
  it('should judge a derivative by z_k in the variables z, where a wrong one fails', () => {
    const v = verdicts(`${setup}$$\\frac{\\partial \\ell}{\\partial z_k} = p_k - \\delta_{ky}$$\n\n$$\\frac{\\partial \\ell}{\\partial z_k} = p_y - \\delta_{ky}$$\n`);
    expect(v.slice(-2)).toEqual(['5: holds', '7: fails']);
  });

  it('should sample z freely in a step without a derivative, and then not fail it (the point may not be reachable)', () => {
    const s = steps(`${setup}$$\\sum_{k=1}^K p_k = 1$$\n\n$$\\sum_{k=1}^K p_k = 2$$\n`);
    expect(s.slice(-2).map((x) => x.verdict)).toEqual(['holds', 'undecided']);
    expect(s[s.length - 1]?.evidence.summary).toMatch(/matrix operation that cannot be sampled without shapes/);
    expect(s[s.length - 2]?.evidence.summary).toMatch(/left out \(a matrix operation\)/);
  });

  it('should keep the definition for a step that uses its symbols (∂ℓ/∂w_k)', () => {
    const s = steps(`${setup}$$\\nabla_{w_k} \\ell = (p_k - \\delta_{ky}) x$$\n`);
    expect(s[s.length - 1]?.verdict).toBe('undecided');
  });

  it('should take p_1 + p_2 = 1 as a claim when the family p_k is defined', () => {
    const v = verdicts('$$p_k = \\frac{e^{z_k}}{\\sum_{j=1}^2 e^{z_j}}$$\n\nAlso $p_1 + p_2 = 1$ and $p_1 + p_2 = 2$.\n');
    expect(v).toEqual(['1: definition', '3: holds', '3: fails']);
  });
});

describe('a word in a subscript names the symbol (n_{in}, n_{out}), a run of index letters does not (W_{ij})', () => {
  it('should tell words from index runs', () => {
    expect(['in', 'out', 'max', 'train', 'He'].filter(isSubscriptWord)).toEqual(['in', 'out', 'max', 'train', 'He']);
    expect(['ij', 'ky', 'ijk', 'kl', 'mn', 'i'].filter(isSubscriptWord)).toEqual([]);
  });

  it('should read n_{in} as one symbol in LaTeX and in plain syntax', () => {
    expect(parseLatex('n_{in}')).toEqual(sym('n', [sym('in')]));
    expect(parseLatex('n_{out}')).toEqual(sym('n', [sym('out')]));
    expect(parseLatex('W_{ij}')).toEqual(sym('W', [sym('i'), sym('j')]));
    expect(parsePlain('n_{in}')).toEqual(sym('n', [sym('in')]));
    expect(parsePlain('W_{ij}')).toEqual(sym('W', [sym('i'), sym('j')]));
  });

  it('should judge with n_{in} a number, not a family drawn at an index "in"', () => {
    const s = steps('$$\\frac{2}{n_{in}} \\cdot \\frac{n_{in}}{2} = 1$$\n\n$$\\frac{2}{n_{in} + n_{out}} = \\frac{1}{n_{in}}$$\n');
    expect(s.map((x) => x.verdict)).toEqual(['proved', 'fails']);
    expect(s[1]?.evidence.summary).not.toMatch(/\bin = /);
  });

  it('should read Var(w_{He}) = … after Var(w) = … (a value that does not use w) as the value at another argument', () => {
    const doc = '$$\\mathrm{Var}(w) = \\frac{2}{n_{in} + n_{out}}$$\n\n$$\\mathrm{Var}(w_{He}) = 2 / n_{in}$$\n';
    expect(verdicts(doc)).toEqual(['1: definition', '3: definition']);
    // A head whose value uses its argument stays a function: its value at another argument is judged.
    expect(verdicts('$$\\mathrm{G}(w) = 2 w$$\n\n$$\\mathrm{G}(v) = 3 v$$\n')).toEqual(['1: definition', '3: fails']);
  });
});

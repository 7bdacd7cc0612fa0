/**
 * \frac{d\sigma}{dx} in a document that writes σ(x) = …: judged as
 * d(σ(x), x) (src/check/function-arguments.ts); a wrong one fails at its own
 * place; without such a definition it stays "not read".
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => c.steps.map((s) => `${s.line}:${s.col} ${s.verdict}`));
const notRead = (source: string): number[] => checkDocument(checker, source, 'markdown').notRead.map((n) => n.line);

describe('the derivative of a function named bare, at the argument the document writes', () => {
  it('should judge \\frac{d\\sigma}{dx} as the derivative of σ(x) where the document defines σ(x), right and wrong', () => {
    const doc = ['$$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$', '', '$$\\frac{d\\sigma}{dx} = \\sigma(x)(1 - \\sigma(x))$$', '', '$$\\frac{d\\sigma}{dx} = \\sigma(x)(1 + \\sigma(x))$$', ''].join('\n');
    const v = verdicts(doc);
    expect(v.filter((s) => s.startsWith('3:'))[0]).toMatch(/3:\d+ (proved|holds)/);
    expect(v.filter((s) => s.startsWith('5:'))).toEqual([expect.stringMatching(/5:\d+ fails/)]);
  });

  it('should leave it not read where the document never writes σ as a function of x', () => {
    const doc = ['Let $z = 2x$.', '', '$$\\frac{d\\sigma}{dx} = 2\\sigma(z)(1 - \\sigma(z))$$', ''].join('\n');
    expect(notRead(doc)).toContain(3);
  });
});

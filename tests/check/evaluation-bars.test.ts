/**
 * Evaluation bars (src/check/evaluation-bars.ts): \left. … \right|_{x=a},
 * \Big|_{x=a}, \bigg|_{x=a}: the derivatives by x taken first, then the
 * point; right values proved, wrong ones fail at their own place; a kink
 * before the bar (relu'(0)) is not read, never 1/2.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const check = (source: string, kind: 'markdown' | 'tex' = 'markdown') => checkDocument(checker, source, kind);
const verdicts = (source: string): string[] => check(source).chains.flatMap((c) => c.steps.map((s) => `${s.line}:${s.col} ${s.verdict}`));

describe('values at a point written with a bar', () => {
  it('should prove the right values and fail the wrong ones, each at its own place', () => {
    const doc = [
      '$$\\left.\\frac{d}{dx}\\tanh(x)\\right|_{x=0} = 1$$',
      '',
      '$$\\frac{d}{dx}\\left(x^3 - 2x\\right)\\Big|_{x = 2} = 10$$',
      '',
      '$$\\frac{d}{dx} e^{2x}\\bigg|_{x=0} = 1$$',
      '',
      '$$\\frac{d^2}{dx^2} x^3\\Big|_{x=1} = 3$$',
      '',
    ].join('\n');
    expect(verdicts(doc)).toEqual(['1:45 proved', '3:52 proved', '5:37 fails', '7:37 fails']);
  });

  it('should not read a value at a kink (relu has no derivative at 0), nor a \\right| without \\left.', () => {
    const doc = ['$$\\frac{d}{dx}\\operatorname{ReLU}(x)\\Big|_{x=0} = \\frac12$$', ''].join('\n');
    const r = check(doc);
    expect(r.chains.flatMap((c) => c.steps).filter((s) => s.verdict === 'proved' || s.verdict === 'holds')).toEqual([]);
    expect(r.notRead.map((n) => n.line)).toEqual([1]);
  });
});

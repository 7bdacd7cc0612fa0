import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`));

describe('a condition not read concerns only the steps that use its names', () => {
  it('should let a claim in other names fail, and keep a claim in its names undecided', () => {
    const doc = 'That formula is wrong for $r < -\\delta$, and $\\tanh(t) = 1 - t$ for every $t$.\n';
    expect(verdicts(doc)).toEqual(['1: fails']);
    // The claim uses r: the point may lie outside the condition.
    expect(verdicts('That formula is right for $r < -\\delta$, and $|r| = -r + \\delta - \\delta$ there.\n')).not.toContain('1: fails');
  });

  it('should keep a condition that does not parse about every step', () => {
    expect(verdicts('For $w x + b > \\zork$, note that $\\tanh(t) = 1 - t$.\n')).not.toContain('1: fails');
  });
});

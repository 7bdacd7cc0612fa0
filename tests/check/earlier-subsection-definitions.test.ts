import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string) => checkDocument(checker, source, 'tex').chains.flatMap((c) => c.steps);
const doc = (claim: string, second = '\\subsection{Mistakes}') =>
  `\\section{Loss}\n\\subsection{Definition}\nLet $C = w^2 x$.\n\\[\n\\frac{\\partial C}{\\partial w} = 2 w x\n\\]\n${second}\n\\[\n\\frac{\\partial C}{\\partial w} = ${claim}\n\\]\n`;

describe('a definition from an earlier subsection of the same section', () => {
  it('should judge a derivative that needs it with that definition, and say so', () => {
    const wrong = steps(doc('w x')).at(-1);
    expect(wrong?.verdict).toBe('fails');
    expect(wrong?.evidence.summary).toContain('the definition at line 3 in an earlier subsection');
    expect(steps(doc('2 w x')).at(-1)?.verdict).toMatch(/^(proved|holds)$/);
  });

  it('should not reach into another section', () => {
    expect(steps(doc('w x', '\\section{Another problem}')).at(-1)?.verdict).toBe('undecided');
  });
});

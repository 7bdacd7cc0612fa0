import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`));
const ADALINE = 'Let $z = \\sum_{j=1}^{m} w_j x_j + b$.\n\n';

describe('members of a definition at a training example (z^{(i)} after z = …)', () => {
  it('should differentiate z^{(i)} through the definition of z, the names written with (i) taken at the example', () => {
    const right = `${ADALINE}$$\\frac{\\partial}{\\partial w_j} \\sum_{i=1}^n (y^{(i)} - z^{(i)})^2 = -2\\sum_{i=1}^n (y^{(i)} - z^{(i)}) x_j^{(i)}$$\n`;
    expect(verdicts(right)).toEqual(['3: holds']);
    // The factor of another example's input (no (i) on x, though the document writes x_j^{(i)}) is wrong.
    const wrong = `${right}\n$$\\frac{\\partial}{\\partial w_j} \\sum_{i=1}^n (y^{(i)} - z^{(i)})^2 = -2\\sum_{i=1}^n (y^{(i)} - z^{(i)}) x_j$$\n`;
    expect(verdicts(wrong)).toEqual(['3: holds', '5: fails']);
    expect(verdicts(right.replace('-2\\sum', '2\\sum'))).toEqual(['3: fails']);
  });

  it('should prove the derivative of one member, and leave z^{(i)} undefined where nothing of z is per example', () => {
    expect(verdicts(`${ADALINE}$$\\frac{\\partial}{\\partial w_j} z^{(i)} = x_j^{(i)}$$\n`)).toEqual(['3: proved']);
    expect(verdicts(`Let $z = \\sum_{j=1}^{m} w_j v_j + b$.\n\n$$\\frac{\\partial}{\\partial w_j} z^{(i)} = v_j$$\n`)).toEqual(['3: undecided']);
  });

  it('should read an increment named first in a chain ($\\Delta w_j = …$) as a definition and judge the rest', () => {
    const doc = `${ADALINE}so the update $\\Delta w_j = -\\eta \\frac{\\partial}{\\partial w_j} z = -\\eta x_j$.\n`;
    expect(verdicts(doc)).toEqual(['3: definition', '3: proved']);
    expect(verdicts(doc.replace('-\\eta x_j', '\\eta x_j'))).toEqual(['3: definition', '3: fails']);
  });
});

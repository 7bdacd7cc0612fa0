/**
 * ```check blocks as students write them (src/parse/check-block-parts.ts):
 * `$$` pasted inside the block, and one claim per line. Before, the first
 * was "not read" (and `gradtex md` said "nothing to check"), and the second
 * read two correct claims as one chain with a product between them and
 * failed both. Every relation is labelled by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import { renderNote } from '../../src/markdown/render-note.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();
const checker = createChecker(engine);

function verdicts(source: string): string[] {
  const r = checkDocument(checker, source, 'markdown');
  return r.chains.flatMap((c) => c.steps).map((s) => `${s.line}: ${s.verdict}`);
}

describe('a check block written with math delimiters inside', () => {
  it('judges the relation inside $$…$$, $…$ and \\[…\\]', () => {
    expect(verdicts('```check\n$$\\frac{d}{dx} x^2 = 2x$$\n```\n')).toEqual(['2: proved']); // correct
    expect(verdicts('```check\n$\\frac{d}{dx} x^3 = 3x$\n```\n')).toEqual(['2: fails']); // wrong (3x^2)
    expect(verdicts('```check\n\\[ (x+1)^2 = x^2 + 2x + 1 \\]\n```\n')).toEqual(['2: proved']); // correct
    expect(verdicts('```check\n$$\\begin{aligned} (x+1)^2 &= x^2 + 2x + 1 \\\\ &= x(x+2) + 1 \\end{aligned}$$\n```\n')).toEqual(['2: proved', '2: proved']); // correct, correct
  });
  it('renders it in a note with a verdict instead of "nothing to check"', async () => {
    const r = await renderNote('# N\n\n```check\n$$\\frac{d}{dx} x^2 = 2x$$\n```\n', { engine });
    expect(r.messages).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.html).toContain('✔ proved');
    expect(r.html).not.toContain('katex-error');
  }, 60_000);
});

describe('one claim per line in a check block', () => {
  it('judges each claim at its own line', () => {
    const block = '```check\n(x+1)^2 = x^2 + 2x + 1\nx^2 - 1 = (x-1)(x+1)\n(x-1)^2 = x^2 - 2x + 2\n```\n';
    // correct, correct, wrong (+1, not +2)
    expect(verdicts(block)).toEqual(['2: proved', '3: proved', '4: fails']);
  });
  it('keeps a chain continued over lines one chain', () => {
    const block = '```check\n\\frac{d}{dx} \\frac{1}{1 + e^{-x}}\n  = \\frac{e^{-x}}{(1 + e^{-x})^2}\n  = \\sigma(x)(1 - \\sigma(x))\n```\n';
    expect(verdicts(block)).toEqual(['3: proved', '4: proved']); // correct, correct
    // A side broken over lines, then a wrong last step: the chain is one, and the failure is at its own line.
    expect(verdicts('```check\n(x + 1)^2 + (x - 1)^2\n    + 2 = 2x^2 + 4\n```\n')).toEqual(['3: proved']); // correct
    expect(verdicts('```check\n(x + 1)^2 + (x - 1)^2 = 2x^2 +\n    2 = 2x^2 + 3\n```\n')).toEqual(['2: proved', '3: fails']); // correct, wrong (+2)
  });
  it('shows each claim as a row of its own in a note', async () => {
    const r = await renderNote('```check\n(x+1)^2 = x^2 + 2x + 1\nx^2 - 1 = (x-1)(x+1)\n```\n', { engine });
    expect(r.failed).toBe(false);
    // Two rows, not one chain "… + 1 x^2 - 1 = …".
    expect(r.html).toContain('\\\\');
    expect(r.html).toContain('✔ every step proved (2)');
  }, 60_000);
});

describe('a $$ display is read as KaTeX shows it: a line break is a space', () => {
  it('keeps a product broken over two lines one product (a line split there would fail a correct claim)', () => {
    // correct: the factor x on the second line belongs to the product on the first
    const display = '$$\n\\frac{d}{dx} (x^2 + 1)^2 = 2(x^2 + 1)\n2x = 4x^3 + 4x\n$$\n';
    expect(verdicts(display)).toEqual(['2: proved', '3: proved']);
  });
  it('shows two claims written without \\\\ as the one line KaTeX renders, product included', () => {
    const r = checkDocument(checker, '$$\n(x+1)^2 = x^2 + 2x + 1\nx^2 - 1 = (x-1)(x+1)\n$$\n', 'markdown');
    const steps = r.chains.flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['fails', 'fails']);
    expect(steps[0]?.rhs).toContain('x^2 + 2x + 1\nx^2 - 1');
  });
});


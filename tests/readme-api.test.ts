/**
 * The README's "From code" example, run: the same calls, the values its
 * comments promise. If the README changes, change this test with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createEngine, parsePlain, sym, differentiate, verifyDerivation, toLatex, derivationToLatex,
  createChecker, checkDocument, formatCheckText,
  parseSpec, solveSpec, loadTemplate, templatesDir, toTexDocument,
} from '../src/index.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const example = /## From code[^]*?```ts\n([^]*?)```/.exec(readme)?.[1] ?? '';

describe('README: From code', () => {
  it('shows the calls this test makes', () => {
    for (const call of ["differentiate(engine, parsePlain('1/(1+exp(-x))'), [sym('x')])", 'verifyDerivation(d).verdict', 'checkDocument(createChecker(engine)', 'formatCheckText(', "parseSpec('hw.yaml'", 'toTexDocument(solveSpec(engine']) expect(example).toContain(call);
  });
  it('derives, checks and renders as the comments say', () => {
    const engine = createEngine();
    const d = differentiate(engine, parsePlain('1/(1+exp(-x))'), [sym('x')]);
    expect(toLatex(d.result)).toBe('\\sigma(x) \\left(1 - \\sigma(x)\\right)');
    expect(example).toContain('// \\sigma(x) \\left(1 - \\sigma(x)\\right)');
    expect(verifyDerivation(d).verdict).toBe('holds');
    expect(example).toContain("verifyDerivation(d).verdict;                          // 'holds'");
    expect(derivationToLatex(d, { env: 'align*' })).toMatch(/^\\begin\{align\*\}/);

    const report = checkDocument(createChecker(engine), 'Let $x > 0$.\n\n$$\\ln x \\le x - 1$$\n', 'markdown');
    expect(report.chains[0]?.steps[0]?.verdict).toBe('proved');
    expect(formatCheckText([{ file: 'notes.md', report }])).toContain('notes.md');

    const spec = parseSpec('hw.yaml', 'title: HW\nproblems:\n  - title: Sigmoid\n    tasks:\n      - diff: sigma(x)\n        wrt: [x]\n');
    const tex = toTexDocument(solveSpec(engine, 'hw.yaml', spec), loadTemplate(join(templatesDir(), 'solutions.tex')));
    expect(tex).toContain('\\begin{document}');
    expect(tex).toContain('\\sigma');
  });
});

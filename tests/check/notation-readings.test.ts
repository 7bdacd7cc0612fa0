/**
 * Soundness of the homework notation the LaTeX reader reads exactly
 * (logarithms to a base, indicators of comparisons, cases that are a max or a
 * Kronecker choice, ∂L/∂z typed with a slash): a true relation written with
 * it is judged, a wrong one fails at its own line:col, and what stays
 * unreadable is "not read" with its reason, never judged on a misreading.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import type { StepReport } from '../../src/check/check-document.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

function steps(md: string): StepReport[] {
  return checkDocument(checker, md, 'markdown').chains.flatMap((c) => c.steps);
}

function verdicts(md: string): string[] {
  return steps(md).map((s) => `${s.line}:${s.col} ${s.verdict}`);
}

describe('logarithms to a base', () => {
  it('should hold log_2 8 = 3 (exact constants compared in high precision) and fail log_2 8 = 2 at its own place', () => {
    expect(verdicts('$$\\log_2 8 = 3$$\n\n$$\\log_2 8 = 2$$\n')).toEqual(['1:14 holds', '3:14 fails']);
  });

  it('should hold the change of base and fail a wrong one', () => {
    const [right, wrong] = steps('$$\\log_b x = \\frac{\\ln x}{\\ln b}$$\n\n$$\\log_2 x = \\frac{\\ln 2}{\\ln x}$$\n');
    expect(['proved', 'holds']).toContain(right?.verdict);
    expect(wrong?.verdict).toBe('fails');
  });
});

describe('indicators of a comparison', () => {
  it('should hold the hinge bound of the 0-1 loss and fail a wrong condition', () => {
    const md = '$$\\max(0, 1 - t) \\ge \\mathbb{1}[t \\le 0]$$\n\n$$\\max(0, 1 - t) \\ge \\mathbb{1}[t \\le 2]$$\n';
    expect(verdicts(md)).toEqual(['1:22 holds', '3:22 fails']);
  });

  it('should tell 1[x ≥ 0] from 1[x > 0] where they differ, at x = 0', () => {
    const [a] = steps('$$\\mathbb{1}[x \\ge 0] = \\mathbb{1}[x > 0]$$\n');
    expect(a?.verdict).toBe('fails');
  });

  it('should give 1[x > 0] + 1[x \\le 0] = 1 everywhere, 0 included', () => {
    const [a] = steps('$$\\mathbb{1}[x > 0] + \\mathbb{1}[x \\le 0] = 1$$\n');
    expect(['proved', 'holds']).toContain(a?.verdict);
  });
});

describe('cases', () => {
  it('should hold the hinge as its cases and fail cases with the wrong row', () => {
    const md = [
      '$$\\max(0, 1 - t) = \\begin{cases} 1 - t & t < 1 \\\\ 0 & t \\ge 1 \\end{cases}$$',
      '',
      '$$\\max(0, 1 - t) = \\begin{cases} 1 - t & t < 1 \\\\ t - 1 & t \\ge 1 \\end{cases}$$',
      '',
    ].join('\n');
    const [right, wrong] = steps(md);
    expect(['proved', 'holds']).toContain(right?.verdict);
    expect([wrong?.verdict, wrong?.line, wrong?.col]).toEqual(['fails', 3, 20]);
  });

  it('should read the softmax Jacobian by cases and fail it with the rows swapped', () => {
    const md = [
      'Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.',
      '',
      '$$\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} p_i(1-p_i) & i = j \\\\ -p_i p_j & i \\ne j \\end{cases}$$',
      '',
      '$$\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} -p_i p_j & i = j \\\\ p_i(1-p_i) & i \\ne j \\end{cases}$$',
      '',
    ].join('\n');
    const [right, wrong] = steps(md).filter((s) => s.line > 1);
    expect(['proved', 'holds']).toContain(right?.verdict);
    expect([wrong?.verdict, wrong?.line]).toEqual(['fails', 5]);
  });

  it('should say why cases with no value at their split point are not read', () => {
    const r = checkDocument(checker, '$$f(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}$$\n', 'markdown');
    expect(r.notRead.map((n) => n.reason).join(' ')).toMatch(/leave out the point where both sides are equal/);
  });
});

describe('∂L/∂z typed with a slash', () => {
  it('should judge ∂L/∂z_i of a defined L and fail a wrong one', () => {
    const md = 'Let $L = z_1^2 + 3 z_2$.\n\n$\\partial L / \\partial z_1 = 2 z_1$ and $\\partial L / \\partial z_2 = 2$.\n';
    const judged = steps(md).filter((s) => s.line === 3);
    expect(judged.map((s) => s.verdict)).toEqual(['proved', 'fails']);
  });
});

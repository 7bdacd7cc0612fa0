/**
 * A checked document with numbered matrix names and vectors defined by
 * name (issue #12 item 3): W_1, W_2 declared in prose, δ₂ = ŷ − y a vector,
 * δ₁ defined with ⊙; the wrong steps fail at their own line, the right ones hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { readDocumentShapes } from '../../src/check/shape-facts.js';
import { documentScopes } from '../../src/check/scopes.js';
import { extractMarkdown } from '../../src/check/extract-markdown.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown', {}).chains.flatMap((c) => [...c.steps]);
const at = (source: string): Record<string, string> => Object.fromEntries(steps(source).map((s) => [`${s.line}:${s.col}`, s.verdict]));
const declared = (source: string): string[] => {
  const segments = extractMarkdown(source);
  return readDocumentShapes(source, segments, documentScopes(source, 'markdown', segments)).map((s) => s.declaration);
};

describe('numbered names and vectors defined by name in a document', () => {
  it('should read W_1, b^{[2]} and a vector in apposition from the prose', () => {
    expect(declared('Let $W_1 \\in \\mathbb{R}^{h\\times n}$, $b^{[2]} \\in \\mathbb{R}^{k}$, and $y$ a $k$-vector of targets.')).toEqual(['W_{1}: h x n', 'b^{[2]}: k', 'y: k']);
    expect(declared('Here $W^{(1)}$ is an $h \\times n$ matrix and $\\mathbf{W}_2$ is a $k \\times h$ matrix.')).toEqual(['W^{(1)}: h x n', 'W_{2}: k x h']);
  });

  it('should fail the two wrong steps of the two-layer backprop at their own lines and hold the right ones', () => {
    const v = at(readFileSync('tests/fixtures/homework-corpus/md11-two-layer-backprop.md', 'utf8'));
    // The transpose forgotten (∂L/∂a = W_2 δ_2) and the outer product the wrong way round (a δ_2ᵀ).
    expect(v['34:33']).toBe('fails');
    expect(v['40:35']).toBe('fails');
    for (const k of ['12:38', '16:35', '20:33', '26:33', '26:84', '26:142']) expect(['holds', 'proved'], k).toContain(v[k]);
    // Said only for h = k = n = 1 in its sentence: never a failure at other sizes.
    expect(v['45:154']).toBe('undecided');
  });

  it('should read δ_1 = (W_2ᵀ δ_2) ⊙ a ⊙ (1 − a) under the shapes, and fail a step that drops the ⊙', () => {
    const doc = [
      'Let $W_2 \\in \\mathbb{R}^{k\\times h}$, $a \\in \\mathbb{R}^{h}$, $d \\in \\mathbb{R}^{k}$.',
      '',
      'With $\\delta_1 = (W_2^\\top d) \\odot a \\odot (1 - a)$,',
      '',
      '$$\\delta_1 = a \\odot (1 - a) \\odot (W_2^\\top d)$$',
      '',
      '$$\\delta_1 = (W_2^\\top d) \\odot a$$',
    ].join('\n');
    const v = steps(doc).map((s) => `${s.line}: ${s.verdict}`);
    expect(v).toContain('5: holds');
    expect(v).toContain('7: fails');
  });

  it('should take the ⊙ reading only for the definition written with it, not for a neighbour with the same factors', () => {
    const doc = [
      'Let $A \\in \\mathbb{R}^{n\\times n}$ and $B \\in \\mathbb{R}^{n\\times n}$, with $C = A B$ and $D = A \\odot B$.',
      '',
      '$$C = A \\odot B$$',
      '',
      '$$D = B \\odot A$$',
    ].join('\n');
    const v = Object.fromEntries(steps(doc).map((s) => [s.line, s.verdict]));
    // C = A B (a matrix product): C = A ⊙ B is wrong, and must never hold (fails, or undecided as the line also has ⊙).
    expect(['fails', 'undecided']).toContain(v[3]);
    expect(v[5]).toBe('holds');
  });
});

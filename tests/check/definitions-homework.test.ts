import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const source = readFileSync(new URL('../fixtures/definitions/homework.md', import.meta.url), 'utf8');

describe('a homework sheet that defines things the way students do', () => {
  it('should judge every step with the definitions, constraints and index conditions it states', () => {
    const report = checkDocument(checker, source, 'markdown');
    const got = report.chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`));
    expect(got.map((v) => v.replace(/holds|proved/, 'ok'))).toEqual([
      '6: ok', // ∂a_1/∂s_1 = f'(s_1), a_1 = f(s_1) with f = tanh
      '6: ok', // f'(s_1) = 1 - tanh^2(s_1)
      '8: ok', // ∂a_1/∂w_1 = (1 - a_1^2) x
      '10: fails', // (1 + a_1^2) x
      '12: ok', // L(2, 1) = 1/2 with L(ŷ, y) defined in prose
      '18: ok', // Σ p_k = 1
      '20: ok', // ∂p_j/∂z_j = p_j(1 - p_j): p_j from p_k, j in 1..K from k's range
      '22: ok', // off-diagonal, (i ≠ j) closing the display
      '24: ok', // cross-entropy gradient with a one-hot y
      '26: fails', // sign flipped
      '32: ok', // KL(p, q) >= 0 for distributions
      '34: fails', // KL(p, q) > 0 fails at p = q
    ]);
    // The facts each step used are named.
    const first = report.chains[0]?.steps[0];
    expect(first?.facts?.map((f) => f.fact)).toContain('f(x) = tanh(x)');
  });
});

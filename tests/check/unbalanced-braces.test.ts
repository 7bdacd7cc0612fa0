/** A relation inside a brace that never closes (a typo) is listed as not read at the brace, never dropped. */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { unbalancedBrace } from '../../src/check/unbalanced-braces.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

describe('unbalanced braces', () => {
  it('should find the unclosed brace and a stray one, and leave \\{ \\} and comments alone', () => {
    expect(unbalancedBrace('e^{2x = 2e^{2x}')).toEqual({ at: 2, reason: "a '{' is never closed" });
    expect(unbalancedBrace('a} = b')?.reason).toBe("a '}' closes no '{'");
    expect(unbalancedBrace('\\{a\\} = x_{1} % {')).toBeUndefined();
  });

  it('should list the display and the inline claim as not read, at the brace', () => {
    for (const [doc, kind] of [['Text.\n\\begin{equation*}\n\\frac{d}{dx} e^{2x = 2e^{2x}\n\\end{equation*}\n', 'tex'], ['So $e^{2x = 2$ here.\n', 'markdown']] as const) {
      const r = checkDocument(checker, doc, kind);
      expect(r.chains.flatMap((c) => c.steps)).toEqual([]);
      expect(r.notRead.map((n) => n.reason)).toEqual(["cannot read this math: a '{' is never closed"]);
    }
  });
});

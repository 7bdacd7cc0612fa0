/**
 * rules/REFERENCE.md is generated from the rule files (`gradtex rules`); this
 * test keeps it in step. Run with UPDATE=1 to regenerate it after editing rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { defaultRulesDir, loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { ruleLatex, ruleReferenceMarkdown } from '../../src/rewrite/reference.js';

const lib = loadRuleLibrary();
const file = join(defaultRulesDir(), 'REFERENCE.md');

describe('the rule reference', () => {
  it('should match rules/REFERENCE.md', () => {
    const generated = ruleReferenceMarkdown(lib);
    if (process.env['UPDATE'] === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('should give every rule a LaTeX justification that KaTeX renders', () => {
    for (const r of lib.rules) {
      expect(() => katex.renderToString(ruleLatex(r), { throwOnError: true }), r.id).not.toThrow();
    }
  });
});

/**
 * rules/REFERENCE.md is generated from the rule files and the matrix-calculus
 * identities (`gradtex rules`); this test keeps it in step. Run with UPDATE=1
 * to regenerate it after editing rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { loadReferenceIdentities } from '../../src/matrix-check/identities.js';
import { defaultRulesDir, loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { FUNCTIONS } from '../../src/expr/functions.js';
import { FUNCTIONS_HEADING, IDENTITIES_HEADING, identityPlain, identityShapes, ruleLatex, ruleReferenceMarkdown } from '../../src/rewrite/reference.js';

const lib = loadRuleLibrary();
const identities = loadReferenceIdentities();
const file = join(defaultRulesDir(), 'REFERENCE.md');
const generated = ruleReferenceMarkdown(lib, identities);

/** The lines of one `## …` section of the reference. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((l, k) => k > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('the rule reference', () => {
  it('should match rules/REFERENCE.md', () => {
    if (process.env['UPDATE'] === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('should close with the function table: each function, its LaTeX (KaTeX renders it) and its rules', () => {
    const rows = section(generated, FUNCTIONS_HEADING).filter((l) => l.startsWith('| `'));
    for (const f of FUNCTIONS) {
      const row = rows.find((l) => l.startsWith(`| \`${f.name}\` |`));
      expect(row, f.name).toBeDefined();
      if (f.derivativeRule !== undefined) expect(row).toContain(`\`${f.derivativeRule}\``);
      const latex = /\$(.*?)\$/.exec(row ?? '')?.[1]?.replace(/\\\|/g, '|') ?? '';
      expect(() => katex.renderToString(latex, { throwOnError: true }), f.name).not.toThrow();
    }
    expect(rows.find((l) => l.startsWith('| `elu` |'))).toBe('| `elu` | `ELU` | $\\operatorname{ELU}(u)$ | all | at u = 0 (kink) | `d.elu`, `d.elu-alpha` | `sv.elu-zero`, `sv.elu-alpha-zero`, `pw.elu-positive`, `pw.elu-negative`, `pw.elu-alpha-positive`, `pw.elu-alpha-negative` | not asked |');
    expect(rows.find((l) => l.startsWith('| `transpose` |'))).toContain('A: m×n -> n×m');
  });

  it('should give every rule a LaTeX justification that KaTeX renders', () => {
    for (const r of lib.rules) {
      expect(() => katex.renderToString(ruleLatex(r), { throwOnError: true }), r.id).not.toThrow();
    }
  });

  it('should list every lemma of rules/lemmas.rules with its inequality, said to be no rewrite', () => {
    const lemmas = lib.sets.get('lemmas')?.rules ?? [];
    expect(lemmas.length).toBeGreaterThan(0);
    const lines = section(generated, `Rule set \`lemmas\` (${lemmas.length} rules)`);
    expect(lines.join('\n')).toContain('never applied as rewrites');
    for (const r of lemmas) expect(lines.some((l) => l.startsWith(`| \`${r.id}\` |`) && l.includes(`$${ruleLatex(r).replace(/\|/g, '\\|')}$`)), r.id).toBe(true);
  });

  it('should list every matrix-calculus identity with its plain form, shapes and LaTeX', () => {
    expect(identities.length).toBeGreaterThan(0);
    const lines = section(generated, IDENTITIES_HEADING);
    const rows = lines.filter((l) => l.startsWith('| `'));
    expect(rows.map((l) => /^\| `([^`]+)`/.exec(l)?.[1])).toEqual(identities.map((i) => i.id));
    for (const [k, i] of identities.entries()) {
      expect(rows[k]).toBe(`| \`${i.id}\` | ${i.title} | \`${identityPlain(i)}\` | ${identityShapes(i)} | $${i.latex}$ | ${i.source.file}:${i.source.line} |`);
    }
    // Both files of identities: the matrix-calculus laws and the backprop laws the named derivations cite.
    for (const f of ['rules/matrix-calculus.identities', 'rules/backprop.identities']) expect(identities.some((i) => i.source.file === f), f).toBe(true);
    for (const id of ['bp.grad-weight', 'bp.jacobian-elementwise']) expect(rows.some((r) => r.startsWith(`| \`${id}\` |`)), id).toBe(true);
  });

  it('should give the shapes of the symbols an identity uses, as --shape reads them', () => {
    const byId = new Map(identities.map((i) => [i.id, i]));
    const linear = byId.get('mat.jacobian-linear-map');
    const transpose = byId.get('mat.transpose-product');
    expect(linear && identityPlain(linear)).toBe('d(W*x, x) = W');
    expect(linear && identityShapes(linear)).toBe('`W: m x n`, `x: n`');
    expect(transpose && identityPlain(transpose)).toBe('(W*B)^T = B^T*W^T');
    expect(transpose && identityShapes(transpose)).toBe('`W: m x n`, `B: n x p`');
  });

  it('should give every matrix-calculus identity a LaTeX justification that KaTeX renders', () => {
    for (const i of identities) {
      expect(() => katex.renderToString(i.latex, { throwOnError: true }), i.id).not.toThrow();
      expect(() => katex.renderToString(i.latex, { throwOnError: true, displayMode: true }), i.id).not.toThrow();
    }
  });
});

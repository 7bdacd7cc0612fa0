/**
 * The rule reference, generated from the rule files: one Markdown table per
 * rule set with id, title, the rule as LaTeX (given in the file or printed
 * from its two sides) and its conditions. `gradtex rules` prints it, and
 * rules/REFERENCE.md is this output (a test keeps them equal).
 */
import type { Expr } from '../expr/node.js';
import { toLatex } from '../render/index.js';
import type { RuleLibrary } from './load-rules.js';
import type { Rule } from './rule.js';
import { BUILTINS } from './builtins/index.js';

/** The LaTeX justification of a rule: the file's `latex "…"`, or lhs = rhs printed. */
export function ruleLatex(rule: Rule): string {
  if (rule.latex !== undefined) return rule.latex;
  if (rule.type === 'builtin') return `\\text{${BUILTINS.get(rule.builtin)?.description ?? rule.builtin}}`;
  const show = (e: Expr): string => toLatex(e);
  return `${show(rule.lhs)} = ${show(rule.rhs)}`;
}

function conditions(rule: Rule): string {
  const parts: string[] = [];
  if (rule.type === 'pattern') for (const g of rule.guards) parts.push(`${g.name}(${g.args.map((a) => toLatex(a)).join(', ')})`);
  for (const n of rule.notes) parts.push(n.replace(/\{([a-zA-Z]+)\}/g, '$1'));
  return parts.join('; ');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function ruleReferenceMarkdown(lib: RuleLibrary): string {
  const out: string[] = [
    '# gradtex rule reference',
    '',
    'Generated from the files in this folder by `gradtex rules`; do not edit by hand.',
    'Each rule rewrites left to right; ids are stable and cited by derivations.',
    '',
  ];
  for (const [name, set] of lib.sets) {
    out.push(`## Rule set \`${name}\` (${set.rules.length} rules)`, '', '| id | title | rule | conditions | source |', '|---|---|---|---|---|');
    for (const r of set.rules) {
      out.push(`| \`${r.id}\` | ${cell(r.title)} | $${cell(ruleLatex(r))}$ | ${cell(conditions(r))} | ${r.source.file}:${r.source.line} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

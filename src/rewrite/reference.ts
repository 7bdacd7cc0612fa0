/**
 * The rule reference, generated from the rule files: one Markdown table per
 * rule set with id, title, the rule as LaTeX (given in the file or printed
 * from its two sides) and its conditions, then the matrix-calculus identities
 * (rules/matrix-calculus.identities: plain syntax, shapes, LaTeX), which are
 * checked entry by entry and never applied as rewrites. `gradtex rules`
 * prints it, and rules/REFERENCE.md is this output (a test keeps them equal).
 */
import { call, sym } from '../expr/build.js';
import { FUNCTIONS, MATRIX_FUNCTIONS } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { symbolsOf } from '../expr/traverse.js';
import type { MatrixIdentity } from '../matrix/matrix-identity.js';
import type { Shape } from '../matrix/shape.js';
import { toLatex, toPlain } from '../render/index.js';
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

/** The heading of the identities section (also what tests look for). */
export const IDENTITIES_HEADING = 'Matrix-calculus identities (checked entry by entry, not applied as rewrites)';

/** Sets that are not rewrites, said under their heading. */
const SET_NOTES: ReadonlyMap<string, string> = new Map([
  [
    'lemmas',
    'Inequalities the derivation checker cites (`gradtex check`, `gradtex equal`), never applied as rewrites. Each is stored as max(a, b) => b, true exactly when a ≤ b; `le.*` proves a ≤ b, `lt.*` proves a < b.',
  ],
]);

/** A declaration as `gradtex equal --shape` reads it: `W: m x n`, `x: n`. */
function shapeDeclaration(name: string, s: Shape): string {
  return s.vector ? `${name}: ${s.rows}` : `${name}: ${s.rows} x ${s.cols}`;
}

/** The declared shapes of the symbols an identity uses, in the order of its `@shapes` line. */
export function identityShapes(identity: MatrixIdentity): string {
  const used = new Set([...symbolsOf(identity.lhs), ...symbolsOf(identity.rhs)].map(symKey));
  return [...identity.shapes].filter(([k]) => used.has(k)).map(([k, s]) => `\`${shapeDeclaration(k, s)}\``).join(', ');
}

/** The identity in the plain syntax, as `gradtex equal` reads it. */
export function identityPlain(identity: MatrixIdentity): string {
  return `${toPlain(identity.lhs)} = ${toPlain(identity.rhs)}`;
}

function identitiesMarkdown(identities: readonly MatrixIdentity[]): string[] {
  const out: string[] = [
    `## ${IDENTITIES_HEADING}`,
    '',
    'From `matrix-calculus.identities` and `backprop.identities` (the laws the steps of the named matrix derivations cite, `bp.…`). Each is checked by lowering both sides to components and comparing them entry by entry at several sizes with random matrices; the rule engine does not load them.',
    'A vector is a column; d(f, W) of a scalar f has the shape of W, and d(F, x) of a vector F by a vector x is the Jacobian, entry (i, j) = ∂F_i/∂x_j.',
    "Check one the same way: `gradtex equal 'd(W*x, x)' 'W' --shape 'W: m x n' --shape 'x: n'`.",
    '',
    '| id | title | identity | shapes | justification | source |',
    '|---|---|---|---|---|---|',
  ];
  for (const i of identities) {
    out.push(`| \`${i.id}\` | ${cell(i.title)} | \`${cell(identityPlain(i))}\` | ${cell(identityShapes(i))} | $${cell(i.latex)}$ | ${i.source.file}:${i.source.line} |`);
  }
  out.push('');
  return out;
}

/** The heading of the function table section. */
export const FUNCTIONS_HEADING = 'Functions (src/expr/functions.ts)';

const ARG_NAMES = ['u', 'v', 'w', 'z'];

/** The function table as the reader meets it: spellings, domain, kinks, its rules, nerdamer; then the matrix operations. */
function functionsMarkdown(): string[] {
  const out: string[] = [
    `## ${FUNCTIONS_HEADING}`,
    '',
    'Each function is one entry of the function table plus its rules above: the derivative rule and the rules for its values at special points. Plain names are what `gradtex` reads (aliases too, and in LaTeX as `\\operatorname{…}` or `\\text{…}`).',
    '',
    '| name | aliases | LaTeX | domain | not differentiable | derivative | special values | nerdamer |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const ids = (xs: readonly string[] | undefined): string => (xs ?? []).map((id) => `\`${id}\``).join(', ');
  for (const f of FUNCTIONS) {
    const args = f.binds !== undefined ? [sym('u'), sym('k'), sym('a'), sym('b')] : ARG_NAMES.slice(0, f.minArgs).map((n) => sym(n));
    const kink = f.kink === undefined ? '' : f.kink.at === 'zero' ? `at ${f.kink.where ?? 'u'} = 0 (${f.kink.continuous ? 'kink' : 'jump'})` : 'where u = v';
    const nerdamer = f.nerdamer === undefined ? 'not asked' : `\`${f.nerdamer.spelling}\``;
    out.push(`| \`${f.name}\` | ${f.aliases.map((a) => `\`${a}\``).join(', ')} | $${cell(toLatex(call(f.name, args)))}$ | ${f.domain} | ${kink} | ${ids(f.derivativeRule === undefined ? undefined : [f.derivativeRule, ...(f.otherArityDerivativeRule === undefined ? [] : [f.otherArityDerivativeRule])])} | ${ids(f.specialValueRules)} | ${cell(nerdamer)} |`);
  }
  out.push('', 'Matrix operations (shapes declared with `--shape`; never `mul`, which is commutative):', '', '| name | shapes | title |', '|---|---|---|');
  for (const m of MATRIX_FUNCTIONS.values()) out.push(`| \`${m.name}\` | ${cell(m.signature)} | ${cell(m.title)} |`);
  out.push('');
  return out;
}

/** The reference: every rule set of `lib`, then the matrix-calculus identities when given, then the function table. */
export function ruleReferenceMarkdown(lib: RuleLibrary, identities: readonly MatrixIdentity[] = []): string {
  const out: string[] = [
    '# gradtex rule reference',
    '',
    'Generated from the files in this folder by `gradtex rules`; do not edit by hand.',
    'Each rule rewrites left to right, except the lemmas (inequalities the checker cites) and the matrix-calculus identities at the end; ids are stable and cited by derivations. The function table closes it: each function with the ids of its rules.',
    '',
  ];
  for (const [name, set] of lib.sets) {
    out.push(`## Rule set \`${name}\` (${set.rules.length} rules)`, '');
    const note = SET_NOTES.get(name);
    if (note !== undefined) out.push(note, '');
    out.push('| id | title | rule | conditions | source |', '|---|---|---|---|---|');
    for (const r of set.rules) {
      out.push(`| \`${r.id}\` | ${cell(r.title)} | $${cell(ruleLatex(r))}$ | ${cell(conditions(r))} | ${r.source.file}:${r.source.line} |`);
    }
    out.push('');
  }
  if (identities.length > 0) out.push(...identitiesMarkdown(identities));
  out.push(...functionsMarkdown());
  return out.join('\n');
}

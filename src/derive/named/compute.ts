/**
 * Computing a named derivation: each part is run by the rule engine
 * (differentiate, rewrite) or is a claim to be checked, so every printed
 * answer is the last step of a rewrite, never typed in.
 *
 *     const c = computeNamed(engine, loadNamedSpec('sigmoid'));
 *     toPlain(c.parts[0].derivation.result)   // sigma(x)*(1 - sigma(x))
 */
import { deriv, num } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr, Sym } from '../../expr/node.js';
import { mapBottomUp, some } from '../../expr/traverse.js';
import { ParseError, parseLatex, parsePlain } from '../../parse/index.js';
import type { Derivation, Step } from '../../proof/step.js';
import type { Engine } from '../../rewrite/engine.js';
import { RuleFileError, groupBySet, parseRuleFile } from '../../rewrite/rule-file.js';
import { RuleIndex } from '../../rewrite/rule-index.js';
import type { RuleSet } from '../../rewrite/rule.js';
import { rewriteToNormalForm } from '../../rewrite/strategy.js';
import { DefinitionError, definitionResolver, parseDefinition, type ParsedDefinition } from './definitions.js';
import { withDependencies } from '../../expr/dependencies.js';
import { LinearSystemError, solveLinear, type SolvedUnknown } from './solve-linear.js';
import { NamedSpecError, type NamedSpec, type Part } from './spec.js';
import { substitute } from '../evaluate-at.js';
import { simplify } from '../../simplify/simplify.js';
import { symKey } from '../../expr/sym-key.js';

/** The rule id of a claim: a typed-in equation whose only support is the numeric check. */
export const CLAIM_RULE = 'claim.numeric';

export interface ComputedPart {
  readonly part: Part;
  /** What the first line shows on the left: d(f, x), the rewritten expression, or the claim's left side. */
  readonly lhs: Expr;
  /** The case substitution applied before rewriting, e.g. i = j. */
  readonly caseText?: string;
  readonly derivation: Derivation;
  /** For a solve part: the exact solution, and the model before it was put in. */
  readonly solution?: readonly SolvedUnknown[];
  /** Definitions for this part's checks only (before the global ones). */
  readonly unfoldings: readonly ParsedDefinition[];
}

export interface ComputedNamed {
  readonly spec: NamedSpec;
  /** Definitions and hypothesis instances, unfolded before every numeric check. */
  readonly unfoldings: readonly ParsedDefinition[];
  readonly parts: readonly ComputedPart[];
}

/** Rule-file errors in the `rules:` block, moved to the YAML file's lines. */
function localRules(engine: Engine, spec: NamedSpec): Map<string, RuleSet> {
  if (spec.rules.trim() === '') return new Map();
  const seen = new Map(engine.library.rules.map((r) => [r.id, `${r.source.file}:${r.source.line}`]));
  try {
    // Negative order: a derivation's own rules are tried before the library's.
    return groupBySet(parseRuleFile(spec.file, spec.rules, -1_000_000, seen));
  } catch (e) {
    if (e instanceof RuleFileError) throw new NamedSpecError(spec.file, e.line + spec.rulesLine - 1, e.col, e.detail);
    throw e;
  }
}

function parseExpr(spec: NamedSpec, part: Part, text: string): Expr {
  try {
    return text.includes('\\') ? parseLatex(text) : parsePlain(text);
  } catch (e) {
    if (e instanceof ParseError) throw new NamedSpecError(spec.file, part.line, part.col, `in '${text}': ${e.message}`);
    throw e;
  }
}

/** `$id` is a previous part's result (also inside an expression: `w - eta*$grad`), `previous` the last one. */
function resolve(spec: NamedSpec, part: Part, text: string, done: readonly ComputedPart[]): Expr {
  const t = text.trim();
  if (t === 'previous') {
    const last = done[done.length - 1];
    if (last === undefined) throw new NamedSpecError(spec.file, part.line, part.col, "'previous' in the first part: there is no earlier result");
    return last.derivation.result;
  }
  // `$id` anywhere in an expression stands for that part's result: each is
  // parsed as a placeholder symbol, then replaced by the result.
  const refs: Expr[] = [];
  const text2 = t.replace(/\$([a-z0-9]+(?:-[a-z0-9]+)*)/g, (_m, id: string) => {
    const found = done.find((d) => d.part.id === id);
    if (found === undefined) throw new NamedSpecError(spec.file, part.line, part.col, `no earlier part has id '${id}': parts can only use results computed before them`);
    refs.push(found.derivation.result);
    // Letters only: the parser reads trailing digits as a subscript (x1 = x_1).
    return `REFxx${[...String(refs.length - 1)].map((d) => String.fromCharCode(97 + Number(d))).join('')}`;
  });
  const parsed = parseExpr(spec, part, text2);
  if (refs.length === 0) return parsed;
  return mapBottomUp(parsed, (x) => {
    if (x.kind !== 'sym' || !x.name.startsWith('REFxx') || x.sub.length > 0) return x;
    return refs[Number([...x.name.slice(5)].map((c) => c.charCodeAt(0) - 97).join(''))] ?? x;
  });
}

/**
 * A case: `i = j` replaces the index i by j; `i != j` sets the Kronecker
 * deltas of i and j to 0 (their only dependence on whether i = j).
 */
function applyCase(spec: NamedSpec, part: Part, e: Expr, text: string): Expr {
  const m = /^\s*([^!=]+?)\s*(!=|≠|=)\s*(.+?)\s*$/.exec(text);
  if (m === null) throw new NamedSpecError(spec.file, part.line, part.col, `a case reads 'i = j' or 'i != j', not '${text}'`);
  const a = parseExpr(spec, part, m[1] ?? '');
  const b = parseExpr(spec, part, m[3] ?? '');
  if (m[2] === '=') return mapBottomUp(e, (x) => (equal(x, a) ? b : x));
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || x.fn !== 'delta') return x;
    const [p, q] = x.args;
    const differ = p !== undefined && q !== undefined && ((equal(p, a) && equal(q, b)) || (equal(p, b) && equal(q, a)));
    return differ ? num(0) : x;
  });
}

function ruleSets(engine: Engine, local: ReadonlyMap<string, RuleSet>, spec: NamedSpec, part: Part, names: readonly string[]): RuleSet[] {
  return names.map((n) => {
    const s = local.get(n) ?? engine.library.sets.get(n);
    if (s === undefined) {
      const known = [...new Set([...local.keys(), ...engine.library.sets.keys()])].sort().join(', ');
      throw new NamedSpecError(spec.file, part.line, part.col, `unknown rule set '${n}'; known sets: ${known}`);
    }
    return s;
  });
}

function claimStep(lhs: Expr, rhs: Expr): Step {
  return { rule: CLAIM_RULE, title: 'Claim (checked numerically)', path: [], before: lhs, after: rhs, redex: lhs, contractum: rhs, bindings: new Map(), notes: [] };
}

type PartBody = Omit<ComputedPart, 'unfoldings'>;

function computePartBody(engine: Engine, local: ReadonlyMap<string, RuleSet>, spec: NamedSpec, part: Part, done: readonly ComputedPart[], definitions: readonly ParsedDefinition[]): PartBody {
  switch (part.kind) {
    case 'differentiate': {
      const f = resolve(spec, part, part.expr, done);
      const wrt = parseExpr(spec, part, part.wrt);
      if (wrt.kind !== 'sym') throw new NamedSpecError(spec.file, part.line, part.col, `'wrt' must be a variable such as x or z_j, not '${part.wrt}'`);
      const start = deriv(f, wrt as Sym);
      const sets = ruleSets(engine, local, spec, part, [...part.with, 'derive', 'simplify']);
      // Defined symbols (ŷ through w) are not constants while differentiating.
      const d = withDependencies(definitionResolver(definitions), () => rewriteToNormalForm(start, new RuleIndex(sets)));
      const stuck = d.stop === 'normal-form' && some(d.result, (x) => x.kind === 'deriv');
      return { part, lhs: start, derivation: stuck ? { ...d, stop: 'stuck' } : d };
    }
    case 'rewrite': {
      const given = resolve(spec, part, part.expr, done);
      const start = part.case !== undefined ? applyCase(spec, part, given, part.case) : given;
      const d = rewriteToNormalForm(start, new RuleIndex(ruleSets(engine, local, spec, part, part.with)));
      return { part, lhs: start, ...(part.case !== undefined ? { caseText: part.case } : {}), derivation: d };
    }
    case 'solve': {
      const equations = part.equations.map((e) => resolve(spec, part, e, done));
      const unknowns = part.unknowns.map((u) => {
        const x = parseExpr(spec, part, u);
        if (x.kind !== 'sym') throw new NamedSpecError(spec.file, part.line, part.col, `unknowns must be variables such as w_1, not '${u}'`);
        return x;
      });
      let solution: SolvedUnknown[];
      try {
        solution = solveLinear(engine, equations, unknowns);
      } catch (e) {
        if (e instanceof LinearSystemError) throw new NamedSpecError(spec.file, part.line, part.col, e.message);
        throw e;
      }
      const at = new Map(solution.map((s) => [symKey(s.unknown), s.value]));
      // Each equation put at the solution must vanish: one checked step per equation.
      const steps: Step[] = equations.map((e, k) => ({
        rule: 'solve.linear-system',
        title: `Equation ${k + 1} holds at the exact solution`,
        path: [],
        before: e,
        after: num(0),
        redex: substitute(e, at),
        contractum: num(0),
        bindings: new Map(),
        notes: [],
      }));
      const model = parseExpr(spec, part, part.model);
      const fitted = simplify(engine, substitute(model, at));
      return { part, lhs: model, solution, derivation: { start: model, steps: [...steps, ...fitted.steps], result: fitted.result, stop: fitted.stop } };
    }
    case 'claim': {
      const lhs = resolve(spec, part, part.expr, done);
      const rhs = resolve(spec, part, part.equals, done);
      return { part, lhs, derivation: { start: lhs, steps: [claimStep(lhs, rhs)], result: rhs, stop: 'normal-form' } };
    }
  }
}

function definitionAt(spec: NamedSpec, text: string, line: number): ParsedDefinition {
  try {
    return parseDefinition(text);
  } catch (e) {
    if (e instanceof DefinitionError || e instanceof ParseError) throw new NamedSpecError(spec.file, line, 1, e.message);
    throw e;
  }
}

/** Run every part in order; later parts may use earlier results ($id). */
export function computeNamed(engine: Engine, spec: NamedSpec): ComputedNamed {
  const local = localRules(engine, spec);
  const definitions = spec.definitions.map((d) => definitionAt(spec, d.define, d.line));
  const instances = spec.hypotheses.flatMap((h) => (h.instance !== undefined ? [definitionAt(spec, h.instance, h.line)] : []));
  const unfoldings = [...definitions, ...instances];
  const parts: ComputedPart[] = [];
  for (const p of spec.parts) {
    const own = p.define.map((text) => definitionAt(spec, text, p.line));
    parts.push({ ...computePartBody(engine, local, spec, p, parts, definitions), unfoldings: own });
  }
  return { spec, unfoldings, parts };
}

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
import type { RuleLibrary } from '../../rewrite/load-rules.js';
import { RuleFileError, groupBySet, parseRuleFile } from '../../rewrite/rule-file.js';
import { RuleIndex } from '../../rewrite/rule-index.js';
import type { Rule, RuleSet } from '../../rewrite/rule.js';
import type { DependencyResolver } from '../../expr/dependencies.js';
import { rewriteToNormalForm } from '../../rewrite/strategy.js';
import { DefinitionError, definitionResolver, parseDefinition, type ParsedDefinition } from './definitions.js';
import { LinearSystemError, solveLinear, type SolvedUnknown } from './solve-linear.js';
import { joinBriefParts } from './brief-join.js';
import { NamedSpecError, type NamedSpec, type Part } from './spec.js';
import { substitute } from '../../expr/substitute.js';
import { simplify } from '../../simplify/simplify.js';
import { symKey } from '../../expr/sym-key.js';
import { inferShape } from '../../matrix/infer-shape.js';
import { entryOf, FreshIndices } from '../../matrix/lower.js';
import { entry } from '../../matrix/matrix-calls.js';
import { toPlain } from '../../expr/to-plain.js';
import { sameShape, shapeContext, ShapeError, shapeText, type ShapeContext } from '../../matrix/shape.js';
import type { MatrixIdentity } from '../../matrix/matrix-identity.js';
import { parseIdentities } from '../../matrix-check/identities.js';
import { defaultRulesDir } from '../../rewrite/load-rules.js';
import { FileError } from '../../parse/file-error.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainContext, computeChain, type ChainContext, type ChainStep } from './matrix-chain.js';
import { ALGEBRA_CLAIM_RULE, DEFINITION_CLAIM_RULE, claimJustification } from './claim-justification.js';

/** The rule id of a claim: a typed-in equation whose only support is the numeric check. */
export const CLAIM_RULE = 'claim.numeric';
/** The rule id of a matrix identity, checked entry by entry after lowering (src/matrix). */
export const MATRIX_CLAIM_RULE = 'claim.matrix';
/** The rule id of lowering [M]_{ij} to components (matrix product -> sum, transpose -> swapped indices). */
export const ENTRY_RULE = 'matrix.entry';
/** The rule id of an equation of a solve part put at the exact solution. */
export const SOLVED_RULE = 'solve.linear-system';
/** The family of the ids chain steps cite (rules/backprop.identities and a derivation's justifications): checked entry by entry, never rewritten. */
export const CHAIN_RULE_FAMILY = 'bp.';

/** The fixed claim ids, and every id of the chain-step family. */
class ClaimRuleIds extends Set<string> {
  override has(id: string): boolean {
    return super.has(id) || id.startsWith(CHAIN_RULE_FAMILY);
  }
}

/** Steps that are checked numerically rather than rewritten by a rule (src/proof/replay.ts counts them as claims). */
export const CLAIM_RULES: ReadonlySet<string> = new ClaimRuleIds([CLAIM_RULE, DEFINITION_CLAIM_RULE, ALGEBRA_CLAIM_RULE, MATRIX_CLAIM_RULE, ENTRY_RULE, SOLVED_RULE]);

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
  /** For a matrix part: the shapes under which lhs = result is a matrix identity (verified entry by entry). */
  readonly shapes?: ShapeContext;
  /** For a claim about an entry of a matrix form: the shapes that lower entry(M, i, j) in its checks. */
  readonly entryShapes?: ShapeContext;
  /** For a differentiate part: the defined symbols its rewriting looked through (needed to replay it). */
  readonly definitions?: DependencyResolver;
  /** For a chain part: its steps with their justifications and problems, and what its checks read (matrix-chain.ts). */
  readonly chain?: { readonly steps: readonly ChainStep[]; readonly context: ChainContext };
}

export interface ComputedNamed {
  readonly spec: NamedSpec;
  /** Definitions and hypothesis instances, unfolded before every numeric check. */
  readonly unfoldings: readonly ParsedDefinition[];
  readonly parts: readonly ComputedPart[];
  /** The spec's own rules (its `rules:` block), used besides the library's. */
  readonly ownRules: readonly Rule[];
  /** The library the parts were rewritten with: its rules are the tested ones a step proof may cite. */
  readonly library: RuleLibrary;
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

function parseExpr(spec: NamedSpec, part: Part, text: string, shapes?: ShapeContext): Expr {
  const opts = shapes === undefined ? {} : { shapes };
  try {
    return text.includes('\\') ? parseLatex(text, opts) : parsePlain(text, opts);
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

function claimStep(lhs: Expr, rhs: Expr, rule = CLAIM_RULE, title = 'Claim (checked numerically)'): Step {
  return { rule, title, path: [], before: lhs, after: rhs, redex: lhs, contractum: rhs, bindings: new Map(), notes: [] };
}

/** The spec's shapes; a part that needs them when there are none is an error at that part. */
function shapesFor(spec: NamedSpec, part: Part): ShapeContext {
  if (spec.shapes.trim() === '') throw new NamedSpecError(spec.file, part.line, part.col, "a matrix form needs the shapes of its matrices: add e.g. 'shapes: W: p x c, X: n x p' at the top");
  try {
    return shapeContext([spec.shapes]);
  } catch (e) {
    if (e instanceof ShapeError) throw new NamedSpecError(spec.file, spec.shapesLine, 1, e.message);
    throw e;
  }
}

/** `entry: q, l`: the two indices of a matrix entry. */
function entryIndices(spec: NamedSpec, part: Part, text: string): [Expr, Expr] {
  const pieces = text.split(',').map((t) => t.trim());
  if (pieces.length !== 2 || pieces.some((t) => t === '')) throw new NamedSpecError(spec.file, part.line, part.col, `'entry' names the row and column index, as in 'entry: q, l', not '${text}'`);
  return [parseExpr(spec, part, pieces[0] as string), parseExpr(spec, part, pieces[1] as string)];
}

type PartBody = Omit<ComputedPart, 'unfoldings'>;

/** The identities chain steps may cite: rules/backprop.identities. */
function chainIdentities(spec: NamedSpec): MatrixIdentity[] {
  try {
    return parseIdentities(`rules/${BACKPROP_IDENTITIES}`, readFileSync(join(defaultRulesDir(), BACKPROP_IDENTITIES), 'utf8'));
  } catch (e) {
    if (e instanceof FileError) throw new NamedSpecError(spec.file, 1, 1, e.message);
    throw e;
  }
}

/** The file of backpropagation identities in matrix form that chain steps cite. */
export const BACKPROP_IDENTITIES = 'backprop.identities';

function computeChainPart(spec: NamedSpec, part: Part & { kind: 'chain' }, done: readonly ComputedPart[], cache: { context?: ChainContext; identities?: MatrixIdentity[] }): PartBody {
  cache.context ??= chainContext(spec, shapesFor(spec, part));
  cache.identities ??= chainIdentities(spec);
  const refs = new Map(done.map((d) => [d.part.id, d.derivation.result]));
  const { start, steps } = computeChain(spec, part, cache.context, cache.identities, refs);
  const last = steps[steps.length - 1]?.step.after ?? start;
  return { part, lhs: start, derivation: { start, steps: steps.map((s) => s.step), result: last, stop: 'normal-form' }, chain: { steps, context: cache.context } };
}

function computePartBody(engine: Engine, local: ReadonlyMap<string, RuleSet>, spec: NamedSpec, part: Part, done: readonly ComputedPart[], definitions: readonly ParsedDefinition[], cache: { context?: ChainContext; identities?: MatrixIdentity[] }): PartBody {
  switch (part.kind) {
    case 'chain':
      return computeChainPart(spec, part, done, cache);
    case 'differentiate': {
      const f = resolve(spec, part, part.expr, done);
      const wrt = parseExpr(spec, part, part.wrt);
      if (wrt.kind !== 'sym') throw new NamedSpecError(spec.file, part.line, part.col, `'wrt' must be a variable such as x or z_j, not '${part.wrt}'`);
      const start = deriv(f, wrt as Sym);
      const sets = ruleSets(engine, local, spec, part, [...part.with, 'derive', 'simplify']);
      // Defined symbols (ŷ through w) are not constants while differentiating.
      const resolver = definitionResolver(definitions);
      const d = rewriteToNormalForm(start, new RuleIndex(sets), undefined, { definitions: resolver });
      const stuck = d.stop === 'normal-form' && some(d.result, (x) => x.kind === 'deriv');
      return { part, lhs: start, derivation: stuck ? { ...d, stop: 'stuck' } : d, definitions: resolver };
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
        rule: SOLVED_RULE,
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
      if (part.entry === undefined) {
        const rhs = resolve(spec, part, part.equals, done);
        return { part, lhs, derivation: { start: lhs, steps: [claimStep(lhs, rhs)], result: rhs, stop: 'normal-form' } };
      }
      // A component result against entry (i, j) of a matrix form: the form is
      // parsed (and shape-checked) under the shapes, then lowered to components.
      // Two steps: the claim, shown as the entry [M]_{ij} of the form, then that entry in components.
      const shapes = shapesFor(spec, part);
      const form = parseExpr(spec, part, part.equals, shapes);
      const [i, j] = entryIndices(spec, part, part.entry);
      const cell = entry(form, i, j);
      const rhs = entryOf(form, i, j, shapes, new FreshIndices([lhs, form, i, j], shapes));
      const claim = claimStep(lhs, cell, CLAIM_RULE, `Claim: entry (${part.entry}) of the ${shapeText(inferShape(form, shapes))} matrix form`);
      const lowered: Step = { ...claimStep(cell, rhs, ENTRY_RULE, 'The entry in components'), before: cell };
      return { part, lhs, entryShapes: shapes, derivation: { start: lhs, steps: [claim, lowered], result: rhs, stop: 'normal-form' } };
    }
    case 'matrix': {
      const shapes = shapesFor(spec, part);
      const lhs = parseExpr(spec, part, part.expr, shapes);
      const rhs = parseExpr(spec, part, part.equals, shapes);
      const [l, r] = [inferShape(lhs, shapes), inferShape(rhs, shapes)];
      if (!sameShape(l, r)) throw new NamedSpecError(spec.file, part.line, part.col, `the two sides have different shapes: ${toPlain(lhs)} is ${shapeText(l)}, ${toPlain(rhs)} is ${shapeText(r)}`);
      const step = claimStep(lhs, rhs, MATRIX_CLAIM_RULE, `Matrix identity (${shapeText(l)}), checked entry by entry`);
      return { part, lhs, shapes, derivation: { start: lhs, steps: [step], result: rhs, stop: 'normal-form' } };
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

/** A claim step that a definition or exact algebra justifies cites it instead of "checked numerically". */
function justifyClaims(body: PartBody, defs: readonly ParsedDefinition[]): PartBody {
  const steps = body.derivation.steps.map((st) => {
    if (st.rule !== CLAIM_RULE) return st;
    const j = claimJustification(st.redex, st.contractum, defs);
    return j === undefined ? st : { ...st, rule: j.rule, title: j.title };
  });
  return { ...body, derivation: { ...body.derivation, steps } };
}

/** Run every part in order; later parts may use earlier results ($id). */
export function computeNamed(engine: Engine, spec: NamedSpec): ComputedNamed {
  const local = localRules(engine, spec);
  const definitions = spec.definitions.map((d) => definitionAt(spec, d.define, d.line));
  const instances = spec.hypotheses.flatMap((h) => (h.instance !== undefined ? [definitionAt(spec, h.instance, h.line)] : []));
  const unfoldings = [...definitions, ...instances];
  const parts: ComputedPart[] = [];
  const cache = {};
  for (const p of spec.parts) {
    const own = p.define.map((text) => definitionAt(spec, text, p.line));
    const body = computePartBody(engine, local, spec, p, parts, definitions, cache);
    parts.push({ ...(p.kind === 'claim' ? justifyClaims(body, [...own, ...definitions]) : body), unfoldings: own });
  }
  const computed = { spec, unfoldings, parts, ownRules: [...local.values()].flatMap((s) => s.rules), library: engine.library };
  // A part marked `brief: join` must continue the part before at every detail, not only when shown brief.
  joinBriefParts(computed);
  return computed;
}

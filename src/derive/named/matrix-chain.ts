/**
 * Chain parts: a derivation in matrix form written as data, one named step
 * per line (backpropagation through a network, a gradient in matrix form),
 * each step checked entry by entry by lowering (src/matrix/lower.ts) at
 * several sizes with random matrices.
 *
 *     - chain: d(C, W^{(2)})
 *       steps:
 *         - rule: bp.grad-weight          # an identity of rules/backprop.identities
 *           to: d(C, s^{(2)})*transpose(a^{(1)})
 *
 * How a step is read for its check (nothing here trusts a rule):
 * - quantities of `matrix-definitions` (s^{(1)} = W^{(1)}*x + b^{(1)}) are
 *   unfolded, except the variable the part differentiates by: in the part
 *   d(C, s^{(2)}), C is a function of s^{(2)} and s^{(2)} stays free;
 * - a derivative that an earlier chain part started from (d(C, s^{(2)}),
 *   the Jacobian d(a^{(1)}, s^{(1)})) stands for that part's result, which
 *   was checked there; a derivative by a defined quantity that no earlier
 *   part computed is undecided, never evaluated with the quantity free;
 * - elementwise functions (f(t) = 3*relu(t)) and the words of
 *   matrix-vocabulary.ts get their meaning in each lowered entry.
 * A step whose shapes do not fit (a transposed factor, factors in the wrong
 * order) fails at that step, with the shapes named.
 */
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { mapBottomUp, some, symbolsOf } from '../../expr/traverse.js';
import type { Assumption } from '../../numeric/assumptions.js';
import { substitute } from '../../expr/substitute.js';
import { symKey } from '../../expr/sym-key.js';
import { toPlain } from '../../expr/to-plain.js';
import { ParseError, parsePlain } from '../../parse/index.js';
import type { NumericVerdict } from '../../numeric/index.js';
import type { Step } from '../../proof/step.js';
import { inferShape } from '../../matrix/infer-shape.js';
import { ShapeError, shapeText, type ShapeContext } from '../../matrix/shape.js';
import { checkMatrixEqual, matrixVerdictText, type LoweringCache } from '../../matrix-check/check-matrix-equal.js';
import type { MatrixIdentity } from '../../matrix/matrix-identity.js';
import { chainVocabulary, elementwiseFunction, type ChainVocabulary } from './matrix-vocabulary.js';
import { NamedSpecError, type ChainStepSpec, type Justification, type NamedSpec, type Part } from './spec.js';

/** What a chain part needs besides its steps: shapes, definitions, the words, and the earlier results. */
export interface ChainContext {
  readonly shapes: ShapeContext;
  /** symKey of a defined quantity -> its matrix form. */
  readonly definitions: ReadonlyMap<string, Expr>;
  readonly vocabulary: ChainVocabulary;
  /** Open intervals of quantities that are free in a check (ỹ ∈ (0, 1) where ỹ = σ(s)): their entries are drawn inside. */
  readonly domains: ReadonlyMap<string, readonly [number, number]>;
}

/** A chain step as computed: a step record, and why it is already known to fail (shapes that do not fit). */
export interface ChainStep {
  readonly step: Step;
  /** The rule's justification as a textbook writes it (LaTeX), '' when it has none. */
  readonly latex: string;
  readonly problem?: string;
}

type ChainPart = Part & { readonly kind: 'chain' };

function parseWith(spec: NamedSpec, at: { line: number; col: number }, text: string, vocabulary: ChainVocabulary, shapes?: ShapeContext): Expr {
  try {
    return vocabulary.parse(text, shapes, parsePlain);
  } catch (e) {
    if (e instanceof ParseError) throw new NamedSpecError(spec.file, at.line, at.col, `in '${text}': ${e.message}`);
    throw e;
  }
}

/** The chain context of a spec: its shapes, matrix definitions and elementwise functions. */
export function chainContext(spec: NamedSpec, shapes: ShapeContext): ChainContext {
  const functions = spec.elementwise.map((d) => {
    const eq = d.define.indexOf('=');
    const at = { line: d.line, col: 1 };
    if (eq < 0) throw new NamedSpecError(spec.file, d.line, 1, `expected f(t) = expression, not '${d.define}'`);
    try {
      return elementwiseFunction(parseWith(spec, at, d.define.slice(0, eq), chainVocabulary([])), parseWith(spec, at, d.define.slice(eq + 1), chainVocabulary([])));
    } catch (e) {
      if (e instanceof ShapeError) throw new NamedSpecError(spec.file, d.line, 1, e.message);
      throw e;
    }
  });
  const vocabulary = chainVocabulary(functions);
  const definitions = new Map<string, Expr>();
  for (const d of spec.matrixDefinitions) {
    const eq = d.define.indexOf('=');
    const at = { line: d.line, col: 1 };
    const head = eq < 0 ? undefined : parseWith(spec, at, d.define.slice(0, eq), vocabulary, shapes);
    if (head === undefined || head.kind !== 'sym') throw new NamedSpecError(spec.file, d.line, 1, `a matrix definition reads NAME = expression, e.g. s^{(1)} = W^{(1)}*x + b^{(1)}, not '${d.define}'`);
    const body = parseWith(spec, at, d.define.slice(eq + 1), vocabulary, shapes);
    // The size a definition gives its quantity must be the size declared for it.
    const prepared = vocabulary.prepare(body, shapes);
    const [declared, given] = [inferShape(head, shapes), inferShape(prepared.expr, prepared.ctx)];
    if (shapeText(declared) !== shapeText(given)) throw new NamedSpecError(spec.file, d.line, 1, `${toPlain(head)} is declared ${shapeText(declared)} but ${toPlain(body)} is ${shapeText(given)}`);
    definitions.set(symKey(head), body);
  }
  const domains = new Map<string, readonly [number, number]>();
  for (const piece of spec.domains.split(';').map((t) => t.trim()).filter((t) => t !== '')) {
    const m = /^([A-Za-z]+)\s+in\s+\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)$/.exec(piece);
    if (m === null) throw new NamedSpecError(spec.file, 1, 1, `cannot read the domain '${piece}': write NAME in (LO, HI), e.g. ytilde in (0, 1)`);
    domains.set(m[1] as string, [Number(m[2]), Number(m[3])]);
  }
  return { shapes, definitions, vocabulary, domains };
}

/** The title and LaTeX of a step's rule: an identity of rules/*.identities, else a justification of the spec. */
function ruleOf(spec: NamedSpec, s: ChainStepSpec, identities: readonly MatrixIdentity[]): Justification {
  // One family for the ids chain steps cite, so that replaying a derivation counts them as checked claims (compute.ts, CLAIM_RULES).
  if (!s.rule.startsWith('bp.')) throw new NamedSpecError(spec.file, s.line, s.col, `a chain step cites an id of the family bp. (rules/backprop.identities or 'justifications:'), not '${s.rule}'`);
  const id = identities.find((i) => i.id === s.rule);
  if (id !== undefined) return { title: id.title, latex: id.latex };
  const j = spec.justifications.get(s.rule);
  if (j !== undefined) return j;
  throw new NamedSpecError(spec.file, s.line, s.col, `unknown rule '${s.rule}': name an identity of rules/backprop.identities, or add it under 'justifications:'`);
}

/**
 * `$delta2` in a step stands for that earlier part's result: read as a
 * stand-in symbol of the result's shape (so the parser can check the
 * products around it), then replaced by the result.
 */
function readStep(spec: NamedSpec, at: { line: number; col: number }, text: string, ctx: ChainContext, refs: ReadonlyMap<string, Expr>, shapes: ShapeContext | undefined): Expr {
  const used = new Map<string, Expr>();
  const declared = new Map(shapes ?? []);
  const replaced = text.replace(/\$([a-z0-9]+(?:-[a-z0-9]+)*)/g, (_m, id: string) => {
    const result = refs.get(id);
    if (result === undefined) throw new NamedSpecError(spec.file, at.line, at.col, `no earlier part has id '${id}': a step can only use results computed before it`);
    const name = `REFxx${[...id].map((c) => (/[a-z]/.test(c) ? c : String.fromCharCode(97 + (c.charCodeAt(0) % 26)))).join('')}`;
    used.set(name, result);
    if (shapes !== undefined) {
      const p = ctx.vocabulary.prepare(result, shapes);
      declared.set(name, inferShape(p.expr, p.ctx));
    }
    return name;
  });
  const e = ctx.vocabulary.parse(replaced, shapes === undefined ? undefined : declared, parsePlain);
  if (used.size === 0) return e;
  return mapBottomUp(e, (x) => (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 ? (used.get(x.name) ?? x) : x));
}

/** The steps of a chain part; a step whose shapes do not fit is kept (read without shapes) with its problem. */
export function computeChain(spec: NamedSpec, part: ChainPart, ctx: ChainContext, identities: readonly MatrixIdentity[], refs: ReadonlyMap<string, Expr> = new Map()): { start: Expr; steps: ChainStep[] } {
  const start = parseWith(spec, part, part.expr, ctx.vocabulary, ctx.shapes);
  const steps: ChainStep[] = [];
  let before = start;
  for (const s of part.steps) {
    const rule = ruleOf(spec, s, identities);
    let after: Expr;
    let problem: string | undefined;
    try {
      after = readStep(spec, s, s.to, ctx, refs, ctx.shapes);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      // Shapes that do not fit are this step's failure, not a broken file: read it as written to show it.
      try {
        after = readStep(spec, s, s.to, ctx, refs, undefined);
      } catch (e2) {
        if (e2 instanceof ParseError) throw new NamedSpecError(spec.file, s.line, s.col, `in '${s.to}': ${e2.message}`);
        throw e2;
      }
      problem = e.message;
    }
    const size = problem === undefined ? sizeText(after, ctx) : undefined;
    const title = size === undefined ? rule.title : `${rule.title}; size ${size}`;
    steps.push({
      step: { rule: s.rule, title, path: [], before, after, redex: before, contractum: after, bindings: new Map(), notes: [] },
      latex: rule.latex,
      ...(problem !== undefined ? { problem } : {}),
    });
    before = after;
  }
  return { start, steps };
}

/** "K×m", or undefined when the expression has no shape under the declarations. */
function sizeText(e: Expr, ctx: ChainContext): string | undefined {
  try {
    const p = ctx.vocabulary.prepare(e, ctx.shapes);
    return shapeText(inferShape(p.expr, p.ctx));
  } catch (err) {
    if (err instanceof ShapeError) return undefined;
    throw err;
  }
}

/** An earlier chain part: the derivative it started from and the result it reached (checked there). */
export interface KnownDerivative {
  readonly start: Expr;
  readonly result: Expr;
}

const MAX_OPENINGS = 40;

/**
 * Sizes 1 to 3 (all 2, all 3, all 1, and two seeded draws, which give
 * distinct sizes that expose a transposed factor): a gradient by W⁽¹⁾ or by
 * the weights of a softmax written out in components has a number of terms
 * that grows like the cube of the size per entry, so size 7 would multiply
 * the time by about a hundred.
 */
export const CHAIN_MAX_SIZE = 3;

/**
 * e with earlier results put in and the defined quantities unfolded, except
 * `free` (the part's own variable); a derivative by a defined quantity that
 * is left over is returned as the reason it cannot be checked.
 */
export function openChainExpr(e: Expr, ctx: ChainContext, known: readonly KnownDerivative[], free: string | undefined): Expr | { readonly undecided: string } {
  const unfold = new Map([...ctx.definitions].filter(([k]) => k !== free));
  let cur = e;
  for (let k = 0; k < MAX_OPENINGS; k++) {
    const withKnown = mapBottomUp(cur, (x) => (x.kind === 'deriv' ? (known.find((d) => equal(d.start, x))?.result ?? x) : x));
    const next = substitute(withKnown, unfold);
    if (equal(next, cur)) break;
    cur = next;
  }
  let left: string | undefined;
  some(cur, (x) => {
    if (x.kind === 'deriv' && symKey(x.wrt) !== free && ctx.definitions.has(symKey(x.wrt))) left = toPlain(x);
    return left !== undefined;
  });
  if (left !== undefined) return { undecided: `${left} is a derivative by a computed quantity that no earlier part derives` };
  // Definitions that refer to each other in a circle never unfold completely: a quantity left over would be sampled as if it were free.
  const stuck = symbolsOf(cur).find((x) => symKey(x) !== free && ctx.definitions.has(symKey(x)));
  if (stuck !== undefined) return { undecided: `${toPlain(stuck)} could not be unfolded: its definition refers back to itself` };
  return cur;
}

/** The entries of a quantity with a domain, drawn inside it (only a free quantity is left to draw after unfolding). */
function domainAssumptions(entries: readonly Expr[], ctx: ChainContext): Assumption[] {
  if (ctx.domains.size === 0) return [];
  const seen = new Set<string>();
  const out: Assumption[] = [];
  for (const e of entries) {
    for (const s of symbolsOf(e)) {
      const d = ctx.domains.get(s.name);
      if (d === undefined || seen.has(symKey(s))) continue;
      seen.add(symKey(s));
      out.push({ sym: s, kind: 'interval', lo: d[0], hi: d[1], closed: [false, false] });
    }
  }
  return out;
}

/** The variable a part differentiates by, when it is a defined quantity (d(C, s^{(2)})): it stays free in the part's checks. */
export function freeVariableOf(start: Expr, ctx: ChainContext): string | undefined {
  if (start.kind !== 'deriv') return undefined;
  const k = symKey(start.wrt);
  return ctx.definitions.has(k) ? k : undefined;
}

/**
 * One relation of a chain part checked entry by entry; the text says why when it fails or is undecided.
 * `lowerings`: kept between the relations of one part, whose steps share their sides (check-matrix-equal.ts).
 */
export function checkChainRelation(lhs: Expr, rhs: Expr, ctx: ChainContext, known: readonly KnownDerivative[], free: string | undefined, seed: number, points: number, lowerings?: LoweringCache): { verdict: NumericVerdict; text: string } {
  const l = openChainExpr(lhs, ctx, known, free);
  const r = openChainExpr(rhs, ctx, known, free);
  const undecided = (reason: string): { verdict: NumericVerdict; text: string } => ({ verdict: { verdict: 'undecided', reason }, text: reason });
  if ('undecided' in l) return undecided(l.undecided);
  if ('undecided' in r) return undecided(r.undecided);
  const pl = ctx.vocabulary.prepare(l, ctx.shapes);
  const pr = ctx.vocabulary.prepare(r, pl.ctx);
  let v;
  try {
    v = checkMatrixEqual(pl.expr, pr.expr, pr.ctx, { seed, points, mapEntry: ctx.vocabulary.entryMeaning, maxSize: CHAIN_MAX_SIZE, assumptions: (entries) => domainAssumptions(entries, ctx), ...(lowerings !== undefined ? { lowerings } : {}) });
  } catch (e) {
    if (e instanceof ShapeError) return { verdict: { verdict: 'fails', point: {}, lhs: Number.NaN, rhs: Number.NaN, relError: Number.POSITIVE_INFINITY }, text: e.message };
    throw e;
  }
  const text = matrixVerdictText(v);
  if (v.verdict === 'holds') return { verdict: { verdict: 'holds', points: v.points, maxRelError: v.maxRelError }, text };
  if (v.verdict === 'undecided') return undecided(v.reason);
  if (v.reason === 'entry') return { verdict: { verdict: 'fails', point: { row: v.entry[0], column: v.entry[1], ...v.sizes, ...v.point }, lhs: v.lhs, rhs: v.rhs, relError: v.relError }, text };
  return { verdict: { verdict: 'fails', point: {}, lhs: Number.NaN, rhs: Number.NaN, relError: Number.POSITIVE_INFINITY }, text };
}

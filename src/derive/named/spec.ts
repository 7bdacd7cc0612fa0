/**
 * A named derivation is data: rules/derivations/NAME.yaml.
 *
 *     title: Derivative of the sigmoid
 *     statement: Show that σ'(x) = σ(x)(1 − σ(x)).
 *     definitions:
 *       - define: y_i = exp(z_i)/sum(exp(z_k), k, 1, c)
 *         text: the softmax outputs
 *     hypotheses:
 *       - text: the labels are one-hot (class t)
 *         instance: y_k = delta(k, t)
 *     rules: |
 *       @set one-hot
 *       @vars k : symbol   a b : expr
 *       hyp.one-hot   sum(y_k, k, a, b) => 1   "The labels sum to one"
 *     answer: direct                  # which part's result is the answer (default: the last)
 *     parts:
 *       - id: direct
 *         differentiate: 1/(1+exp(-x))
 *         wrt: x
 *       - rewrite: $direct            # a previous part's result
 *         with: [one-hot, simplify]   # rule sets, tried in this order
 *         define: [h_u = tanh(a_u)]   # optional: definitions for this part's checks only
 *         case: i = j                 # optional: substitute before rewriting
 *       - claim: $direct
 *         equals: sigma(x)*(1 - sigma(x))
 *         brief: join                 # optional: at detail brief, one more line of the part before
 *       - solve: [$dw, $db]              # each expression = 0, solved exactly
 *         for: [w, b]
 *         model: w*x + b                 # shown with the solution put in
 *     shapes: W: p x c, X: n x p          # vectors and matrices for matrix forms (src/matrix)
 *     matrix-definitions:                 # quantities in matrix form, unfolded in chain checks
 *       - define: s^{(1)} = W^{(1)}*x + b^{(1)}
 *     elementwise:                        # scalar functions applied entry by entry: f(s) is (f(s_i))_i
 *       - define: f(t) = 3*relu(t)
 *     justifications:                     # names of chain steps that are not identities of rules/*.identities
 *       bp.forward: { title: Forward pass, latex: "s = W x + b" }
 *     parameters: …                       # variants chosen by name (parameters.ts); parts and steps may say when: f=tanh
 *       - chain: d(C, W^{(2)})           # a derivation in matrix form, one named step each (matrix-chain.ts)
 *         steps:
 *           - rule: bp.grad-weight
 *             to: d(C, s^{(2)})*transpose(a^{(1)})
 *       - matrix: d(W*x, x)              # a matrix identity under the shapes:
 *         equals: W                      #   shape-checked, verified entry by entry
 *       - claim: $grad                   # a component result equals entry (q, l)
 *         equals: -(1/n)*X^T*(Y - Yhat) + alpha*W   # of a matrix form
 *         entry: q, l
 *
 * Answers are computed by the rule engine; a claim's right side is typed in
 * but checked numerically like every step. Errors name file:line:col.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { FileError } from '../../parse/file-error.js';
import { applyParameters, matchesWhen, type AppliedParameters, type ParameterChoice } from './parameters.js';

/** A mistake in a named-derivation file, at file:line:col. */
export class NamedSpecError extends FileError {
  override readonly name = 'NamedSpecError';
}

/** `y_i = body`: the symbol (with index parameters) and its definition, plain syntax. */
export interface Definition {
  readonly define: string;
  readonly text: string;
  readonly line: number;
}

/** A hypothesis in words, and how numeric checks instantiate it (`y_k = delta(k, t)`). */
export interface Hypothesis {
  readonly text: string;
  readonly instance?: string;
  readonly line: number;
}

/** One step of a chain part: the rule (an identity of rules/*.identities or a justification) and the expression it gives. */
export interface ChainStepSpec {
  readonly rule: string;
  readonly to: string;
  readonly line: number;
  readonly col: number;
}

/** The name and LaTeX of a chain step that is not an identity (a definition, a choice of the variant). */
export interface Justification {
  readonly title: string;
  readonly latex: string;
}

interface PartBase {
  readonly id: string;
  readonly title: string;
  /** Definitions that hold in this part only (`h_u = tanh(a_u)`), added to the global ones for its checks. */
  readonly define: readonly string[];
  /** `brief: join`: at detail brief, this part's steps continue the part before it as one line (brief-join.ts). */
  readonly briefJoin: boolean;
  readonly line: number;
  readonly col: number;
}

export type Part =
  | (PartBase & { readonly kind: 'differentiate'; readonly expr: string; readonly wrt: string; readonly with: readonly string[] })
  | (PartBase & { readonly kind: 'rewrite'; readonly expr: string; readonly with: readonly string[]; readonly case?: string })
  | (PartBase & { readonly kind: 'claim'; readonly expr: string; readonly equals: string; readonly entry?: string })
  | (PartBase & { readonly kind: 'matrix'; readonly expr: string; readonly equals: string })
  | (PartBase & { readonly kind: 'chain'; readonly expr: string; readonly steps: readonly ChainStepSpec[] })
  | (PartBase & { readonly kind: 'solve'; readonly equations: readonly string[]; readonly unknowns: readonly string[]; readonly model: string });

export interface NamedSpec {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly statement: string;
  readonly definitions: readonly Definition[];
  readonly hypotheses: readonly Hypothesis[];
  /** Rule-file text local to this derivation (definitions folded/unfolded, hypotheses as rules). */
  readonly rules: string;
  /** Line of the `rules:` block's first line, so rule errors point into the YAML. */
  readonly rulesLine: number;
  readonly parts: readonly Part[];
  /** The id of the part whose result is the answer (default: the last part). */
  readonly answer?: string;
  /** Shape declarations (`W: p x c, X: n x p`) for matrix parts and entry claims. */
  readonly shapes: string;
  /** Line of `shapes:`, for errors in it. */
  readonly shapesLine: number;
  /** Quantities in matrix form (`s^{(1)} = W^{(1)}*x + b^{(1)}`), unfolded by the chain checks. */
  readonly matrixDefinitions: readonly Definition[];
  /** Scalar functions applied entry by entry (`f(t) = 3*relu(t)`). */
  readonly elementwise: readonly Definition[];
  /** Intervals of quantities where they are free in a chain check (`ytilde in (0, 1)`), '' for none. */
  readonly domains: string;
  /** Names and LaTeX of chain steps that are not identities. */
  readonly justifications: ReadonlyMap<string, Justification>;
  /** The chosen variant (parameters.ts); empty without parameters. */
  readonly parameters: ParameterChoice;
  /** The chosen variant for people ("f = 3relu (3·ReLU), …"); '' without parameters. */
  readonly variant: string;
}

const PART_KINDS = ['differentiate', 'rewrite', 'claim', 'solve', 'matrix', 'chain'] as const;

class Reader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly chosen: ParameterChoice = {},
  ) {}

  /** A part or step with `when: f=tanh` belongs to the variants it names only. */
  applies(node: YamlNode): boolean {
    if (!isMap(node) || !node.has('when')) return true;
    return matchesWhen(this.text(node, 'when', true), this.chosen);
  }

  pos(node: YamlNode | null | undefined): { line: number; col: number } {
    return this.lines.linePos(node?.range?.[0] ?? 0);
  }

  fail(node: YamlNode | null | undefined, detail: string): never {
    const { line, col } = this.pos(node);
    throw new NamedSpecError(this.file, line, col, detail);
  }

  text(map: YamlNode, key: string, required: boolean): string {
    if (!isMap(map)) this.fail(map, 'expected a mapping');
    const v = map.get(key, true) as YamlNode | undefined;
    if (v === undefined || v === null) {
      if (required) this.fail(map, `missing '${key}'`);
      return '';
    }
    if (!isScalar(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) this.fail(v, `'${key}' must be text`);
    return String(v.value);
  }

  names(map: YamlNode, key: string): string[] {
    if (!isMap(map)) this.fail(map, 'expected a mapping');
    const v = map.get(key, true) as YamlNode | undefined;
    if (v === undefined || v === null) return [];
    if (isScalar(v)) return String(v.value).split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (!isSeq(v)) this.fail(v, `'${key}' must be a list such as [derive, simplify]`);
    return v.items.map((item) => {
      if (!isScalar(item)) this.fail(item as YamlNode, `'${key}' entries must be rule-set names`);
      return String(item.value);
    });
  }

  list(map: YamlNode, key: string): YamlNode[] {
    if (!isMap(map)) this.fail(map, 'expected a mapping');
    const v = map.get(key, true) as YamlNode | undefined;
    if (v === undefined || v === null) return [];
    if (!isSeq(v)) this.fail(v, `'${key}' must be a list (lines starting with '- ')`);
    return v.items as YamlNode[];
  }

  justifications(root: YamlNode): Map<string, Justification> {
    const out = new Map<string, Justification>();
    if (!isMap(root)) return out;
    const node = root.get('justifications', true) as YamlNode | undefined;
    if (node === undefined || node === null) return out;
    if (!isMap(node)) this.fail(node, "'justifications' maps a step id to { title, latex }");
    for (const item of node.items) {
      const id = isScalar(item.key) ? String(item.key.value) : '';
      const v = item.value as YamlNode | null;
      if (id === '' || v === null) this.fail(node, 'a justification is ID: { title: …, latex: … }');
      out.set(id, { title: this.text(v, 'title', true), latex: this.text(v, 'latex', false) });
    }
    return out;
  }

  part(node: YamlNode, index: number, ids: Set<string>): Part {
    if (!isMap(node)) this.fail(node, `a part is a mapping with one of: ${PART_KINDS.join(', ')}`);
    const kinds = PART_KINDS.filter((k) => node.has(k));
    const kind = kinds[0];
    if (kind === undefined || kinds.length > 1) this.fail(node, `a part needs exactly one of: ${PART_KINDS.join(', ')}`);
    const id = this.text(node, 'id', false) || `part-${index + 1}`;
    if (ids.has(id)) this.fail(node, `two parts are called '${id}': give each part its own id`);
    ids.add(id);
    const brief = this.text(node, 'brief', false);
    if (brief !== '' && brief !== 'join') this.fail(node.get('brief', true) as YamlNode, "'brief' can only be 'join' (show this part's steps as one more line of the part before it at detail brief)");
    if (brief === 'join' && (index === 0 || !['rewrite', 'claim'].includes(kind) || node.has('entry') || node.has('case'))) this.fail(node.get('brief', true) as YamlNode, "'brief: join' continues the part before: only a rewrite or a claim (without entry or case) after another part can join it");
    const base = { id, title: this.text(node, 'title', false), define: this.names(node, 'define'), briefJoin: brief === 'join', ...this.pos(node) };
    switch (kind) {
      case 'differentiate':
        return { ...base, kind, expr: this.text(node, kind, true), wrt: this.text(node, 'wrt', true), with: this.names(node, 'with') };
      case 'rewrite': {
        const with_ = this.names(node, 'with');
        if (with_.length === 0) this.fail(node, "a rewrite part needs 'with: [rule sets]', e.g. with: [simplify]");
        const c = this.text(node, 'case', false);
        return { ...base, kind, expr: this.text(node, kind, true), with: with_, ...(c !== '' ? { case: c } : {}) };
      }
      case 'claim': {
        const entry = this.text(node, 'entry', false);
        return { ...base, kind, expr: this.text(node, kind, true), equals: this.text(node, 'equals', true), ...(entry !== '' ? { entry } : {}) };
      }
      case 'matrix':
        return { ...base, kind, expr: this.text(node, kind, true), equals: this.text(node, 'equals', true) };
      case 'chain': {
        const steps = this.list(node, 'steps')
          .filter((st) => this.applies(st))
          .map((st) => ({ rule: this.text(st, 'rule', true), to: this.text(st, 'to', true), ...this.pos(st) }));
        if (steps.length === 0) this.fail(node, "a chain part needs 'steps:', each with 'rule:' and 'to:'");
        return { ...base, kind, expr: this.text(node, kind, true), steps };
      }
      case 'solve': {
        const equations = this.names(node, 'solve');
        const unknowns = this.names(node, 'for');
        if (unknowns.length === 0) this.fail(node, "a solve part needs 'for: [unknowns]', e.g. for: [w_1, w_2, b]");
        return { ...base, kind, equations, unknowns, model: this.text(node, 'model', true) };
      }
    }
  }
}

/** Read a named derivation from YAML text; `name` is its file name without `.yaml`. */
export function parseNamedSpec(name: string, file: string, original: string, asked: ParameterChoice = {}): NamedSpec {
  let applied: AppliedParameters;
  try {
    applied = applyParameters(file, original, asked);
  } catch (e) {
    if (e instanceof FileError && !(e instanceof NamedSpecError)) throw new NamedSpecError(e.file, e.line, e.col, e.detail);
    throw e;
  }
  const source = applied.text;
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    throw new NamedSpecError(file, pos?.line ?? 1, pos?.col ?? 1, first.message.split('\n')[0] ?? 'invalid YAML');
  }
  const r: Reader = new Reader(file, lines, applied.chosen);
  const root = doc.contents as YamlNode | null;
  if (root === null || !isMap(root)) r.fail(root, 'a named derivation is a mapping with title, statement and parts');
  const definitions = r.list(root, 'definitions').map((d) => ({ define: r.text(d, 'define', true), text: r.text(d, 'text', false), line: r.pos(d).line }));
  const hypotheses = r.list(root, 'hypotheses').map((h) => {
    const instance = r.text(h, 'instance', false);
    return { text: r.text(h, 'text', true), ...(instance !== '' ? { instance } : {}), line: r.pos(h).line };
  });
  const ids = new Set<string>();
  const parts = r
    .list(root, 'parts')
    .filter((p) => r.applies(p))
    .map((p, i) => r.part(p, i, ids));
  if (parts.length === 0) r.fail(root, "missing 'parts': list at least one differentiate, rewrite or claim");
  const rulesNode = root.get('rules', true) as YamlNode | undefined;
  const answer = r.text(root, 'answer', false);
  const shapesNode = root.get('shapes', true) as YamlNode | undefined;
  if (answer !== '' && !ids.has(answer)) r.fail(root.get('answer', true) as YamlNode, `'answer' names no part: use one of ${[...ids].join(', ')}`);
  return {
    name,
    file,
    title: r.text(root, 'title', true),
    statement: r.text(root, 'statement', false),
    definitions,
    hypotheses,
    rules: r.text(root, 'rules', false),
    // A block scalar starts on the line after `rules: |`.
    rulesLine: rulesNode !== undefined ? r.pos(rulesNode).line + 1 : 0,
    parts,
    ...(answer !== '' ? { answer } : {}),
    shapes: r.text(root, 'shapes', false),
    shapesLine: shapesNode !== undefined ? r.pos(shapesNode).line : 0,
    matrixDefinitions: r.list(root, 'matrix-definitions').map((d) => ({ define: r.text(d, 'define', true), text: r.text(d, 'text', false), line: r.pos(d).line })),
    elementwise: r.list(root, 'elementwise').map((d) => ({ define: r.text(d, 'define', true), text: r.text(d, 'text', false), line: r.pos(d).line })),
    justifications: r.justifications(root),
    domains: r.text(root, 'domains', false),
    parameters: applied.chosen,
    variant: applied.description,
  };
}

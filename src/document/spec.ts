/**
 * A problem-set spec, written in YAML:
 *
 *     title: Homework 1 — solutions
 *     author: A. Student
 *     shapes: { W: m x n, x: n, b: m }   (optional, here or in a problem: vectors and matrices)
 *     problems:
 *       - title: Sigmoid derivative
 *         statement: Let $\sigma(x) = \frac{1}{1+e^{-x}}$. Show that …
 *         tasks:
 *           - diff: 1/(1+exp(-x))
 *             wrt: [x]
 *           - gradient: ln(w1^2 + w2^2) + w1*exp(w2)
 *             vars: [w1, w2]
 *             at: w1=2, w2=1
 *           - evaluate: sigma(log(2) + 1/2)
 *           - simplify: x*1 + 0
 *           - derive: softmax-jacobian        (a named derivation)
 *           - check: |                         (a hand derivation, judged step by step)
 *               $$ \frac{d}{dx} x^2 = 2x $$
 *           - text: Free text, shown as written (escaped).
 *
 * `shapes:` (the syntax of `--shape`, a string or a list) declares vectors
 * and matrices for the whole spec or one problem: `diff` tasks by a declared
 * vector are then derived under them (src/matrix/shaped-derivative.ts) and
 * `check` tasks judge them entry by entry.
 *
 * Errors name the spec's line:column and say what to write instead.
 */
import { FileError } from '../parse/file-error.js';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { shapeContext, ShapeError, type ShapeContext } from '../matrix/shape.js';
import { readDetail, type Detail } from '../proof/group-steps.js';

export type Task =
  | { readonly kind: 'diff'; readonly expr: string; readonly wrt: readonly string[]; readonly at?: string }
  | { readonly kind: 'gradient'; readonly expr: string; readonly vars: readonly string[]; readonly at?: string }
  | { readonly kind: 'evaluate'; readonly expr: string; readonly at?: string }
  | { readonly kind: 'simplify'; readonly expr: string }
  /** A named derivation from rules/derivations (gradtex derive --list). */
  | { readonly kind: 'derive'; readonly name: string }
  /** A derivation someone wrote (Markdown with $$ … $$ chains), judged step by step. */
  | { readonly kind: 'check'; readonly source: string }
  | { readonly kind: 'text'; readonly text: string };

/** Where a task is in the spec: tasks carry it so that a failing expression names its line. */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
  readonly col: number;
}

export interface Problem {
  readonly title: string;
  readonly statement: string;
  readonly tasks: readonly Located<Task>[];
  /** Where the problem starts in the spec, for messages. */
  readonly line: number;
  /** Shapes of vectors and matrices: the spec's, with the problem's own taking over for the names they share. */
  readonly shapes: ShapeContext;
}

export interface Spec {
  readonly title: string;
  readonly author: string;
  readonly date: string;
  readonly problems: readonly Problem[];
  /** `detail: brief|standard|full`: how many lines derivations are shown in (absent: the command's choice). */
  readonly detail?: Detail;
}

/** A mistake in a problem-set spec, at file:line:col. */
export class SpecError extends FileError {
  override readonly name = 'SpecError';
}

const TASK_KINDS = ['diff', 'gradient', 'evaluate', 'simplify', 'derive', 'check', 'text'] as const;

class Reader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  fail(node: YamlNode | null | undefined, detail: string): never {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    throw new SpecError(this.file, line, col, detail);
  }

  line(node: YamlNode | null | undefined): number {
    return this.lines.linePos(node?.range?.[0] ?? 0).line;
  }

  string(map: YamlNode, key: string, required: boolean, fallback = ''): string {
    if (!isMap(map)) this.fail(map, 'expected a mapping');
    const v = map.get(key, true) as YamlNode | undefined;
    if (v === undefined || v === null) {
      if (required) this.fail(map, `missing '${key}'`);
      return fallback;
    }
    if (!isScalar(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) this.fail(v, `'${key}' must be text`);
    return String(v.value);
  }

  strings(map: YamlNode, key: string, required: boolean): string[] {
    if (!isMap(map)) this.fail(map, 'expected a mapping');
    const v = map.get(key, true) as YamlNode | undefined;
    if (v === undefined || v === null) {
      if (required) this.fail(map, `missing '${key}': write ${key}: [x] or ${key}: x, y`);
      return [];
    }
    if (isScalar(v)) return String(v.value).split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (!isSeq(v)) this.fail(v, `'${key}' must be a list such as [x, y]`);
    return v.items.map((item) => {
      if (!isScalar(item)) this.fail(item as YamlNode, `'${key}' entries must be names`);
      return String(item.value);
    });
  }

  /**
   * `shapes:` of a spec or a problem, in any YAML spelling of the --shape
   * syntax: a mapping (`W: m x n` on its own line), a quoted string
   * ('W: m x n, x: n') or a list of either; read once here so a mistake
   * names its line.
   */
  shapes(map: YamlNode): ShapeContext {
    if (!isMap(map) || !map.has('shapes')) return new Map();
    const node = map.get('shapes', true) as YamlNode;
    const declarations: string[] = [];
    const add = (n: YamlNode): void => {
      if (isScalar(n)) declarations.push(String(n.value));
      else if (isMap(n)) for (const pair of n.items) declarations.push(`${String((pair.key as YamlNode & { value?: unknown })?.value ?? pair.key)}: ${String((pair.value as YamlNode & { value?: unknown })?.value ?? pair.value)}`);
      else if (isSeq(n)) for (const item of n.items) add(item as YamlNode);
      else this.fail(n, "shapes: write one per line as 'W: m x n', or a quoted list 'W: m x n, x: n'");
    };
    add(node);
    try {
      return shapeContext(declarations);
    } catch (e) {
      if (e instanceof ShapeError) this.fail(node, `shapes: ${e.message}`);
      throw e;
    }
  }

  located(node: YamlNode): Located<Task> {
    const { line, col } = this.lines.linePos(node.range?.[0] ?? 0);
    return { value: this.task(node), line, col };
  }

  task(node: YamlNode): Task {
    if (!isMap(node)) this.fail(node, `a task is a mapping with one of: ${TASK_KINDS.join(', ')}`);
    const kind = TASK_KINDS.find((k) => node.has(k));
    if (kind === undefined) this.fail(node, `a task needs one of: ${TASK_KINDS.join(', ')}`);
    const at = node.has('at') ? this.string(node, 'at', true) : undefined;
    const withAt = at === undefined ? {} : { at };
    switch (kind) {
      case 'diff':
        return { kind, expr: this.string(node, 'diff', true), wrt: this.strings(node, 'wrt', true), ...withAt };
      case 'gradient':
        return { kind, expr: this.string(node, 'gradient', true), vars: this.strings(node, 'vars', true), ...withAt };
      case 'evaluate':
        return { kind, expr: this.string(node, 'evaluate', true), ...withAt };
      case 'simplify':
        return { kind, expr: this.string(node, 'simplify', true) };
      case 'derive':
        return { kind, name: this.string(node, 'derive', true) };
      case 'check':
        return { kind, source: this.string(node, 'check', true) };
      case 'text':
        return { kind, text: this.string(node, 'text', true) };
    }
  }
}

/** Read a spec from YAML text; `file` names it in messages. */
export function parseSpec(file: string, text: string): Spec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    throw new SpecError(file, pos?.line ?? 1, pos?.col ?? 1, first.message.split('\n')[0] ?? 'invalid YAML');
  }
  const r: Reader = new Reader(file, lines);
  const root = doc.contents as YamlNode | null;
  if (root === null || !isMap(root)) r.fail(root, 'a spec is a mapping with title, author and problems');
  const problemsNode = root.get('problems', true) as YamlNode | undefined;
  if (problemsNode === undefined || !isSeq(problemsNode)) r.fail(root, "missing 'problems': a list of problems, each with a title and tasks");
  const specShapes = r.shapes(root);
  const problems = problemsNode.items.map((p): Problem => {
    const node = p as YamlNode;
    if (!isMap(node)) r.fail(node, 'a problem is a mapping with title, statement and tasks');
    const tasksNode = node.get('tasks', true) as YamlNode | undefined;
    const tasks = tasksNode === undefined ? [] : isSeq(tasksNode) ? tasksNode.items.map((t) => r.located(t as YamlNode)) : r.fail(tasksNode, "'tasks' must be a list");
    const shapes: ShapeContext = new Map([...specShapes, ...r.shapes(node)]);
    return { title: r.string(node, 'title', true), statement: r.string(node, 'statement', false), tasks, line: r.line(node), shapes };
  });
  const detailText = r.string(root, 'detail', false);
  const detail = detailText === '' ? undefined : readDetail(detailText);
  if (detailText !== '' && detail === undefined) r.fail(root.get('detail', true) as YamlNode, `'detail' must be brief, standard or full, not '${detailText}'`);
  return { title: r.string(root, 'title', true), author: r.string(root, 'author', false), date: r.string(root, 'date', false), problems, ...(detail !== undefined ? { detail } : {}) };
}

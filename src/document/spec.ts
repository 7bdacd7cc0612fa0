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
 *           - construct: { truth: A and not B }   (also box/height, claim/over, counterexample/p/q, table, layers, check)
 *           - graph: 'f_1 = ln(w_1^2 + w_2^2); f_2 = w_1*sin(w_2)'
 *             at: w_1=2, w_2=1            (also ops: '+,square,ln,*,sin,cos', fd-step: 0.001, fd: forward)
 *           - experiment: logistic               (gradient descent on given points, one run per rate)
 *             points: '(1,0),(-1,0)'           (also labels: 1,0; lr: 0.1, 1, 10; steps: 10000)
 *           - exhaustion: dag-topological-order  (acyclic iff a topological order, all graphs up to a size)
 *             up-to: 4                         (also loops: no)
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
import type { ConstructRequest } from '../construct/construct-request.js';
import { readDetail, type Detail } from '../proof/group-steps.js';

export type Task =
  | { readonly kind: 'diff'; readonly expr: string; readonly wrt: readonly string[]; readonly at?: string }
  | { readonly kind: 'gradient'; readonly expr: string; readonly vars: readonly string[]; readonly at?: string }
  /** `let:` lines ('u = w*x + b') are evaluated first, in order, and shown as a table of intermediates. */
  | { readonly kind: 'evaluate'; readonly expr: string; readonly at?: string; readonly lets?: readonly string[] }
  | { readonly kind: 'simplify'; readonly expr: string }
  /** A named derivation from rules/derivations (gradtex derive --list). */
  | { readonly kind: 'derive'; readonly name: string }
  /** A derivation someone wrote (Markdown with $$ … $$ chains), judged step by step. */
  | { readonly kind: 'check'; readonly source: string }
  /** `gradtex construct` as a task: a threshold unit or step network, an impossibility certificate, a claim proved by exhaustion, a counterexample. */
  | { readonly kind: 'construct'; readonly request: ConstructRequest }
  /** `gradtex graph` as a task: definitions (one per line or separated by ';'), their computation graph, sweeps, Jacobian and finite differences. */
  | { readonly kind: 'graph'; readonly definitions: string; readonly at: string; readonly ops?: string; readonly fdStep: number; readonly fd: 'forward' | 'central' }
  /** `gradtex experiment --points … --lr …` as a task: what each parameter does under gradient descent, observed (and proved where an argument applies). */
  | { readonly kind: 'experiment'; readonly model: string; readonly points: string; readonly labels?: string; readonly lr: string; readonly steps: number }
  /** A theorem about small structures checked over all of them, with its proof's steps: `dag-topological-order`. */
  | { readonly kind: 'exhaustion'; readonly claim: string; readonly upTo: number; readonly loops: boolean }
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

const TASK_KINDS = ['diff', 'gradient', 'evaluate', 'simplify', 'derive', 'check', 'construct', 'graph', 'experiment', 'exhaustion', 'text'] as const;

/** The keys of a `construct:` mapping: the command's flags without their dashes. */
const CONSTRUCT_KEYS = ['truth', 'table', 'box', 'height', 'counterexample', 'p', 'q', 'claim', 'over', 'layers', 'check', 'step-at-zero'] as const;
const GRAPH_KEYS = ['graph', 'at', 'ops', 'fd-step', 'fd'] as const;
const EXPERIMENT_KEYS = ['experiment', 'points', 'labels', 'lr', 'steps'] as const;
const EXHAUSTION_KEYS = ['exhaustion', 'up-to', 'loops'] as const;

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
      case 'evaluate': {
        const lets = this.letLines(node);
        return { kind, expr: this.string(node, 'evaluate', true), ...withAt, ...(lets === undefined ? {} : { lets }) };
      }
      case 'simplify':
        return { kind, expr: this.string(node, 'simplify', true) };
      case 'derive':
        return { kind, name: this.string(node, 'derive', true) };
      case 'check':
        return { kind, source: this.string(node, 'check', true) };
      case 'construct':
        return { kind, request: this.constructRequest(node.get('construct', true) as YamlNode) };
      case 'graph':
        return this.graphTask(node);
      case 'experiment': {
        this.onlyKeys(node, EXPERIMENT_KEYS, "an 'experiment' task");
        const steps = Number(this.string(node, 'steps', false, '10000'));
        if (!Number.isInteger(steps) || steps < 4) this.fail(node, "'steps' is a whole number of at least 4, such as 10000");
        const labels = isMap(node) && node.has('labels') ? this.string(node, 'labels', true) : undefined;
        return { kind, model: this.string(node, 'experiment', true), points: this.string(node, 'points', true), lr: this.strings(node, 'lr', true).join(','), steps, ...(labels === undefined ? {} : { labels }) };
      }
      case 'exhaustion': {
        this.onlyKeys(node, EXHAUSTION_KEYS, "an 'exhaustion' task");
        const upTo = Number(this.string(node, 'up-to', false, '4'));
        const loops = isMap(node) && node.has('loops') ? (node.get('loops') as unknown) : true;
        if (typeof loops !== 'boolean') this.fail(node, "'loops' is yes or no (self-loops among the graphs)");
        return { kind, claim: this.string(node, 'exhaustion', true), upTo, loops };
      }
      case 'text':
        return { kind, text: this.string(node, 'text', true) };
    }
  }

  /** `let:` as a list, or one string with the lines separated by ';' (a definition may hold commas: sum(x_i, i, 1, n)). */
  letLines(node: YamlNode): string[] | undefined {
    if (!isMap(node) || !node.has('let')) return undefined;
    const v = node.get('let', true) as YamlNode;
    if (isSeq(v)) return v.items.map((item) => (isScalar(item) ? String(item.value) : this.fail(item as YamlNode, "'let' lines are text such as 'u = w*x + b'")));
    if (isScalar(v)) return String(v.value).split(';').map((l) => l.trim()).filter((l) => l !== '');
    this.fail(v, "'let' is a list of lines such as 'u = w*x + b'");
  }

  /** Every key of a mapping is one of `known`: a misspelt option is an error at its place, never silently ignored. */
  onlyKeys(map: YamlNode, known: readonly string[], what: string): void {
    if (!isMap(map)) this.fail(map, `${what} is a mapping`);
    for (const pair of map.items) {
      const key = String((pair.key as YamlNode & { value?: unknown })?.value ?? pair.key);
      if (!known.includes(key)) this.fail(pair.key as YamlNode, `${what} has no '${key}'; it takes: ${known.join(', ')}`);
    }
  }

  constructRequest(map: YamlNode): ConstructRequest {
    this.onlyKeys(map, CONSTRUCT_KEYS, "'construct'");
    const opt = (k: string): string | undefined => (isMap(map) && map.has(k) ? this.string(map, k, true) : undefined);
    const layers = opt('layers');
    if (layers !== undefined && layers !== '1' && layers !== '2') this.fail(map, "'layers' is 1 or 2");
    const stepAtZero = opt('step-at-zero') ?? '0';
    if (stepAtZero !== '0' && stepAtZero !== '1') this.fail(map, "'step-at-zero' is 0 (step fires when z > 0) or 1 (fires when z ≥ 0)");
    const pick = (k: 'truth' | 'table' | 'box' | 'height' | 'counterexample' | 'p' | 'q' | 'claim' | 'over'): Partial<ConstructRequest> => {
      const v = opt(k);
      return v === undefined ? {} : { [k]: v };
    };
    const network = opt('check');
    return {
      ...pick('truth'), ...pick('table'), ...pick('box'), ...pick('height'), ...pick('counterexample'), ...pick('p'), ...pick('q'), ...pick('claim'), ...pick('over'),
      ...(layers === undefined ? {} : { layers: layers === '1' ? 1 : 2 }),
      ...(network === undefined ? {} : { network }),
      stepAtZero: stepAtZero === '0' ? 0 : 1,
      ...(opt('step-at-zero') === undefined ? {} : { stepAtZeroChosen: true }),
    };
  }

  graphTask(node: YamlNode): Task {
    this.onlyKeys(node, GRAPH_KEYS, "a 'graph' task");
    const fdStep = Number(this.string(node, 'fd-step', false, '0.001'));
    if (!Number.isFinite(fdStep) || fdStep <= 0) this.fail(node, "'fd-step' is a positive number such as 0.001");
    const fd = this.string(node, 'fd', false, 'central');
    if (fd !== 'forward' && fd !== 'central') this.fail(node, "'fd' is forward or central");
    const ops = isMap(node) && node.has('ops') ? this.string(node, 'ops', true) : undefined;
    return { kind: 'graph', definitions: this.string(node, 'graph', true), at: this.string(node, 'at', false), fdStep, fd, ...(ops === undefined ? {} : { ops }) };
  }
}

/** Read a spec from YAML text; `file` names it in messages. */
export function parseSpec(file: string, text: string): Spec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    // Without prettyErrors the error carries its offset only: the line counter turns it into line:col.
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    throw new SpecError(file, pos.line, pos.col, first.message.split('\n')[0] ?? 'invalid YAML');
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

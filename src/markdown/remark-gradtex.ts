/**
 * remark-gradtex: derivations and checked equations in Markdown notes.
 *
 *     unified().use(remarkParse).use(remarkMath).use(remarkGradtex, { failOnError: true })
 *       .use(remarkRehype).use(rehypeKatex).use(rehypeStringify)
 *
 * - A ```derive block (`d/dx sigma(x)`, `diff EXPR wrt x`, a named
 *   derivation) becomes the derivation as display math, one named rule per
 *   line, followed by its verdict ("✓ every step holds at 24 random points").
 * - A ```check block (relations `a = b \\le c` in LaTeX) and a `$$…$$` block
 *   right after `<!-- gradtex: check -->` are judged step by step by the
 *   machinery of `gradtex check` (check-block.ts): the same verdicts, the
 *   same facts from the prose (`$x > 0$`); a step that fails is a file
 *   message at the line and column where it was written, as remark-lint
 *   reports. With `failOnError` the messages are fatal and the
 *   run rejects with the first of them, after every block was checked.
 *
 * Nothing aborts halfway: a block that cannot be worked out is reported and
 * left in the document, the way rehype-katex reports math it cannot render.
 */
import type { Code, Html, Parent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { createEngine, type Engine } from '../rewrite/engine.js';
import { blockPositions, type OffsetToPoint } from './block-position.js';
import { DocumentError, type DocumentReport, type StepReport } from '../check/check-document.js';
import { createChecker, type Checker } from '../check/judge-step.js';
import { relationLatex } from '../parse/relation.js';
import { splitRelations } from '../parse/split-relations.js';
import { blockSteps, blockVerdict, checkNote, stepProblem } from './check-block.js';
import { workOutRequest, type NamedLookup } from './derive-block.js';
import { isRequestProblem, parseDeriveBlock } from './derive-request.js';
import { displayMath, headingParagraph, verdictParagraph } from './mdast-nodes.js';
import { readBlockShapes, type BlockShapes } from '../check/block-shapes.js';
import { checkBlockParts } from '../parse/check-block-parts.js';
import type { Detail } from '../proof/group-steps.js';
import type { ShapeContext } from '../matrix/shape.js';

export interface RemarkGradtexOptions {
  /** Make failed checks fatal: the run rejects (a site build stops). Default false: messages are warnings. */
  readonly failOnError?: boolean;
  /** Random points per check (default 24). */
  readonly points?: number;
  /** Seed of the random points (default 1), so output and verdicts are reproducible. */
  readonly seed?: number;
  /** The rule engine (default: gradtex's own rules, loaded once per use of the plugin). */
  readonly engine?: Engine;
  /** Your own named derivations; by default a name (`softmax-jacobian`) comes from gradtex's catalog, rules/derivations. */
  readonly named?: NamedLookup;
  /** The catalog folder for named derivations (default: gradtex's rules/derivations). */
  readonly namedDir?: string;
  /** Write the verdict line under each derivation and checked chain (default true). */
  readonly verdicts?: boolean;
  /** Shapes of vectors and matrices for every block (`md --shape`); a block's own `shapes:` line takes over for the names it shares. */
  readonly shapes?: ShapeContext;
  /** How many lines derivations are shown in: brief, standard (default) or full (`md --detail`); every line shown is checked. */
  readonly detail?: Detail;
}

/** The `source` of every message, as remark-lint names its rules' origin. */
export const MESSAGE_SOURCE = 'gradtex';

/** The comment that marks a `$$` block to be checked. */
const CHECK_MARKER = /^<!--\s*gradtex:\s*check\s*-->$/;

type Severity = 'error' | 'info';

interface Context {
  readonly file: VFile;
  readonly source: string;
  readonly options: RemarkGradtexOptions;
  readonly engine: () => Engine;
  readonly checker: () => Checker;
  /** The note as `gradtex check` judges it, computed on first need. */
  readonly checked: { report?: DocumentReport; error?: DocumentError };
  readonly fatal: { first?: Error };
}

function report(ctx: Context, reason: string, ruleId: string, place: Position | undefined, severity: Severity): void {
  const opts = { ruleId, source: MESSAGE_SOURCE, ...(place !== undefined ? { place } : {}) };
  if (severity === 'info') {
    ctx.file.info(reason, opts);
    return;
  }
  const m = ctx.file.message(reason, opts);
  if (ctx.options.failOnError === true) {
    m.fatal = true;
    ctx.fatal.first ??= m;
  }
}

/** Maps offsets in a block's value to file positions, when the block has a position. */
function locator(ctx: Context, node: { position?: Position | undefined; value: string }): (start: number, end: number) => Position | undefined {
  const p = node.position;
  if (p === undefined) return () => undefined;
  const at: OffsetToPoint = blockPositions(ctx.source, p.start.line, node.value, p.start.column);
  return (start, end) => ({ start: at(start), end: at(Math.max(start, end)) });
}

/** The block's `shapes:` line read (and blanked); a line that cannot be read is reported where it is. */
function blockShapes(ctx: Context, node: Code): BlockShapes {
  const b = readBlockShapes(node.value, ctx.options.shapes);
  if (b.problem !== undefined) report(ctx, b.problem.reason, 'block-shapes', locator(ctx, node)(b.problem.start, b.problem.end) ?? node.position, 'error');
  return b;
}

function deriveBlock(ctx: Context, node: Code): RootContent[] {
  const place = locator(ctx, node);
  const out: RootContent[] = [];
  const { value, shapes } = blockShapes(ctx, node);
  for (const request of parseDeriveBlock(value)) {
    if (isRequestProblem(request)) {
      report(ctx, request.reason, 'derive-request', place(request.start, request.end) ?? node.position, 'error');
      continue;
    }
    const where = place(request.start, request.end) ?? node.position;
    const worked = workOutRequest(ctx.engine(), request, { ...ctx.options, shapes });
    if (!worked.ok) {
      report(ctx, worked.problem, 'derive-request', where, 'error');
      continue;
    }
    for (const part of worked.parts) {
      if (part.heading !== undefined) out.push(headingParagraph(part.heading, node.position));
      out.push(displayMath(part.latex, node.position));
      if (part.where !== undefined) out.push(displayMath(part.where, node.position));
      if (ctx.options.verdicts ?? true) out.push(verdictParagraph(part.verdict, part.problem !== undefined, node.position));
      const which = part.heading === undefined ? '' : `${part.heading}: `;
      if (part.problem !== undefined) report(ctx, which + part.problem, 'derive-failed', where, 'error');
      else if (part.note !== undefined) report(ctx, which + part.note, 'derive-undecided', where, 'info');
    }
  }
  // A block with nothing to show stays as written, so the reader sees what failed.
  return out.length > 0 ? out : [node];
}

/**
 * The note judged once by `gradtex check`'s machinery (check-block.ts), on
 * first need; facts that contradict each other are one error at their place,
 * and every block is then left unjudged.
 */
function noteReport(ctx: Context): DocumentReport | undefined {
  if (ctx.checked.report === undefined && ctx.checked.error === undefined) {
    try {
      ctx.checked.report = checkNote(ctx.checker(), ctx.source, ctx.options);
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      ctx.checked.error = e;
      report(ctx, `the facts of this note cannot all hold: ${e.message}`, 'check-facts', { start: { line: e.line, column: e.col }, end: { line: e.line, column: e.col } }, 'error');
    }
  }
  return ctx.checked.report;
}

/** The block's steps with their messages reported; undefined when nothing could be judged (no relation, or contradictory facts). */
function reportChain(ctx: Context, node: { position?: Position | undefined; value: string }): StepReport[] | undefined {
  const r = noteReport(ctx);
  const p = node.position;
  if (r === undefined || p === undefined) return undefined;
  const steps = blockSteps(r, p.start.line, p.end.line);
  if (steps.length === 0) {
    report(ctx, 'nothing to check: write a relation such as `a = b = c` or `\\ln x \\le x - 1`', 'check-syntax', p, 'error');
    return undefined;
  }
  for (const s of steps) {
    const problem = stepProblem(s);
    if (problem === undefined) continue;
    // Where the right side starts, to its end when it is on one line.
    const width = s.rhs.includes('\n') ? 0 : s.rhs.trimEnd().length;
    const place = { start: { line: s.line, column: s.col }, end: { line: s.line, column: s.col + width } };
    report(ctx, problem.reason, problem.ruleId, place, problem.ruleId === 'check-undecided' ? 'info' : 'error');
  }
  return steps;
}

/** The chain as display math: the block itself when it has its own layout, else one row per relation. */
function chainLatex(node: Code): string {
  // The pieces the checker judged (math delimiters pasted into the block dropped, a claim per line): parse/check-block-parts.ts.
  const parts = checkBlockParts(node.value);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && /\\begin\{/.test(only.text)) return only.text.trim();
  const rows = parts.flatMap((part) =>
    /\\begin\{/.test(part.text)
      ? [`&${part.text.trim()}`]
      : splitRelations(part.text).flatMap((c) => c.rels.map((r, k) => `${k === 0 ? `${c.sides[0]?.latex ?? ''} ` : ''}&${relationLatex(r.rel)} ${c.sides[k + 1]?.latex ?? ''}`)),
  );
  return `\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}`;
}

function checkBlock(ctx: Context, node: Code): RootContent[] {
  const steps = reportChain(ctx, node);
  if (steps === undefined || steps.some((s) => s.verdict === 'undecided' && s.evidence.method === 'parse')) return [node];
  // A `shapes:` line declares; it is not part of the math shown.
  const shown = { ...node, value: node.value.replace(/^[ \t]*shapes:.*(?:\n|$)/gm, '') };
  const out: RootContent[] = [displayMath(chainLatex(shown), node.position)];
  const v = blockVerdict(steps);
  if (ctx.options.verdicts ?? true) out.push(verdictParagraph(v.text, v.failed, node.position));
  return out;
}

function isMarker(node: RootContent): node is Html {
  return node.type === 'html' && CHECK_MARKER.test(node.value.trim());
}

/** Rewrites the children of one parent (and, depth first, of theirs). */
function transformChildren(ctx: Context, parent: Parent): void {
  const out: RootContent[] = [];
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (node === undefined) continue;
    if (node.type === 'code' && node.lang === 'derive') out.push(...deriveBlock(ctx, node));
    else if (node.type === 'code' && node.lang === 'check') out.push(...checkBlock(ctx, node));
    else if (isMarker(node)) {
      out.push(node);
      const next = kids[i + 1];
      if (next?.type !== 'math') {
        report(ctx, '`<!-- gradtex: check -->` must be followed by a `$$` block (on the next lines) to check', 'check-marker', node.position, 'error');
        continue;
      }
      const steps = reportChain(ctx, next);
      out.push(next);
      const v = steps === undefined ? undefined : blockVerdict(steps);
      if (v !== undefined && (ctx.options.verdicts ?? true)) out.push(verdictParagraph(v.text, v.failed, next.position));
      i++;
    } else {
      if ('children' in node) transformChildren(ctx, node);
      out.push(node);
    }
  }
  // mdast's Parent is generic over its children; every container we descend into accepts block content here.
  (parent as { children: RootContent[] }).children = out;
}

/**
 * The plugin: options in, transformer out.
 *
 *     const file = await unified().use(remarkParse).use(remarkMath).use(remarkGradtex)
 *       .use(remarkRehype).use(rehypeKatex).use(rehypeStringify).process('```derive\nd/dx x^2\n```');
 *     String(file); // '<pre><code class="language-math math-display">…katex…</code></pre>\n<p class="gradtex-check">✓ …</p>'
 */
export function remarkGradtex(options: RemarkGradtexOptions = {}): (tree: Root, file: VFile) => void {
  let engine: Engine | undefined = options.engine;
  const getEngine = (): Engine => (engine ??= createEngine());
  let checker: Checker | undefined;
  const getChecker = (): Checker => (checker ??= createChecker(getEngine()));
  return (tree, file) => {
    const ctx: Context = { file, source: String(file.value), options, engine: getEngine, checker: getChecker, checked: {}, fatal: {} };
    transformChildren(ctx, tree);
    // Every block was checked and reported; now stop the build on the first error.
    if (ctx.fatal.first !== undefined) throw ctx.fatal.first;
  };
}


/**
 * `gradtex diff EXPR --wrt x [--wrt y] [--at x=0.3] [--format text|latex|json]`
 * `gradtex diff EXPR --grad x1,x2 [--at …]`, `gradtex diff --batch FILE|-`,
 * `gradtex diff EXPR --wrt x --shape 'W: m x n, x: n'` (shaped-diff.ts). Without
 * shapes, products of matrix-looking factors (B*(A*x), x^T*A*x) are refused,
 * exit 3: scalar rules would commute them.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Expr, Sym } from '../../expr/node.js';
import { size, symbolsOf } from '../../expr/traverse.js';
import { diffJsonVerdict, diffToJson, type DiffJson, type DiffOptions, type DiffOutcome } from '../../derive/diff-result.js';
import { derivationToLatex, toLatex } from '../../render/index.js';
import { abbreviate } from '../../render/abbreviate.js';
import { createEngine, type Engine } from '../../rewrite/engine.js';
import type { CommandModule } from '../command.js';
import { parseInput, readExprArg, type InputSyntax } from '../input.js';
import { EXIT, UserError, type Io } from '../io.js';
import { collect, parseDetail, parseFormat, parsePositiveInt, parseInteger, type Format } from '../options.js';
import { PointError, parsePoint, parseVariables } from '../../derive/point.js';
import { DerivationLimitError } from '../../derive/limits.js';
import { defaultJobs, parseJobs } from '../jobs.js';
import { DEFAULT_BATCH_TIMEOUT_S, guardedHandler, parseTimeoutSeconds, readRequestObject, runBatch, type LineHandler } from '../batch.js';
import { formatVerification } from '../../derive/verdict-text.js';
import { groupSteps, type Detail } from '../../proof/group-steps.js';
import { toPlain } from '../../expr/to-plain.js';
import { parseLayout, refuseShapedOptions } from '../shaped-options.js';
import type { Layout } from '../../derive/shaped-derivative.js';
import { unshapedDerivativeRefusal } from '../../check/matrix-gate.js';
import { impliedVectorShapes } from '../../derive/implied-shapes.js';

interface DiffFlags {
  wrt: string[];
  grad?: string;
  at: string[];
  format: Format;
  batch?: string;
  points?: number;
  seed?: number;
  input: InputSyntax;
  /** Seconds each --batch request may take. */
  timeout?: number;
  /** With --batch: how many requests are answered at once. */
  jobs?: number;
  /** Shapes of vectors and matrices: the derivative is then taken under them (shaped-diff.ts). */
  shape: string[];
  /** With --shape: numerator or denominator layout (default: a gradient shaped like the variable, a Jacobian m×n). */
  layout?: Layout;
  /** How many lines the derivation is shown in (src/proof/group-steps.ts). */
  detail: Detail;
}

function textReport(o: DiffOutcome): string {
  const j = o.json;
  const lines: string[] = [];
  const dx = j.wrt.map((w) => `d/d${w}`).join(' ');
  lines.push(`${dx} of ${j.input}`);
  // The lines every printer shows (src/proof/group-steps.ts): the state after the last step of each, with its titles.
  for (const l of j.lines) lines.push(`  = ${l.after}    [${l.titles.join('; ')}]`);
  lines.push(`result: ${j.result}`);
  for (const n of j.notes) lines.push(`note: ${n}`);
  for (const b of j.branches ?? []) lines.push(`branch: ${b}`);
  if (j.value !== undefined) {
    if (j.statement !== undefined) lines.push(`note: ${j.statement}`);
    lines.push(`value: ${j.value}${j.exact === true ? '' : ' (approximate)'} ≈ ${j.approx}`);
  } else if (j.statement !== undefined) {
    // At a kink no value is printed: the statement, then what frameworks use there, separately.
    lines.push(j.statement);
    for (const c of j.conventions ?? []) lines.push(`convention: ${c}`);
  }
  if (j.stop !== 'normal-form') lines.push(`stopped: ${j.stop}`);
  lines.push(`check: ${formatVerification(j.verification)}`);
  return lines.join('\n') + '\n';
}

function latexReport(o: DiffOutcome): string {
  const j = o.json;
  // Long derivations name a recurring subexpression (where u = …) so lines fit a page.
  const a = abbreviate(o.derivation, o.start);
  const failed = (i: number): boolean => j.steps[i]?.verdict === diffJsonVerdict('fails');
  const body = derivationToLatex(a.derivation, { env: 'align*', lhs: a.lhs, detail: j.detail, endsLine: failed });
  const where = a.definitions.length === 0 ? [] : [`\\[ \\text{where } ${a.definitions.map((d) => `${toLatex(d.name)} = ${toLatex(d.value)}`).join(',\\quad ')} \\]`];
  const tail = [...where, `% check: ${formatVerification(j.verification)}`];
  for (const n of j.notes) tail.push(`% note: ${n}`);
  if (j.valueLatex !== undefined) tail.push(`% value: ${j.valueLatex}`);
  else if (j.statement !== undefined) tail.push(`% ${j.statement}`, ...(j.conventions ?? []).map((c) => `% convention: ${c}`));
  return `${body}\n${tail.join('\n')}\n`;
}

function exitFor(verdicts: readonly DiffJson[]): number {
  return verdicts.some((j) => j.verification.verdict === diffJsonVerdict('fails') || j.stop === 'stuck') ? EXIT.failed : EXIT.ok;
}

function options(flags: DiffFlags, atValues: DiffOptions['at']): DiffOptions {
  return {
    ...(flags.points !== undefined ? { points: flags.points } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(atValues !== undefined ? { at: atValues } : {}),
    detail: flags.detail,
  };
}

/**
 * Step-by-step output repeats the whole expression on every line, so it is
 * offered up to this size; larger inputs get a clear refusal rather than
 * gigabytes of output.
 */
const MAX_NODES = 20_000;

function checkSize(f: Expr): void {
  const n = size(f);
  if (n > MAX_NODES) throw new UserError(`1:1: the expression has ${n.toLocaleString('en')} nodes; step-by-step differentiation is limited to ${MAX_NODES.toLocaleString('en')}`);
}

/** The variables to differentiate by, from --wrt/--grad, or the only free symbol. */
function chooseVariables(f: Expr, flags: DiffFlags): { wrt: Sym[]; gradient: boolean } {
  if (flags.grad !== undefined && flags.wrt.length > 0) throw new UserError('use either --wrt or --grad, not both');
  if (flags.grad !== undefined) return { wrt: parseVariables(flags.grad, '--grad'), gradient: true };
  if (flags.wrt.length > 0) return { wrt: flags.wrt.flatMap((w) => parseVariables(w, '--wrt')), gradient: false };
  const free = symbolsOf(f).filter((s) => s.name !== 'pi');
  if (free.length === 1) return { wrt: free, gradient: false };
  throw new UserError(`say which variable to differentiate by: --wrt x (the expression has ${free.length} variables)`);
}

async function runShaped(text: string, flags: DiffFlags, io: Io, engine: Engine): Promise<number> {
  refuseShapedOptions(flags);
  // The matrix calculus loads only for --shape: plain diff starts without it.
  const { shapedDiff } = await import('../shaped-diff.js');
  const o = shapedDiff({ text, syntax: flags.input, wrt: flags.wrt.flatMap((w) => parseVariables(w, '--wrt')), shapes: flags.shape, engine, ...(flags.layout !== undefined ? { layout: flags.layout } : {}), ...options(flags, undefined) });
  io.stdout(flags.format === 'json' ? JSON.stringify(o.json, null, 2) + '\n' : flags.format === 'latex' ? o.latex : o.text);
  return o.code;
}

async function runSingle(exprArg: string, flags: DiffFlags, io: Io, engine: Engine): Promise<number> {
  const text = await readExprArg(exprArg, io);
  if (flags.shape.length > 0) return runShaped(text, flags, io, engine);
  const f = parseInput(text, flags.input);
  checkSize(f);
  const refusal = unshapedDerivativeRefusal(f);
  // lse(z), softmax(z, i) of a letter: z is a vector by the notation, taken as z: n (printed with the answer).
  const implied = refusal !== undefined && flags.at.length === 0 && flags.grad === undefined ? impliedVectorShapes(f) : undefined;
  if (implied !== undefined && flags.wrt.length > 0) return runShaped(text, { ...flags, shape: implied }, io, engine);
  if (refusal !== undefined) {
    // Scalar rules would commute the factors (d(B*(A*x), x) = A*B): no answer rather than a wrong one.
    io.stdout(flags.format === 'json' ? JSON.stringify({ input: text, verdict: 'undecided', reason: refusal }, null, 2) + '\n' : `${refusal}\n`);
    return EXIT.undecided;
  }
  const { wrt, gradient } = chooseVariables(f, flags);
  const at = flags.at.length > 0 ? parsePoint(flags.at).values : undefined;
  const opts = options(flags, at);
  if (!gradient) {
    const o = diffToJson(engine, text, f, wrt, opts);
    if (flags.format === 'json') io.stdout(JSON.stringify(o.json, null, 2) + '\n');
    else if (flags.format === 'latex') io.stdout(latexReport(o));
    else io.stdout(textReport(o));
    return exitFor([o.json]);
  }
  const outcomes = wrt.map((x) => diffToJson(engine, text, f, [x], opts));
  if (flags.format === 'json') {
    const ms = outcomes.reduce((s, o) => s + o.json.ms, 0);
    io.stdout(JSON.stringify({ input: text, grad: outcomes.map((o) => o.json.wrt[0]), gradient: outcomes.map((o) => o.json), ms: Math.round(ms * 1000) / 1000 }, null, 2) + '\n');
  } else {
    for (const o of outcomes) io.stdout((flags.format === 'latex' ? latexReport(o) : textReport(o)) + '\n');
  }
  return exitFor(outcomes.map((o) => o.json));
}

interface BatchRequest {
  id: string;
  expr: string;
  wrt?: string[];
  grad?: string[];
  at?: string;
  shape?: string[];
}

function readRequest(line: string): BatchRequest {
  const { id, fields: o } = readRequestObject(line);
  const expr = o['expr'];
  if (typeof expr !== 'string') throw new UserError('missing "expr" (a string)');
  const strings = (k: string): string[] | undefined => {
    const x = o[k];
    if (x === undefined) return undefined;
    if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) throw new UserError(`"${k}" must be a list of strings`);
    return x as string[];
  };
  const at = o['at'];
  if (at !== undefined && typeof at !== 'string') throw new UserError('"at" must be a string like "x=1,y=2"');
  const wrt = strings('wrt');
  const grad = strings('grad');
  const shapeField = o['shape'];
  const shape = typeof shapeField === 'string' ? [shapeField] : strings('shape');
  return { id, expr, ...(wrt ? { wrt } : {}), ...(grad ? { grad } : {}), ...(typeof at === 'string' ? { at } : {}), ...(shape ? { shape } : {}) };
}

/** Errors that belong to one request's input: its own error line with their message. */
const isRequestError = (e: unknown): boolean => e instanceof UserError || e instanceof PointError || e instanceof DerivationLimitError;

/** Answers one JSON Lines request of `diff --batch` (in a batch worker, or in this thread). */
export async function diffBatchHandler(flags: DiffFlags): Promise<LineHandler> {
  const engine = createEngine();
  const { shapedDiff } = await import('../shaped-diff.js');
  return guardedHandler((line) => {
    const req = readRequest(line);
    const id = req.id;
    const shape = [...flags.shape, ...(req.shape ?? [])];
    if (shape.length > 0) {
      refuseShapedOptions({ ...(req.grad !== undefined ? { grad: req.grad.join(',') } : {}), ...(req.at !== undefined ? { at: [req.at] } : {}) });
      const o = shapedDiff({ text: req.expr, syntax: flags.input, wrt: (req.wrt ?? []).flatMap((w) => parseVariables(w, 'wrt')), shapes: shape, engine, ...(flags.layout !== undefined ? { layout: flags.layout } : {}), ...options(flags, undefined) });
      return { out: JSON.stringify({ id, ...o.json }) + '\n', failed: o.code === EXIT.failed };
    }
    const f = parseInput(req.expr, flags.input);
    checkSize(f);
    const refusal = unshapedDerivativeRefusal(f);
    if (refusal !== undefined) return { out: JSON.stringify({ id, input: req.expr, verdict: 'undecided', reason: refusal }) + '\n', failed: false };
    const at = req.at !== undefined ? parsePoint([req.at]).values : undefined;
    const opts = options(flags, at);
    if (req.grad !== undefined) {
      const vars = req.grad.flatMap((g) => parseVariables(g, 'grad'));
      const gradient = vars.map((x) => diffToJson(engine, req.expr, f, [x], opts).json);
      return { out: JSON.stringify({ id, input: req.expr, grad: req.grad, gradient }) + '\n', failed: exitFor(gradient) !== EXIT.ok };
    }
    const vars = chooseVariables(f, { ...flags, wrt: req.wrt ?? [] }).wrt;
    const j = diffToJson(engine, req.expr, f, vars, opts).json;
    return { out: JSON.stringify({ id, ...j }) + '\n', failed: exitFor([j]) !== EXIT.ok };
  }, isRequestError);
}

async function runDiffBatch(source: string, flags: DiffFlags, io: Io): Promise<number> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : readFileSync(source, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { timeout, jobs, ...rest } = flags;
  const failed = await runBatch(text, io, { job: { command: 'diff', flags: rest }, budgetMs: (timeout ?? DEFAULT_BATCH_TIMEOUT_S) * 1000, jobs: jobs ?? defaultJobs(), local: () => diffBatchHandler(rest) });
  return failed ? EXIT.failed : EXIT.ok;
}

export const diffCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('diff')
      .description('Differentiate with named steps, verify every step, print text, LaTeX or JSON')
      .argument('[expr]', "expression in plain syntax or LaTeX; '-' reads standard input")
      .option('--wrt <var>', 'differentiate with respect to var (repeat for successive derivatives)', collect, [])
      .option('--grad <vars>', 'gradient: one derivative per variable, e.g. x1,x2,x3')
      .option('--at <point>', 'evaluate at a point, e.g. x=0.3,y=2 (decimals are exact)', collect, [])
      .option('--format <format>', 'text, latex or json', parseFormat, 'text')
      .option('--batch <file>', "JSON Lines requests {\"id\",\"expr\",\"wrt\"|\"grad\"}; '-' reads standard input")
      .option('--points <n>', 'random points per numeric check', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--input <syntax>', 'auto, plain or latex', 'auto')
      .option('--detail <level>', 'brief (a textbook\'s few lines), standard (bookkeeping merged into the step that caused it) or full (one rewrite per line); every line shown is checked', parseDetail, 'standard')
      .option('--timeout <seconds>', `with --batch: the time budget of each request (default ${DEFAULT_BATCH_TIMEOUT_S}); a request over it gets an error line`, parseTimeoutSeconds)
      .option('--jobs <n>', `with --batch: answer this many requests at once, each in a thread of its own (default: one per core, ${defaultJobs()}); the output order is the input order`, parseJobs)
      .option('--layout <layout>', 'with --shape: numerator or denominator (default: the gradient of a scalar shaped like the variable, denominator; the Jacobian of a vector m×n, numerator)', parseLayout)
      .option('--shape <decl>', "declare a matrix or vector, e.g. 'W: m x n, x: n, b: m' (repeatable; also \"shape\" in --batch requests): the derivative by a declared vector or matrix is derived by the matrix-calculus rules, printed with its size and layout, every step checked entry by entry and the result by finite differences; what the rules do not cover is refused by name (exit 3)", collect, [])
      .action(async (expr: string | undefined, flags: DiffFlags) => {
        if (flags.batch !== undefined) {
          if (expr !== undefined) throw new UserError('--batch reads expressions from the file: do not also give EXPR');
          setExit(await runDiffBatch(flags.batch, flags, io));
          return;
        }
        if (expr === undefined) throw new UserError("missing EXPR (or '-' for standard input, or --batch FILE)");
        setExit(await runSingle(expr, flags, io, createEngine()));
      });
  },
};

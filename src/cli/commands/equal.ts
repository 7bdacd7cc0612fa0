/**
 * `gradtex equal LHS RHS [--rel <=] [--assume "x > 0"] [--format text|json]`,
 * `gradtex equal "LHS <= RHS"`, and `gradtex equal --batch FILE|-` (JSON Lines
 * {"id","lhs","rhs","rel"?,"assume"?,"shape"?} -> {"id","verdict","evidence"}; with
 * "shape" or --shape the identity is judged entry by entry under the shapes): one
 * relation judged by the checker's machinery (proved, holds, fails, undecided).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createChecker, judgeStep, type Checker } from '../../check/judge-step.js';
import { PointError } from '../../derive/point.js';
import { defaultJobs, parseJobs } from '../jobs.js';
import { DEFAULT_BATCH_TIMEOUT_S, guardedHandler, parseTimeoutSeconds, readRequestObject, runBatch, type LineHandler } from '../batch.js';
import { describeFact, FactError, type Fact } from '../../check/facts.js';
import { factsAbout } from '../../check/check-document.js';
import type { Judgement } from '../../check/judgement.js';
import { boldArrayNames } from '../../check/bold-arrays.js';
import { readRelationAssumptions as readAssumptionList } from '../../check/read-facts.js';
import { relationOf, type Relation } from '../../parse/relation.js';
import { splitRelations } from '../../parse/split-relations.js';
import type { Expr } from '../../expr/node.js';
import { toPlain } from '../../render/index.js';
import { createEngine } from '../../rewrite/engine.js';
import type { CommandModule } from '../command.js';
import { parseInput, readExprArg, type InputSyntax } from '../input.js';
import { EXIT, UserError, type Io } from '../io.js';
import { judgeMatrixIdentity, readShapes, runMatrixEqual } from '../matrix-equal.js';
import { collect, parseInteger, parsePositiveInt } from '../options.js';

interface EqualFlags {
  rel?: string;
  assume: string[];
  format: 'text' | 'json';
  batch?: string;
  points?: number;
  seed?: number;
  input: InputSyntax;
  shape: string[];
  /** Seconds each --batch request may take. */
  timeout?: number;
  /** With --batch: how many requests are answered at once. */
  jobs?: number;
}

interface Claim {
  readonly lhs: Expr;
  readonly rel: Relation;
  readonly rhs: Expr;
}

function parseRel(text: string | undefined): Relation {
  if (text === undefined) return '=';
  const r = relationOf(text.trim());
  if (r === undefined) throw new UserError(`unknown relation '${text}': use =, <=, >=, <, >, != or ~=`);
  return r;
}

/** LHS and RHS, or one argument holding the whole relation ("ln(x) <= x - 1"). */
function readClaim(lhsText: string, rhsText: string | undefined, relText: string | undefined, syntax: InputSyntax): Claim {
  if (rhsText !== undefined) return { lhs: parseInput(lhsText, syntax, 'left side'), rel: parseRel(relText), rhs: parseInput(rhsText, syntax, 'right side') };
  const chains = splitRelations(lhsText);
  const c = chains[0];
  if (chains.length !== 1 || c === undefined || c.rels.length !== 1) throw new UserError('give LHS and RHS, or one relation such as "ln(x) <= x - 1"');
  const [l, r] = c.sides;
  const rel = c.rels[0];
  if (l === undefined || r === undefined || rel === undefined || l.latex === '' || r.latex === '') throw new UserError('a relation needs an expression on each side');
  return { lhs: parseInput(l.latex, syntax, 'left side'), rel: rel.rel, rhs: parseInput(r.latex, syntax, 'right side') };
}

/** `--assume` lists: every piece understood and consistent, or a one-line error naming the piece. */
function readAssumptions(texts: readonly string[]): Fact[] {
  try {
    return readAssumptionList(texts);
  } catch (e) {
    if (e instanceof FactError) throw new UserError(`--assume: ${e.message}`);
    throw e;
  }
}

/** The assumptions that speak about the claim, as text. */
function used(c: Claim, facts: readonly Fact[]): string[] {
  return factsAbout([c.lhs, c.rhs], facts).map((f) => describeFact(f, toPlain));
}

function textLine(c: Claim, j: Judgement, facts: readonly Fact[] = []): string {
  const u = used(c, facts);
  return `${toPlain(c.lhs)} ${c.rel} ${toPlain(c.rhs)}\n${j.verdict}: ${j.evidence.summary}\n${u.length > 0 ? `using ${u.join(', ')} (--assume)\n` : ''}`;
}

function json(c: Claim, j: Judgement, facts: readonly Fact[] = []): Record<string, unknown> {
  const u = used(c, facts);
  return { lhs: toPlain(c.lhs), rel: c.rel, rhs: toPlain(c.rhs), verdict: j.verdict, evidence: j.evidence, ...(u.length > 0 ? { facts: u } : {}) };
}

function options(flags: EqualFlags): { points?: number; seed?: number } {
  return { ...(flags.points !== undefined ? { points: flags.points } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}) };
}

function stringList(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  throw new UserError(`"${what}" must be a string or a list of strings`);
}

/** Errors that belong to one request's input: its own error line with their message. */
const isRequestError = (e: unknown): boolean => e instanceof UserError || e instanceof PointError;

/** Answers one JSON Lines request of `equal --batch` (in a batch worker, or in this thread). */
export function equalBatchHandler(flags: EqualFlags): LineHandler {
  const checker = createChecker(createEngine());
  return guardedHandler((line) => {
    const { id, fields: o } = readRequestObject(line);
    const lhs = o['lhs'];
    const rhs = o['rhs'];
    const rel = o['rel'];
    if (typeof lhs !== 'string' || typeof rhs !== 'string') throw new UserError('missing "lhs" or "rhs" (strings)');
    if (rel !== undefined && typeof rel !== 'string') throw new UserError('"rel" must be a string such as "<="');
    const shapes = [...flags.shape, ...stringList(o['shape'], 'shape')];
    if (shapes.length > 0) {
      // Under shapes the identity is judged entry by entry (matrix-equal.ts), as `equal --shape` does.
      if (rel !== undefined && rel.trim() !== '=') throw new UserError(`"shape" judges matrix identities (=), not '${rel}'`);
      const j = judgeMatrixIdentity(lhs, rhs, readShapes(shapes), flags.input, options(flags));
      return { out: JSON.stringify({ id, verdict: j.verdict, evidence: { ...j.evidence, ...(j.details ?? {}) } }) + '\n', failed: j.verdict === 'fails' };
    }
    const claim = readClaim(lhs, rhs, rel, flags.input);
    const facts = readAssumptions([...flags.assume, ...stringList(o['assume'], 'assume')]);
    const j = judgeStep(checker, claim.lhs, claim.rel, claim.rhs, facts, { ...options(flags), bold: boldArrayNames([lhs, rhs]) });
    return { out: JSON.stringify({ id, verdict: j.verdict, evidence: j.evidence }) + '\n', failed: j.verdict === 'fails' };
  }, isRequestError);
}

async function runEqualBatch(source: string, flags: EqualFlags, io: Io): Promise<number> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : readFileSync(source, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { timeout, jobs, ...rest } = flags;
  const failed = await runBatch(text, io, { job: { command: 'equal', flags: rest }, budgetMs: (timeout ?? DEFAULT_BATCH_TIMEOUT_S) * 1000, jobs: jobs ?? defaultJobs(), local: () => equalBatchHandler(rest) });
  return failed ? EXIT.failed : EXIT.ok;
}

function parseEqualFormat(v: string): 'text' | 'json' {
  if (v === 'text' || v === 'json') return v;
  throw new UserError(`--format: expected text or json, got '${v}'`);
}

export const equalCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('equal')
      .description('Judge one relation (=, <=, >=, <, >, !=, ~=): proved, holds at N points, fails with a counterexample, or undecided')
      .argument('[lhs]', "left side, or the whole relation (\"ln(x) <= x - 1\"); '-' reads standard input")
      .argument('[rhs]', 'right side')
      .option('--rel <relation>', '=, <=, >=, <, >, != or ~= (default =)')
      .option('--assume <facts>', 'domains and definitions, e.g. "x > 0, p_i > 0, sum_i p_i = 1, y in {-1, 1}" (repeatable)', collect, [])
      .option('--format <format>', 'text or json', parseEqualFormat, 'text')
      .option('--batch <file>', "JSON Lines {\"id\",\"lhs\",\"rhs\",\"rel\"?,\"assume\"?,\"shape\"?}; '-' reads standard input")
      .option('--points <n>', 'random points per check', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--input <syntax>', 'auto, plain or latex', 'auto')
      .option('--timeout <seconds>', `with --batch: the time budget of each request (default ${DEFAULT_BATCH_TIMEOUT_S}); a request over it gets an error line`, parseTimeoutSeconds)
      .option('--jobs <n>', `with --batch: answer this many requests at once, each in a thread of its own (default: one per core, ${defaultJobs()}); the output order is the input order`, parseJobs)
      .option('--shape <decl>', "declare a matrix or vector, e.g. 'A: n x p', 'x: n', A=2x3 (repeatable): W*x, W^T are then matrix products and transposes, and the identity is checked entry by entry", collect, [])
      .action(async (lhsArg: string | undefined, rhsArg: string | undefined, flags: EqualFlags) => {
        if (flags.batch !== undefined) {
          if (lhsArg !== undefined) throw new UserError('--batch reads the relations from the file: do not also give LHS or RHS');
          setExit(await runEqualBatch(flags.batch, flags, io));
          return;
        }
        const checker = createChecker(createEngine());
        if (lhsArg === undefined) throw new UserError("missing LHS and RHS (or '-' for standard input, or --batch FILE)");
        const lhsText = await readExprArg(lhsArg, io);
        if (flags.shape.length > 0) {
          const { points, seed } = flags;
          setExit(runMatrixEqual({ lhs: lhsText, rhs: rhsArg, rel: flags.rel, shapes: flags.shape, syntax: flags.input, format: flags.format, ...(points !== undefined ? { points } : {}), ...(seed !== undefined ? { seed } : {}) }, io));
          return;
        }
        const claim = readClaim(lhsText, rhsArg, flags.rel, flags.input);
        const facts = readAssumptions(flags.assume);
        const j = judgeStep(checker, claim.lhs, claim.rel, claim.rhs, facts, { ...options(flags), bold: boldArrayNames([lhsText, rhsArg ?? '']) });
        io.stdout(flags.format === 'json' ? JSON.stringify(json(claim, j, facts), null, 2) + '\n' : textLine(claim, j, facts));
        setExit(j.verdict === 'fails' ? EXIT.failed : EXIT.ok);
      });
  },
};

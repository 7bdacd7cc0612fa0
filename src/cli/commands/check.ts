/**
 * `gradtex check FILE… [--format text|json] [--points N] [--seed S] [--assume …] [--shape 'W: m x n, x: n'] [--verbose]`:
 * every step of every display chain judged. Exit 0 when every step is proved
 * or holds, 1 when a step fails, 2 when a file cannot be read, 3 when nothing
 * fails but a step is undecided (`--allow-undecided` maps 3 to 0), so a
 * grading script never counts an unjudged answer as a pass. Facts that
 * contradict each other are bad input (2).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDocument, DocumentError, documentKind } from '../../check/check-document.js';
import { FactError, type Fact } from '../../check/facts.js';
import { createChecker } from '../../check/judge-step.js';
import { readAssumptions as readAssumptionList } from '../../check/read-facts.js';
import { formatJson, formatText, tally, type FileReport } from '../../check/report.js';
import { createEngine } from '../../rewrite/engine.js';
import { MarkdownDepthError } from '../../markdown/nesting-depth.js';
import { FileError } from '../../parse/file-error.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { collect, parseInteger, parsePositiveInt } from '../options.js';
import { readShapes } from '../matrix-equal.js';

interface CheckFlags {
  format: 'text' | 'json';
  points?: number;
  seed?: number;
  assume: string[];
  verbose?: boolean;
  allowUndecided?: boolean;
  shape: string[];
}

function parseCheckFormat(v: string): 'text' | 'json' {
  if (v === 'text' || v === 'json') return v;
  throw new UserError(`--format: expected text or json, got '${v}'`);
}

/** `--assume` lists: every piece understood and consistent, or a one-line error naming the piece. */
function cliFacts(texts: readonly string[]): Fact[] {
  try {
    return readAssumptionList(texts);
  } catch (e) {
    if (e instanceof FactError) throw new UserError(`--assume: ${e.message}`);
    throw e;
  }
}

export const checkCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('check')
      .description('Check a hand derivation (Markdown or LaTeX): every step judged, each failure shown with a counterexample')
      .argument('<files...>', 'Markdown (.md) or LaTeX (.tex) files')
      .option('--format <format>', 'text or json', parseCheckFormat, 'text')
      .option('--points <n>', 'random points per step', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--assume <facts>', 'extra domains or definitions, e.g. "x > 0, p_i > 0" (repeatable)', collect, [])
      .option('--verbose', 'list every step, not only failing and undecided ones')
      .option('--allow-undecided', 'exit 0 (not 3) when nothing fails but some step is undecided')
      .option('--shape <decl>', "declare a matrix or vector for every file, e.g. 'W: m x n, x: n' (repeatable); statements in the document (W \\in \\mathbb{R}^{m \\times n}) take over where they are made", collect, [])
      .action((files: string[], flags: CheckFlags) => {
        const checker = createChecker(createEngine());
        const facts = cliFacts(flags.assume);
        const shapes = readShapes(flags.shape);
        const reports: FileReport[] = files.map((file) => {
          let source: string;
          try {
            source = readFileSync(file, 'utf8');
          } catch (e) {
            throw new UserError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
          }
          const opts = { facts, shapes, ...(flags.points !== undefined ? { points: flags.points } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}) };
          try {
            return { file, report: checkDocument(checker, source, documentKind(file), opts) };
          } catch (e) {
            if (e instanceof MarkdownDepthError) throw new FileError(file, e.line, e.col, e.detail);
            if (e instanceof DocumentError) throw new UserError(`${file}:${e.line}:${e.col}: ${e.message}`);
            throw e;
          }
        });
        io.stdout(flags.format === 'json' ? formatJson(reports) : formatText(reports, flags.verbose === true));
        const counts = reports.map((r) => tally(r.report));
        if (counts.some((t) => t.fails > 0)) setExit(EXIT.failed);
        else if (counts.some((t) => t.undecided > 0) && flags.allowUndecided !== true) setExit(EXIT.undecided);
        else setExit(EXIT.ok);
      });
  },
};

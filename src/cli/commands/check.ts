/**
 * `gradtex check FILE… [--format text|json|html] [-o FILE] [--points N] [--seed S] [--assume …] [--shape 'W: m x n, x: n'] [--verbose]`:
 * every relation of every file accounted for: judged (display chains and
 * inline claims), a premise (inline definitions and assumptions), or listed
 * as "not read" with the reason and file:line:col. Files are Markdown
 * (.md and anything else), LaTeX (.tex, .ltx, .latex) or plain text (.txt,
 * one relation a line). Exit codes, so a grading script never counts an
 * unjudged answer as a pass:
 *
 * - 0: every relation proved or holds (definitions and assumptions aside);
 * - 1: some relation fails;
 * - 2: bad input: a file that cannot be read, an environment or delimiter
 *   never closed, facts that contradict each other, a bad `--assume`;
 * - 3: nothing fails, but some relation is undecided or not read
 *   (`--allow-undecided` maps 3 to 0).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDocument, DocumentError, documentKind } from '../../check/check-document.js';
import { FactError, type Fact } from '../../check/facts.js';
import { createChecker } from '../../check/judge-step.js';
import { readAssumptions as readAssumptionList } from '../../check/read-facts.js';
import { tally } from '../../check/report.js';
import { createEngine } from '../../rewrite/engine.js';
import { MarkdownDepthError } from '../../check/nesting-depth.js';
import { FileError } from '../../parse/file-error.js';
import { refuseInputAsOutput, writeCheckReport, type CheckedFile, type CheckFormat } from '../check-output.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { collect, parseInteger, parsePositiveInt } from '../options.js';
import { readShapes } from '../matrix-equal.js';

interface CheckFlags {
  format: CheckFormat;
  output?: string;
  points?: number;
  seed?: number;
  assume: string[];
  verbose?: boolean;
  allowUndecided?: boolean;
  shape: string[];
}

function parseCheckFormat(v: string): CheckFormat {
  if (v === 'text' || v === 'json' || v === 'html') return v;
  throw new UserError(`--format: expected text, json or html, got '${v}'`);
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
      .description('Check a hand derivation (Markdown, LaTeX or plain text): every relation judged or listed as not read, each failure shown with a counterexample')
      .argument('<files...>', 'Markdown (.md), LaTeX (.tex) or plain-text (.txt) files')
      .option('--format <format>', 'text, json or html (the document with every relation marked)', parseCheckFormat, 'text')
      .option('-o, --output <file>', 'write the report to this file (never over an input), not to stdout')
      .option('--points <n>', 'random points per step', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--assume <facts>', 'extra domains or definitions, e.g. "x > 0, p_i > 0" (repeatable)', collect, [])
      .option('--verbose', 'list every step, not only failing and undecided ones')
      .option('--allow-undecided', 'exit 0 (not 3) when nothing fails but some relation is undecided or not read')
      .option('--shape <decl>', "declare a matrix or vector for every file, e.g. 'W: m x n, x: n' (repeatable); statements in the document (W \\in \\mathbb{R}^{m \\times n}) take over where they are made", collect, [])
      .action((files: string[], flags: CheckFlags) => {
        const checker = createChecker(createEngine());
        const facts = cliFacts(flags.assume);
        const shapes = readShapes(flags.shape);
        refuseInputAsOutput(files, flags.output);
        const reports: CheckedFile[] = files.map((file) => {
          let source: string;
          try {
            source = readFileSync(file, 'utf8');
          } catch (e) {
            throw new UserError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
          }
          const opts = { facts, shapes, ...(flags.points !== undefined ? { points: flags.points } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}) };
          try {
            return { file, source, report: checkDocument(checker, source, documentKind(file), opts) };
          } catch (e) {
            if (e instanceof MarkdownDepthError) throw new FileError(file, e.line, e.col, e.detail);
            if (e instanceof DocumentError) throw new UserError(`${file}:${e.line}:${e.col}: ${e.message}`);
            throw e;
          }
        });
        writeCheckReport(io, flags, reports);
        const counts = reports.map((r) => tally(r.report));
        if (counts.some((t) => t.fails > 0)) setExit(EXIT.failed);
        else if (counts.some((t) => t.undecided > 0 || t.notRead > 0) && flags.allowUndecided !== true) setExit(EXIT.undecided);
        else setExit(EXIT.ok);
      });
  },
};

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
import type { Command } from 'commander';
import { tally } from '../../check/report.js';
import type { CheckFileFlags } from '../check-file.js';
import { refuseInputAsOutput, writeCheckReport, type CheckedFile, type CheckFormat } from '../check-output.js';
import type { CommandModule } from '../command.js';
import { runFileJobs } from '../file-jobs.js';
import { EXIT, UserError, type Io } from '../io.js';
import { defaultJobs, parseJobs } from '../jobs.js';
import { collect, parseInteger, parsePositiveInt } from '../options.js';

interface CheckFlags {
  format: CheckFormat;
  output?: string;
  points?: number;
  seed?: number;
  assume: string[];
  verbose?: boolean;
  allowUndecided?: boolean;
  shape: string[];
  jobs?: number;
}

function parseCheckFormat(v: string): CheckFormat {
  if (v === 'text' || v === 'json' || v === 'html') return v;
  throw new UserError(`--format: expected text, json or html, got '${v}'`);
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
      .option('--jobs <n>', `check this many files at once, each in a thread of its own (default: one per core, ${defaultJobs()}); the report is the same, in the order of the files`, parseJobs)
      .action(async (files: string[], flags: CheckFlags) => {
        refuseInputAsOutput(files, flags.output);
        const fileFlags: CheckFileFlags = { assume: flags.assume, shape: flags.shape, ...(flags.points !== undefined ? { points: flags.points } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}) };
        // A file that cannot be read or checked is reported on its own line; the others are still checked and reported.
        const reports: CheckedFile[] = [];
        const bad: string[] = [];
        await runFileJobs({ command: 'check', flags: fileFlags }, files, flags.jobs ?? defaultJobs(), (_i, outcome) => {
          if (outcome.ok) reports.push(outcome.value as CheckedFile);
          else bad.push(outcome.message);
        });
        for (const message of bad) io.stderr(`gradtex: ${message}\n`);
        if (reports.length > 0) await writeCheckReport(io, flags, reports);
        const counts = reports.map((r) => tally(r.report));
        if (bad.length > 0) setExit(EXIT.badInput);
        else if (counts.some((t) => t.fails > 0)) setExit(EXIT.failed);
        else if (counts.some((t) => t.undecided > 0 || t.notRead > 0) && flags.allowUndecided !== true) setExit(EXIT.undecided);
        else setExit(EXIT.ok);
      });
  },
};

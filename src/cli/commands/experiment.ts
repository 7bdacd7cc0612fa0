/**
 * `gradtex experiment all-positive|xor [--report DIR] [--force] [--epochs N]
 * [--lr X] [--seed S]`: the two small experiments of the problem sets, printed
 * as tables and optionally written as a report (LaTeX, HTML, SVG).
 *
 * - all-positive: logistic regression with every label 1: the loss → 0,
 *   b → ∞, and w unbounded or convergent depending on the points;
 * - xor: a linear model (loss stuck at 1/4, w = 0, b = 1/2) against a 2-4-1
 *   tanh network (100% accuracy).
 */
import type { Command } from 'commander';
import { createBackend } from '../../train/backend.js';
import { allPositive } from '../../train/experiments/all-positive.js';
import { allPositiveReport, xorReport } from '../../train/experiments/experiment-report.js';
import { xorExperiment } from '../../train/experiments/xor.js';
import type { Report } from '../../train/report/report-model.js';
import { ReportExistsError, writeReport } from '../../train/report/write-report.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { parsePositiveInt } from '../options.js';
import { parseNonNegativeInt, parsePositiveNumber } from '../train/flags.js';
import { reportToText } from '../train/format.js';
import { checkReportDir } from '../train/outputs.js';

const EXPERIMENTS = ['all-positive', 'xor'] as const;
type ExperimentName = (typeof EXPERIMENTS)[number];

interface ExperimentFlags {
  report?: string;
  force?: boolean;
  epochs?: number;
  lr?: number;
  seed?: number;
}

function experimentName(name: string): ExperimentName {
  const found = EXPERIMENTS.find((e) => e === name);
  if (found === undefined) throw new UserError(`unknown experiment '${name}'; use one of ${EXPERIMENTS.join(', ')}`);
  return found;
}

async function run(io: Io, name: string, flags: ExperimentFlags): Promise<number> {
  const which = experimentName(name);
  if (which === 'all-positive' && flags.seed !== undefined) throw new UserError('--seed does not apply to all-positive (it starts from w = b = 0, with no randomness)');
  if (flags.report !== undefined) checkReportDir(flags.report, flags.force === true);
  const options = { ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }), ...(flags.lr === undefined ? {} : { lr: flags.lr }) };
  // Float64: the tables show weights to 5 digits and losses down to 1e-5.
  const be = await createBackend({ dtype: 'f64' });
  let report: Report;
  try {
    report = which === 'all-positive' ? allPositiveReport(allPositive(be, options)) : xorReport(xorExperiment(be, { ...options, ...(flags.seed === undefined ? {} : { seed: flags.seed }) }));
  } finally {
    await be.close();
  }
  io.stdout(reportToText(report));
  if (flags.report !== undefined) {
    try {
      const written = writeReport(flags.report, report, { pdf: true, ...(flags.force === true ? { force: true } : {}) });
      for (const f of written.files) io.stdout(`wrote ${f}\n`);
      for (const n of written.notes) io.stderr(`gradtex: note: ${n}\n`);
    } catch (e) {
      if (e instanceof ReportExistsError) throw new UserError(e.message);
      throw e;
    }
  }
  return EXIT.ok;
}

export const experimentCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('experiment')
      .description('Run a small experiment of the problem sets: all-positive (logistic regression, every label 1) or xor (linear model vs a 2-4-1 network)')
      .argument('<name>', EXPERIMENTS.join(' or '))
      .option('--epochs <n>', 'full-batch gradient steps (default: all-positive 10000, xor 3000)', parsePositiveInt)
      .option('--lr <x>', 'learning rate (default: all-positive 1, xor 0.2)', parsePositiveNumber)
      .option('--seed <s>', 'xor: seed of the initial weights (default 1)', parseNonNegativeInt)
      .option('--report <dir>', 'write report.tex/.html/.pdf and the plots (.svg, .pgfplots.tex) into DIR')
      .option('--force', 'replace an existing report')
      .action(async (name: string, flags: ExperimentFlags) => {
        setExit(await run(io, name, flags));
      });
  },
};

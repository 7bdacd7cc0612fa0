/**
 * `gradtex experiment all-positive|xor [--report DIR] [--force] [--epochs N]
 * [--lr X] [--seed S]`: the two small experiments of the problem sets, printed
 * as tables and optionally written as a report (LaTeX, HTML, SVG).
 *
 * `gradtex experiment --points '(1,0),(-1,0)' [--labels 1,1] [--data FILE.csv]
 * --lr 0.1,1,10 [--steps N] [--model logistic|linear] [--format text|json]`:
 * gradient descent on the user's data for each learning rate, and what each
 * parameter did, with the evidence and the criterion (src/experiment).
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
import { readFileSync } from 'node:fs';
import { ExperimentError, experimentData, readCsv, readNumberList, readPoints, type ExperimentData } from '../../experiment/experiment-data.js';
import { MODELS, type Model } from '../../experiment/gradient-descent.js';
import { runExperiment } from '../../experiment/run-experiment.js';
import { findingToText } from '../../finite/finding-report.js';

const EXPERIMENTS = ['all-positive', 'xor'] as const;
type ExperimentName = (typeof EXPERIMENTS)[number];

interface ExperimentFlags {
  report?: string;
  force?: boolean;
  epochs?: number;
  lr?: string;
  seed?: number;
  points?: string;
  labels?: string;
  data?: string;
  steps?: number;
  model?: string;
  format?: string;
}

/** The default steps of a sweep: enough for t = T/4, T/2, T to show ln t growth apart from settling. */
const DEFAULT_STEPS = 10000;

function sweepData(flags: ExperimentFlags): ExperimentData {
  if (flags.data !== undefined) {
    if (flags.points !== undefined || flags.labels !== undefined) throw new UserError('give --data FILE or --points (with --labels), not both');
    let text: string;
    try {
      text = readFileSync(flags.data, 'utf8');
    } catch (e) {
      throw new UserError(`--data ${flags.data}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
    }
    return readCsv(text);
  }
  const points = readPoints(flags.points ?? '');
  return experimentData(points, flags.labels === undefined ? undefined : readNumberList(flags.labels, '--labels'));
}

/** A sweep over learning rates on the user's data: exit 3 when a run is undecided (still moving after --steps). */
function runSweep(io: Io, flags: ExperimentFlags): number {
  for (const [flag, v] of [['--epochs', flags.epochs], ['--seed', flags.seed], ['--report', flags.report]] as const) {
    if (v !== undefined) throw new UserError(`${flag} goes with the named experiments all-positive and xor; a sweep takes --steps`);
  }
  const model = MODELS.find((m) => m === (flags.model ?? 'logistic'));
  if (model === undefined) throw new UserError(`--model is one of ${MODELS.join(', ')}, not '${flags.model}'`);
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--format is text or json, not '${format}'`);
  try {
    const report = runExperiment({ data: sweepData(flags), model: model satisfies Model, lrs: readNumberList(flags.lr ?? '', '--lr'), steps: flags.steps ?? DEFAULT_STEPS });
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : findingToText(report));
    return report.paragraphs.some((p) => p.kind === 'verdict' && p.verdict === 'undecided') ? EXIT.undecided : EXIT.ok;
  } catch (e) {
    if (e instanceof ExperimentError) throw new UserError(e.message);
    throw e;
  }
}

/** --lr of a named experiment: one positive number. */
function singleRate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.includes(',')) throw new UserError('--lr takes a list only with --points or --data; the named experiments take one rate');
  try {
    return parsePositiveNumber(text);
  } catch {
    throw new UserError(`--lr '${text}': expected a number greater than 0, e.g. 0.1`);
  }
}

function experimentName(name: string): ExperimentName {
  const found = EXPERIMENTS.find((e) => e === name);
  if (found === undefined) throw new UserError(`unknown experiment '${name}'; use one of ${EXPERIMENTS.join(', ')}`);
  return found;
}

async function run(io: Io, name: string | undefined, flags: ExperimentFlags): Promise<number> {
  const sweep = flags.points !== undefined || flags.data !== undefined;
  if (name === undefined && !sweep) throw new UserError("name an experiment (all-positive, xor) or give data: --points '(1,0),(-1,0)' --lr 0.1,1,10");
  if (name !== undefined && sweep) throw new UserError(`--points and --data run a sweep of their own; leave out '${name}'`);
  if (name === undefined) return runSweep(io, flags);
  for (const [flag, v] of [['--steps', flags.steps], ['--labels', flags.labels], ['--model', flags.model], ['--format', flags.format]] as const) {
    if (v !== undefined) throw new UserError(`${flag} goes with --points or --data; the named experiments take --epochs`);
  }
  const lr = singleRate(flags.lr);
  const which = experimentName(name);
  if (which === 'all-positive' && flags.seed !== undefined) throw new UserError('--seed does not apply to all-positive (it starts from w = b = 0, with no randomness)');
  if (flags.report !== undefined) checkReportDir(flags.report, flags.force === true);
  const options = { ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }), ...(lr === undefined ? {} : { lr }) };
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
      .description("Run a small experiment of the problem sets: all-positive (logistic regression, every label 1) or xor (linear model vs a 2-4-1 network); or, with --points '(1,0),(-1,0)' --lr 0.1,1,10, gradient descent on your data and whether each parameter converges")
      .argument('[name]', `${EXPERIMENTS.join(' or ')} (leave out with --points or --data)`)
      .option('--epochs <n>', 'full-batch gradient steps (default: all-positive 10000, xor 3000)', parsePositiveInt)
      .option('--lr <x>', 'learning rate (default: all-positive 1, xor 0.2); with --points a list such as 0.1,1,10')
      .option('--points <list>', "data points, e.g. '(1,0),(-1,0)' (or 1,-1 in one dimension)")
      .option('--labels <list>', 'one label per point, e.g. 1,0 (default: every label 1)')
      .option('--data <file>', 'a CSV file with a header; the column y holds the labels')
      .option('--steps <n>', `gradient steps of a sweep (default ${DEFAULT_STEPS})`, parsePositiveInt)
      .option('--model <m>', `with --points: ${MODELS.join(' or ')} (default logistic)`)
      .option('--format <f>', 'with --points: text or json')
      .option('--seed <s>', 'xor: seed of the initial weights (default 1)', parseNonNegativeInt)
      .option('--report <dir>', 'write report.tex/.html/.pdf and the plots (.svg, .pgfplots.tex) into DIR')
      .option('--force', 'replace an existing report')
      .action(async (name: string | undefined, flags: ExperimentFlags) => {
        setExit(await run(io, name, flags));
      });
  },
};

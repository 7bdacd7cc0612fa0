/**
 * `gradtex train softmax|mlp|logistic [--data DIR] [--epochs N] [--lr X]
 * [--batch N] [--alpha X] [--search] [--seed S] [--dtype f32|f64]
 * [--threads N] [--report DIR] [--checkpoint FILE] [--force]`: train a model
 * of the problem sets with minibatch SGD, print the loss per epoch and the
 * test result, and optionally write a report and a checkpoint.
 */
import type { Command } from 'commander';
import { createBackend } from '../../train/backend.js';
import { CheckpointExistsError, saveCheckpoint } from '../../train/checkpoint.js';
import { DataError } from '../../train/data/data-error.js';
import { DEFAULT_GRID, DEFAULT_HYPERPARAMETERS, VALIDATION_FRACTION, type SearchGrid } from '../../train/defaults.js';
import { MODEL_KINDS, type ModelKind } from '../../train/models/models.js';
import { ReportExistsError, writeReport } from '../../train/report/write-report.js';
import { describeSpec, MODEL_NAMES, num, percent, trainingReport } from '../../train/report/training-report.js';
import { runTraining, type TrainingOutcome } from '../../train/run-training.js';
import { gridSize } from '../../train/search.js';
import type { Hyperparameters } from '../../train/train-loop.js';
import type { DType } from '../../train/tensor.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { parsePositiveInt } from '../options.js';
import { parseDtype, parseNonNegativeInt, parseNonNegativeNumber, parsePositiveNumber } from '../train/flags.js';
import { EPOCH_HEADER, epochLine, hyperparameterText, searchText } from '../train/format.js';
import { checkCheckpointPath, checkReportDir } from '../train/outputs.js';
import { progressBar } from '../train/progress.js';

interface TrainFlags {
  data?: string;
  epochs?: number;
  lr?: number;
  batch?: number;
  alpha?: number;
  search?: boolean;
  seed: number;
  dtype: DType;
  threads: number;
  positive?: number;
  report?: string;
  checkpoint?: string;
  force?: boolean;
}

/** "10" when every model has the same default, else "softmax 0.1, mlp 0.05, logistic 0.1". */
function defaults(key: keyof Hyperparameters): string {
  const values = MODEL_KINDS.map((k) => DEFAULT_HYPERPARAMETERS[k][key]);
  return values.every((v) => v === values[0]) ? String(values[0]) : MODEL_KINDS.map((k, i) => `${k} ${values[i]}`).join(', ');
}

function gridHelp(): string {
  const lines = MODEL_KINDS.map((k) => {
    const g = DEFAULT_GRID[k];
    return `  ${k.padEnd(9)} lr {${g.lr.join(', ')}} × batch {${g.batch.join(', ')}} × epochs {${g.epochs.join(', ')}} × α {${g.alpha.join(', ')}}`;
  });
  return `\nSearch grids (--search; a value given on the command line pins that dimension):\n${lines.join('\n')}\nA seeded random ${VALIDATION_FRACTION * 100}% of the training file is held out as the validation split; the test set is used once, at the end.\n`;
}

function modelKind(name: string): ModelKind {
  const kind = MODEL_KINDS.find((k) => k === name);
  if (kind === undefined) throw new UserError(`unknown model '${name}'; use one of ${MODEL_KINDS.join(', ')}`);
  return kind;
}

/** Given values override the defaults; with --search they pin that dimension of the grid. */
function settings(kind: ModelKind, flags: TrainFlags): { hp: Hyperparameters; grid?: SearchGrid } {
  const d = DEFAULT_HYPERPARAMETERS[kind];
  const hp = { lr: flags.lr ?? d.lr, batch: flags.batch ?? d.batch, epochs: flags.epochs ?? d.epochs, alpha: flags.alpha ?? d.alpha };
  if (flags.search !== true) return { hp };
  const g = DEFAULT_GRID[kind];
  const pin = (v: number | undefined, all: readonly number[]): readonly number[] => (v === undefined ? all : [v]);
  return { hp, grid: { lr: pin(flags.lr, g.lr), batch: pin(flags.batch, g.batch), epochs: pin(flags.epochs, g.epochs), alpha: pin(flags.alpha, g.alpha) } };
}

function checkOutputs(flags: TrainFlags): void {
  const force = flags.force === true;
  if (flags.checkpoint !== undefined) checkCheckpointPath(flags.checkpoint, force);
  if (flags.report !== undefined) checkReportDir(flags.report, force);
}

function writeOutputs(io: Io, outcome: TrainingOutcome, flags: TrainFlags): void {
  if (flags.report !== undefined) {
    const written = writeReport(flags.report, trainingReport(outcome), { pdf: true, ...(flags.force === true ? { force: true } : {}) });
    for (const f of written.files) io.stdout(`wrote ${f}\n`);
    for (const n of written.notes) io.stderr(`gradtex: note: ${n}\n`);
  }
  if (flags.checkpoint === undefined) return;
  if (outcome.run.status === 'diverged') {
    io.stderr(`gradtex: note: no checkpoint written, because training diverged\n`);
    return;
  }
  saveCheckpoint(
    flags.checkpoint,
    outcome.network,
    {
      model: outcome.model,
      dtype: outcome.dtype,
      hyperparameters: outcome.hyperparameters,
      dataset: outcome.dataset,
      seed: outcome.seed,
      test: outcome.test,
      synthetic: outcome.synthetic,
      ...(outcome.binary === undefined ? {} : { positiveClass: outcome.binary.positiveClass }),
    },
    flags.force === true ? { force: true } : {},
  );
  io.stdout(`wrote ${flags.checkpoint}\n`);
}

async function train(io: Io, name: string, flags: TrainFlags): Promise<number> {
  const kind = modelKind(name);
  if (flags.positive !== undefined && kind !== 'logistic') throw new UserError('--positive only applies to logistic regression');
  const { hp, grid } = settings(kind, flags);
  checkOutputs(flags);
  const be = await createBackend({ dtype: flags.dtype, threads: flags.threads });
  if (be.note !== undefined) io.stderr(`gradtex: note: ${be.note}\n`);
  const bar = progressBar(io);
  const say = (text: string): void => {
    bar.stop();
    io.stdout(text);
  };
  try {
    const outcome = runTraining(
      be,
      {
        model: kind,
        ...(flags.data === undefined ? {} : { dataDir: flags.data }),
        dtype: flags.dtype,
        seed: flags.seed,
        hyperparameters: hp,
        ...(grid === undefined ? {} : { search: grid }),
        ...(flags.positive === undefined ? {} : { positiveClass: flags.positive }),
      },
      {
        onSetup: (setup) => {
          const lines = [`data: ${setup.dataset}`, `split: ${setup.sizes.train} train / ${setup.sizes.validation} validation / ${setup.sizes.test} test`, `model: ${MODEL_NAMES[kind] ?? kind} ${describeSpec(setup.spec)}`];
          if (setup.binary !== undefined) lines.push(`positive class: ${setup.binary.positiveClass} (one-vs-rest; ${percent(setup.binary.testPositiveFraction)} of the test set is positive)`);
          if (grid !== undefined) lines.push(`search: ${gridSize(grid)} settings, each trained on the train split and scored on the validation split`);
          say(lines.join('\n') + '\n');
        },
        onSearchRow: (_row, done, total) => bar.update('search', done, total),
        onSearchDone: (search) => say(searchText(search) + `search took ${num(search.seconds, 3)} s\n`),
        onTrainStart: (chosen) => say(`${grid === undefined ? 'settings' : 'chosen'}: ${hyperparameterText(chosen)}, seed ${flags.seed}, ${flags.dtype}\n${EPOCH_HEADER}`),
        onBatch: (epoch, b, batches) => bar.update(`epoch ${epoch}`, b, batches),
        onEpoch: (record) => say(epochLine(record)),
      },
    );
    bar.stop();
    return finish(io, outcome, flags);
  } catch (e) {
    bar.stop();
    if (e instanceof DataError || e instanceof RangeError || e instanceof CheckpointExistsError || e instanceof ReportExistsError) throw new UserError(e.message);
    throw e;
  } finally {
    await be.close();
  }
}

function finish(io: Io, outcome: TrainingOutcome, flags: TrainFlags): number {
  const epochs = outcome.run.history.length;
  io.stdout(`test: cross-entropy ${num(outcome.test.loss)}, accuracy ${percent(outcome.test.accuracy)} (after ${epochs} epoch${epochs === 1 ? '' : 's'}; ${num(outcome.seconds, 3)} s in all)\n`);
  writeOutputs(io, outcome, flags);
  if (outcome.run.status === 'diverged') {
    io.stderr(`gradtex: ${outcome.run.message ?? 'training diverged'}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

export const trainCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('train')
      .description('Train softmax regression, the MLP or logistic regression with minibatch SGD; print the loss per epoch and the test result')
      .argument('<model>', `one of ${MODEL_KINDS.join(', ')}`)
      .option('--data <dir>', 'Fashion-MNIST .npy or (Fashion-)MNIST IDX files; default: the built-in synthetic dataset')
      .option('--epochs <n>', `passes over the training split (default ${defaults('epochs')})`, parsePositiveInt)
      .option('--lr <x>', `learning rate η (default ${defaults('lr')})`, parsePositiveNumber)
      .option('--batch <n>', `minibatch size (default ${defaults('batch')})`, parsePositiveInt)
      .option('--alpha <x>', `weight penalty α in (α/2)·Σ‖W‖², biases excluded (default ${defaults('alpha')})`, parseNonNegativeNumber)
      .option('--search', 'grid search over lr, batch, epochs, α on the validation split (a value given pins that one)')
      .option('--seed <s>', 'seed of the data split, the initial weights and the batch order', parseNonNegativeInt, 1)
      .option('--dtype <type>', 'f32 or f64', parseDtype, 'f32')
      .option('--threads <n>', 'GEMM threads', parsePositiveInt, 1)
      .option('--positive <k>', 'logistic regression: the class labelled 1, one-vs-rest (default 0)', parseNonNegativeInt)
      .option('--report <dir>', 'write report.tex/.html/.pdf and loss-curves.svg/.pgfplots.tex into DIR')
      .option('--checkpoint <file>', 'save the trained weights (gradtex score FILE scores them again)')
      .option('--force', 'replace an existing checkpoint or report')
      .addHelpText('after', gridHelp())
      .action(async (name: string, flags: TrainFlags) => {
        setExit(await train(io, name, flags));
      });
  },
};

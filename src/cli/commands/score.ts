/**
 * `gradtex score CHECKPOINT [--data DIR] [--dtype f32|f64] [--format
 * text|json]`: load a model saved by `gradtex train … --checkpoint FILE` and
 * print its unregularised test loss and accuracy, on the test split of DIR or
 * of the built-in synthetic dataset made from the checkpoint's seed. With the
 * training's data and dtype the numbers are those `gradtex train` printed.
 * `gradtex evaluate` is the old name, kept for one release with a note (it
 * sat next to `gradtex eval`, which evaluates an expression).
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createBackend } from '../../train/backend.js';
import { readCheckpointHeader } from '../../train/checkpoint.js';
import { DataError } from '../../train/data/data-error.js';
import { evaluateCheckpoint, type CheckpointEvaluation } from '../../train/evaluate-checkpoint.js';
import { describeSpec, MODEL_NAMES, num, percent } from '../../train/report/training-report.js';
import type { DType } from '../../train/tensor.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { parseDtype } from '../train/flags.js';
import { hyperparameterText } from '../train/format.js';

interface ScoreFlags {
  data?: string;
  dtype?: DType;
  format: 'text' | 'json';
}

function parseTextOrJson(v: string): 'text' | 'json' {
  if (v === 'text' || v === 'json') return v;
  throw new InvalidArgumentError('expected text or json');
}

function lossName(r: CheckpointEvaluation): string {
  return r.spec.head === 'sigmoid-bce' ? 'log loss' : 'cross-entropy';
}

function text(r: CheckpointEvaluation): string {
  const m = r.meta;
  const lines = [
    `checkpoint: ${r.file}: ${MODEL_NAMES[m.model] ?? m.model} ${describeSpec(r.spec)}; trained with ${hyperparameterText(m.hyperparameters)}, seed ${m.seed}, ${m.dtype}`,
    `data: ${r.dataset}`,
  ];
  if (r.binary !== undefined) lines.push(`positive class: ${r.binary.positiveClass} (one-vs-rest; ${percent(r.binary.testPositiveFraction)} of the test set is positive)`);
  const loss = num(r.test.loss);
  const accuracy = percent(r.test.accuracy);
  const saved = m.test;
  const same = saved !== undefined && num(saved.loss ?? NaN) === loss && percent(saved.accuracy ?? NaN) === accuracy;
  const converted = r.dtype === m.dtype ? r.dtype : `${r.dtype}, converted from the checkpoint's ${m.dtype}`;
  lines.push(`test: ${lossName(r)} ${loss}, accuracy ${accuracy} (${r.testRows} rows, ${converted}${same ? '; as saved with the checkpoint' : ''})`);
  if (saved !== undefined && !same) lines.push(`saved with the checkpoint: ${lossName(r)} ${num(saved.loss ?? NaN)}, accuracy ${percent(saved.accuracy ?? NaN)} (on ${m.dataset.replace(/; pass --data.*$/, '')}, ${m.dtype})`);
  return lines.join('\n') + '\n';
}

function json(r: CheckpointEvaluation): string {
  const m = r.meta;
  return (
    JSON.stringify({
      checkpoint: r.file,
      model: m.model,
      spec: r.spec,
      trained: { dataset: m.dataset, seed: m.seed, dtype: m.dtype, hyperparameters: m.hyperparameters, ...(m.test === undefined ? {} : { test: m.test }) },
      data: { source: r.dataset, synthetic: r.synthetic, ...(r.dataSeed === undefined ? {} : { seed: r.dataSeed }), testRows: r.testRows, ...(r.binary === undefined ? {} : { positiveClass: r.binary.positiveClass }) },
      dtype: r.dtype,
      test: { loss: r.test.loss, accuracy: r.test.accuracy, lossName: lossName(r) },
      seconds: r.seconds,
    }) + '\n'
  );
}

async function scoreAction(io: Io, file: string, flags: ScoreFlags): Promise<number> {
  try {
    const { meta } = readCheckpointHeader(file);
    const be = await createBackend({ dtype: flags.dtype ?? meta.dtype });
    try {
      const r = evaluateCheckpoint(be, file, flags.data === undefined ? {} : { dataDir: flags.data });
      if (r.binary !== undefined && meta.positiveClass === undefined) {
        io.stderr(`gradtex: note: ${file} does not record its positive class (saved by an older gradtex); assuming class 0\n`);
      }
      if (r.synthetic && !r.trainedOnSynthetic) {
        io.stderr(`gradtex: note: ${file} was trained on ${meta.dataset}, but no --data was given: evaluating on the built-in synthetic dataset\n`);
      }
      io.stdout(flags.format === 'json' ? json(r) : text(r));
    } finally {
      await be.close();
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof DataError || e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
}

/** The command under `name`; the deprecated alias prints a note first and is hidden from --help. */
function registerScore(program: Command, io: Io, setExit: (code: number) => void, name: 'score' | 'evaluate'): void {
  program
    .command(name, { hidden: name === 'evaluate' })
    .description('Load a checkpoint saved by gradtex train --checkpoint and print its test loss and accuracy')
    .argument('<checkpoint>', 'a file written by gradtex train … --checkpoint FILE')
    .option('--data <dir>', "Fashion-MNIST .npy or (Fashion-)MNIST IDX files; default: the built-in synthetic dataset made from the checkpoint's seed")
    .option('--dtype <type>', "f32 or f64 (default: the checkpoint's)", parseDtype)
    .option('--format <fmt>', 'text or json', parseTextOrJson, 'text')
    .addHelpText(
      'after',
      [
        '',
        'The loss is the unregularised cross-entropy (log loss for logistic regression,',
        "one-vs-rest for the checkpoint's positive class), on the test split only. With",
        'the data and dtype the model was trained on, the numbers are those gradtex',
        'train printed. A checkpoint whose input size or classes do not fit the data,',
        'and a damaged file, are one-line errors (exit 2).',
        '',
      ].join('\n'),
    )
    .action(async (file: string, flags: ScoreFlags) => {
      if (name === 'evaluate') io.stderr('gradtex: note: `gradtex evaluate` is now `gradtex score` (the old name goes in the next release)\n');
      setExit(await scoreAction(io, file, flags));
    });
}

export const scoreCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    registerScore(program, io, setExit, 'score');
    registerScore(program, io, setExit, 'evaluate');
  },
};

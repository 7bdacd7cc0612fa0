/**
 * The progress bar of `gradtex train`: drawn on standard error only when both
 * standard output and standard error are terminals, so logs, pipes and tests
 * see nothing but the result lines.
 *
 *     const bar = progressBar(io);
 *     bar.update('epoch 3/10', 120, 300); … bar.stop();
 */
import cliProgress from 'cli-progress';
import type { Io } from '../io.js';

export interface Progress {
  update(label: string, value: number, total: number): void;
  /** Removes the bar (before printing a result line). */
  stop(): void;
}

const QUIET: Progress = { update: () => undefined, stop: () => undefined };

export function progressBar(io: Io): Progress {
  if (!io.isTty || process.stderr.isTTY !== true) return QUIET;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(label, value, total) {
      if (bar === undefined) {
        bar = new cliProgress.SingleBar({ format: '{label} [{bar}] {value}/{total}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, value, { label });
      }
      bar.setTotal(total);
      bar.update(value, { label });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/**
 * Layout of the control block shared by the GEMM caller and its workers
 * (Int32 words on a SharedArrayBuffer).
 *
 *     control[CONTROL.sequence] += 1; // posts the work in CONTROL.args
 */
export const CONTROL = {
  /** Bumped by the caller for each product (workers wait on it). */
  sequence: 0,
  /** COMMAND.run or COMMAND.exit. */
  command: 1,
  /** Which kernel (index into the pool's shapes). */
  slot: 2,
  /** Workers that finished the current product. */
  done: 3,
  /** Set to 1 by a worker whose share threw. */
  failed: 4,
  /** The 11 macro-kernel arguments start here. */
  args: 5,
} as const;

export const CONTROL_WORDS = 16;

export const COMMAND = { run: 0, exit: 1 } as const;

/**
 * Column panels [0, panels) split into `parts` contiguous, nearly equal shares;
 * thread `index` takes the returned [start, end).
 *
 *     share(5, 2, 0); // [0, 3]
 */
export function share(panels: number, parts: number, index: number): [number, number] {
  const base = Math.floor(panels / parts);
  const extra = panels % parts;
  const start = index * base + Math.min(index, extra);
  return [start, start + base + (index < extra ? 1 : 0)];
}

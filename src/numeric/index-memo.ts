/**
 * Values remembered for one evaluation frame by the values of the one or
 * two summation indices a subtree reads (evaluate.ts, real-evaluate.ts):
 * small whole indices (0 … 15 each, the usual sizes) in arrays stamped with
 * the frame, anything else in a map cleared for each frame. The same value
 * is found for the same indices either way.
 *
 *     const memo = new IndexMemo<number>(1);
 *     memo.set(7, 2, 0, 0.5);
 *     memo.get(7, 2, 0)   // 0.5 (undefined in any other frame)
 */
const SIDE = 16;

export class IndexMemo<T> {
  private stamps: Float64Array | undefined;
  private readonly values: T[] = [];
  private readonly others = new Map<number, T>();
  private othersFrame = -1;

  /** `arity`: 1 or 2 indices (b is ignored for 1). */
  constructor(private readonly arity: 1 | 2) {}

  /** The slot of small whole indices, or -1. */
  private slot(a: number, b: number): number {
    if (!(a >= 0 && a < SIDE && Number.isInteger(a))) return -1;
    if (this.arity === 1) return a;
    return b >= 0 && b < SIDE && Number.isInteger(b) ? a * SIDE + b : -1;
  }

  /** The map's key; NaN when the indices have none (then nothing is remembered). */
  private key(a: number, b: number): number {
    if (this.arity === 1) return a;
    return Math.abs(a) < 32768 && Math.abs(b) < 32768 ? (a + 32768) * 65536 + (b + 32768) : NaN;
  }

  get(frame: number, a: number, b: number): T | undefined {
    const s = this.slot(a, b);
    if (s >= 0) return this.stamps !== undefined && this.stamps[s] === frame ? this.values[s] : undefined;
    if (this.othersFrame !== frame) return undefined;
    const k = this.key(a, b);
    return Number.isNaN(k) ? this.othersText.get(`${a},${b}`) : this.others.get(k);
  }

  set(frame: number, a: number, b: number, value: T): void {
    const s = this.slot(a, b);
    if (s >= 0) {
      if (this.stamps === undefined) this.stamps = new Float64Array(this.arity === 1 ? SIDE : SIDE * SIDE).fill(-1);
      this.stamps[s] = frame;
      this.values[s] = value;
      return;
    }
    if (this.othersFrame !== frame) {
      this.others.clear();
      this.othersText.clear();
      this.othersFrame = frame;
    }
    const k = this.key(a, b);
    if (Number.isNaN(k)) this.othersText.set(`${a},${b}`, value);
    else this.others.set(k, value);
  }

  private readonly othersText = new Map<string, T>();
}

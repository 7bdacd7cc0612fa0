/** Option parsers of `gradtex train` and `gradtex experiment` (commander hands us strings). */
import { InvalidArgumentError } from 'commander';
import type { DType } from '../../train/tensor.js';

/** A finite number > 0 (learning rates). */
export function parsePositiveNumber(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number greater than 0, e.g. 0.1');
  return n;
}

/** A finite number ≥ 0 (the weight penalty α). */
export function parseNonNegativeNumber(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number 0 or greater, e.g. 1e-4');
  return n;
}

/** A whole number ≥ 0 (seeds, class numbers). */
export function parseNonNegativeInt(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new InvalidArgumentError('expected a whole number 0 or greater');
  return n;
}

export function parseDtype(v: string): DType {
  if (v === 'f32' || v === 'f64') return v;
  throw new InvalidArgumentError('expected f32 or f64');
}

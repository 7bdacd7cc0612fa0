/**
 * An n-dimensional array as read from .npy or IDX files: a shape and the
 * values in row-major order, in the narrowest JS typed array that holds them
 * exactly (64-bit integers are converted to Float64 after a range check).
 *
 *     const a: NdArray = { shape: [2, 3], dtype: 'u1', data: new Uint8Array(6) };
 */
export type NdData = Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** Element kinds we read: unsigned/signed int and float with their byte size. */
export type NdDtype = 'u1' | 'i1' | 'u2' | 'i2' | 'u4' | 'i4' | 'i8' | 'u8' | 'f4' | 'f8';

export interface NdArray {
  readonly shape: readonly number[];
  readonly dtype: NdDtype;
  readonly data: NdData;
}

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

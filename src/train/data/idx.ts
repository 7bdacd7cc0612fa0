/**
 * IDX files (LeCun's MNIST format, also Fashion-MNIST's *-ubyte files), plain
 * or gzipped: magic 0x00 0x00, a type byte, the number of dimensions, each
 * dimension as a big-endian uint32, then big-endian data.
 *
 *     const images = readIdx(readFileSync('train-images-idx3-ubyte.gz'), 'train-images-idx3-ubyte.gz');
 *     images.shape; // [60000, 28, 28]
 */
import { gunzipSync } from 'node:zlib';
import { DataError } from './data-error.js';
import { sizeOf, type NdArray, type NdDtype } from './nd-array.js';

/** IDX type byte → dtype and element size. */
const TYPES: Record<number, { dtype: NdDtype; size: number }> = {
  0x08: { dtype: 'u1', size: 1 },
  0x09: { dtype: 'i1', size: 1 },
  0x0b: { dtype: 'i2', size: 2 },
  0x0c: { dtype: 'i4', size: 4 },
  0x0d: { dtype: 'f4', size: 4 },
  0x0e: { dtype: 'f8', size: 8 },
};

/** Parses IDX bytes (gunzipping first when they start with the gzip magic 1f 8b). */
export function readIdx(raw: Uint8Array, file: string): NdArray {
  let bytes = raw;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = new Uint8Array(gunzipSync(raw));
    } catch (err) {
      throw new DataError('E_DATA_TRUNCATED', `gzip data is corrupt (${err instanceof Error ? err.message : String(err)})`, file, 0);
    }
  }
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DataError('E_DATA_MAGIC', 'not an IDX file: the first two bytes must be 0 (MNIST *-ubyte format)', file, 0);
  }
  const type = TYPES[bytes[2] ?? -1];
  if (type === undefined) throw new DataError('E_DATA_DTYPE', `unknown IDX data type 0x${(bytes[2] ?? 0).toString(16).padStart(2, '0')}`, file, 2);
  const dims = bytes[3] ?? 0;
  if (dims === 0) throw new DataError('E_DATA_SHAPE', 'an IDX file needs at least one dimension', file, 3);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = 4 + 4 * dims;
  if (bytes.length < start) throw new DataError('E_DATA_TRUNCATED', `the file ends inside the ${dims} dimension sizes`, file, 4);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = sizeOf(shape);
  if (bytes.length - start < count * type.size) {
    throw new DataError('E_DATA_TRUNCATED', `shape ${shape.join('×')} needs ${count * type.size} data bytes, the file has ${bytes.length - start}`, file, start);
  }
  const get = (i: number): number => {
    const o = start + i * type.size;
    switch (type.dtype) {
      case 'i1':
        return view.getInt8(o);
      case 'i2':
        return view.getInt16(o, false);
      case 'i4':
        return view.getInt32(o, false);
      case 'f4':
        return view.getFloat32(o, false);
      default:
        return view.getFloat64(o, false);
    }
  };
  switch (type.dtype) {
    case 'u1':
      return { shape, dtype: 'u1', data: bytes.slice(start, start + count) };
    case 'i1':
      return { shape, dtype: 'i1', data: Int8Array.from({ length: count }, (_, i) => get(i)) };
    case 'i2':
      return { shape, dtype: 'i2', data: Int16Array.from({ length: count }, (_, i) => get(i)) };
    case 'i4':
      return { shape, dtype: 'i4', data: Int32Array.from({ length: count }, (_, i) => get(i)) };
    case 'f4':
      return { shape, dtype: 'f4', data: Float32Array.from({ length: count }, (_, i) => get(i)) };
    default:
      return { shape, dtype: 'f8', data: Float64Array.from({ length: count }, (_, i) => get(i)) };
  }
}

/**
 * Encodes an array as IDX bytes (for tests: the loader's counterpart).
 *
 *     writeIdx({ shape: [2], dtype: 'u1', data: Uint8Array.of(3, 7) });
 */
export function writeIdx(a: NdArray): Uint8Array {
  const code = Number(Object.entries(TYPES).find(([, t]) => t.dtype === a.dtype)?.[0] ?? NaN);
  const type = TYPES[code];
  if (type === undefined) throw new Error(`writeIdx: dtype ${a.dtype} not supported`);
  const start = 4 + 4 * a.shape.length;
  const out = new Uint8Array(start + a.data.length * type.size);
  const view = new DataView(out.buffer);
  out[2] = code;
  out[3] = a.shape.length;
  a.shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < a.data.length; i++) {
    const v = a.data[i] ?? 0;
    const o = start + i * type.size;
    if (type.dtype === 'u1') out[o] = v;
    else if (type.dtype === 'i1') view.setInt8(o, v);
    else if (type.dtype === 'i2') view.setInt16(o, v, false);
    else if (type.dtype === 'i4') view.setInt32(o, v, false);
    else if (type.dtype === 'f4') view.setFloat32(o, v, false);
    else view.setFloat64(o, v, false);
  }
  return out;
}

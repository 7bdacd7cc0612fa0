/**
 * NumPy .npy files (format versions 1–3; NEP 1 / numpy.lib.format): read with
 * clear errors for a wrong magic, an unsupported dtype, Fortran order or a
 * truncated body; and written (for tests and the NumPy reference).
 *
 *     const a = readNpy(readFileSync('fashion_mnist_train_labels.npy'), 'labels.npy');
 *     writeNpy({ shape: [2], dtype: 'f8', data: Float64Array.of(1, 2) }); // Uint8Array
 */
import { DataError } from './data-error.js';
import { sizeOf, type NdArray, type NdData, type NdDtype } from './nd-array.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const SIZES: Record<NdDtype, number> = { u1: 1, i1: 1, u2: 2, i2: 2, u4: 4, i4: 4, u8: 8, i8: 8, f4: 4, f8: 8 };

function isDtype(s: string): s is NdDtype {
  return s in SIZES;
}

interface Header {
  readonly descr: string;
  readonly fortran: boolean;
  readonly shape: number[];
}

function parseHeader(text: string, file: string, offset: number): Header {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new DataError('E_DATA_HEADER', `malformed .npy header ${JSON.stringify(text.trim().slice(0, 80))}: expected descr, fortran_order and shape`, file, offset);
  }
  const parts = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const shape = parts.map((p) => Number(p.replace(/L$/, '')));
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new DataError('E_DATA_HEADER', `bad shape (${shapeText}) in the .npy header`, file, offset);
  return { descr, fortran: fortran === 'True', shape };
}

function readElements(bytes: Uint8Array, start: number, dtype: NdDtype, littleEndian: boolean, count: number, file: string): NdData {
  const size = SIZES[dtype];
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, count * size);
  const int64 = (get: (i: number) => bigint): Float64Array => {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const v = get(i * 8);
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new DataError('E_DATA_VALUE', `64-bit value ${v} does not fit a double exactly`, file, start + i * 8);
      out[i] = Number(v);
    }
    return out;
  };
  switch (dtype) {
    case 'u1':
      return bytes.slice(start, start + count);
    case 'i1':
      return new Int8Array(bytes.slice(start, start + count).buffer);
    case 'u2':
      return Uint16Array.from({ length: count }, (_, i) => view.getUint16(i * 2, littleEndian));
    case 'i2':
      return Int16Array.from({ length: count }, (_, i) => view.getInt16(i * 2, littleEndian));
    case 'u4':
      return Uint32Array.from({ length: count }, (_, i) => view.getUint32(i * 4, littleEndian));
    case 'i4':
      return Int32Array.from({ length: count }, (_, i) => view.getInt32(i * 4, littleEndian));
    case 'f4': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, littleEndian);
      return out;
    }
    case 'f8': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, littleEndian);
      return out;
    }
    case 'i8':
      return int64((o) => view.getBigInt64(o, littleEndian));
    case 'u8':
      return int64((o) => view.getBigUint64(o, littleEndian));
  }
}

/**
 * Parses an .npy file's bytes. `file` names it in errors.
 *
 *     readNpy(bytes, 'train_images.npy').shape; // [60000, 784]
 */
export function readNpy(bytes: Uint8Array, file: string): NdArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataError('E_DATA_MAGIC', 'not an .npy file: it does not start with the \\x93NUMPY magic (was it saved with np.save?)', file, 0);
  }
  const major = bytes[6] ?? 0;
  if (major < 1 || major > 3) throw new DataError('E_DATA_HEADER', `unsupported .npy format version ${major}.${bytes[7] ?? 0} (1, 2 and 3 are known)`, file, 6);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw new DataError('E_DATA_TRUNCATED', 'the file ends inside the .npy header', file, 8);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lenBytes;
  const dataStart = headerStart + headerLen;
  if (bytes.length < dataStart) throw new DataError('E_DATA_TRUNCATED', `the .npy header claims ${headerLen} bytes but the file ends first`, file, headerStart);
  const header = parseHeader(new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart)), file, headerStart);
  const order = header.descr[0];
  const kind = header.descr.slice(1);
  if ((order !== '<' && order !== '>' && order !== '|' && order !== '=') || !isDtype(kind)) {
    throw new DataError('E_DATA_DTYPE', `unsupported dtype '${header.descr}': use uint8 or float32/float64 images and integer labels`, file, headerStart);
  }
  if (header.fortran) throw new DataError('E_DATA_HEADER', 'Fortran-ordered arrays are not supported: save with np.ascontiguousarray(a)', file, headerStart);
  const count = sizeOf(header.shape);
  const need = count * SIZES[kind];
  if (bytes.length - dataStart < need) {
    throw new DataError('E_DATA_TRUNCATED', `shape (${header.shape.join(', ')}) of ${header.descr} needs ${need} data bytes, the file has ${bytes.length - dataStart}`, file, dataStart);
  }
  return { shape: header.shape, dtype: kind, data: readElements(bytes, dataStart, kind, order !== '>', count, file) };
}

const DESCR: Partial<Record<NdDtype, string>> = { u1: '|u1', i4: '<i4', i8: '<i8', f4: '<f4', f8: '<f8' };

/**
 * Encodes an array as an .npy (version 1.0) file, little-endian.
 *
 *     writeFileSync('w.npy', writeNpy({ shape: [784, 10], dtype: 'f8', data: w }));
 */
export function writeNpy(a: NdArray): Uint8Array {
  const descr = DESCR[a.dtype];
  if (descr === undefined) throw new Error(`writeNpy: dtype ${a.dtype} not supported`);
  const shape = a.shape.length === 1 ? `(${a.shape[0] ?? 0},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  // The data starts at a multiple of 64 bytes; the header ends with a newline.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const size = SIZES[a.dtype];
  const out = new Uint8Array(total + a.data.length * size);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  for (let i = 0; i < a.data.length; i++) {
    const v = a.data[i] ?? 0;
    const o = total + i * size;
    if (a.dtype === 'u1') out[o] = v;
    else if (a.dtype === 'i4') view.setInt32(o, v, true);
    else if (a.dtype === 'i8') view.setBigInt64(o, BigInt(Math.trunc(v)), true);
    else if (a.dtype === 'f4') view.setFloat32(o, v, true);
    else view.setFloat64(o, v, true);
  }
  return out;
}

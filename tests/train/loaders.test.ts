/**
 * The data loaders on files the test writes itself: the course's .npy files
 * (uint8, float32, float64; n×784 and n×28×28) and MNIST's IDX files (plain
 * and gzipped), then malformed ones, each of which must fail with a DataError
 * whose message is one line naming the file. Also pixel scaling and the
 * seeded train/validation split.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { DataError, type DataErrorCode } from '../../src/train/data/data-error.js';
import { writeIdx } from '../../src/train/data/idx.js';
import { loadData } from '../../src/train/data/load-dir.js';
import type { NdArray } from '../../src/train/data/nd-array.js';
import { writeNpy } from '../../src/train/data/npy.js';
import { splitTrainValidation } from '../../src/train/data/split.js';

const root = mkdtempSync(join(tmpdir(), 'gradtex-loaders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** A new directory holding `files`. */
function dirWith(files: Record<string, Uint8Array>): string {
  const dir = join(root, `d${dirs++}`);
  mkdirSync(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

interface Split {
  readonly images: NdArray;
  readonly labels: NdArray;
}

/** n uint8 images: pixel j of image i = (7i + j) mod 256; labels i mod 10. */
function images(n: number, shape: 'flat' | 'square' = 'flat'): Split {
  const px = new Uint8Array(n * 784);
  for (let i = 0; i < n; i++) for (let j = 0; j < 784; j++) px[i * 784 + j] = (7 * i + j) % 256;
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  return { images: { shape: shape === 'flat' ? [n, 784] : [n, 28, 28], dtype: 'u1', data: px }, labels: { shape: [n], dtype: 'u1', data: labels } };
}

function asFloat(s: Split, dtype: 'f4' | 'f8', scale: number): Split {
  const data = dtype === 'f4' ? new Float32Array(s.images.data.length) : new Float64Array(s.images.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (s.images.data[i] ?? 0) * scale;
  return { images: { shape: s.images.shape, dtype, data }, labels: s.labels };
}

const NPY = (prefix: 'train' | 'test', what: 'images' | 'labels'): string => `fashion_mnist_${prefix}_${what}.npy`;

function npyFiles(train: Split, test: Split): Record<string, Uint8Array> {
  return {
    [NPY('train', 'images')]: writeNpy(train.images),
    [NPY('train', 'labels')]: writeNpy(train.labels),
    [NPY('test', 'images')]: writeNpy(test.images),
    [NPY('test', 'labels')]: writeNpy(test.labels),
  };
}

function idxFiles(train: Split, test: Split, gz: boolean): Record<string, Uint8Array> {
  const enc = (a: NdArray): Uint8Array => (gz ? new Uint8Array(gzipSync(writeIdx(a))) : writeIdx(a));
  const ext = gz ? '.gz' : '';
  return {
    [`train-images-idx3-ubyte${ext}`]: enc(train.images),
    [`train-labels-idx1-ubyte${ext}`]: enc(train.labels),
    [`t10k-images-idx3-ubyte${ext}`]: enc(test.images),
    [`t10k-labels-idx1-ubyte${ext}`]: enc(test.labels),
  };
}

/** Runs `f`, expects a DataError with `code`, a one-line message naming `file`; returns the message. */
function dataError(f: () => unknown, code: DataErrorCode, file: string): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    const e = err as DataError;
    expect(e.code, e.message).toBe(code);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).toContain(file);
    return e.message;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

describe('loading .npy files', () => {
  const cases: { name: string; train: Split; test: Split; scaling: RegExp }[] = [
    { name: 'uint8 n×784', train: images(12), test: images(5), scaling: /uint8 pixels divided by 255/ },
    { name: 'uint8 n×28×28 (3-d)', train: images(12, 'square'), test: images(5, 'square'), scaling: /uint8/ },
    { name: 'float32 in [0, 255]', train: asFloat(images(12), 'f4', 1), test: asFloat(images(5), 'f4', 1), scaling: /divided by 255/ },
    { name: 'float64 already in [0, 1]', train: asFloat(images(12), 'f8', 1 / 255), test: asFloat(images(5), 'f8', 1 / 255), scaling: /already in \[0, 1\], kept/ },
  ];
  for (const c of cases) {
    it(`should load ${c.name} images, scaled to [0, 1]`, () => {
      const data = loadData({ dir: dirWith(npyFiles(c.train, c.test)), dtype: 'f64', seed: 1 });
      expect(data.synthetic).toBe(false);
      expect([data.train.n, data.train.features, data.train.classes]).toEqual([12, 784, 10]);
      expect([data.test.n, data.test.features]).toEqual([5, 784]);
      expect(data.train.scaling).toMatch(c.scaling);
      // pixel j of image i was (7i + j) mod 256
      expect(data.train.x[3 * 784 + 10]).toBeCloseTo(31 / 255, 12);
      expect(data.train.x[2 * 784 + 255]).toBeCloseTo(13 / 255, 12);
      expect(Math.max(...data.train.x)).toBeCloseTo(1, 12);
      expect(Math.min(...data.train.x)).toBe(0);
      expect([...data.train.labels]).toEqual(Array.from({ length: 12 }, (_, i) => i % 10));
    });
  }

  it('should produce Float32 rows when asked for f32', () => {
    const data = loadData({ dir: dirWith(npyFiles(images(3), images(2))), dtype: 'f32', seed: 1 });
    expect(data.train.x).toBeInstanceOf(Float32Array);
    expect(data.train.x[784 + 1]).toBeCloseTo(8 / 255, 6);
  });

  it('should accept int64 labels (np.save of a Python int list)', () => {
    const s = images(4);
    const labels: NdArray = { shape: [4], dtype: 'i8', data: Float64Array.from([3, 1, 4, 1]) };
    const data = loadData({ dir: dirWith(npyFiles({ ...s, labels }, images(2))), dtype: 'f64', seed: 1 });
    expect([...data.train.labels]).toEqual([3, 1, 4, 1]);
  });
});

describe('loading IDX files', () => {
  for (const gz of [false, true]) {
    it(`should load ${gz ? 'gzipped' : 'plain'} *-ubyte files (n×28×28 images)`, () => {
      const data = loadData({ dir: dirWith(idxFiles(images(12, 'square'), images(5, 'square'), gz)), dtype: 'f32', seed: 1 });
      expect(data.source).toMatch(/IDX files/);
      expect([data.train.n, data.train.features, data.test.n]).toEqual([12, 784, 5]);
      expect(data.train.x[3 * 784 + 10]).toBeCloseTo(31 / 255, 6);
      expect([...data.test.labels]).toEqual([0, 1, 2, 3, 4]);
    });
  }

  it('should find the train-images.idx3-ubyte spelling too', () => {
    const files = idxFiles(images(3, 'square'), images(2, 'square'), false);
    const renamed = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace(/-idx(\d)-ubyte/, '.idx$1-ubyte'), v]));
    expect(loadData({ dir: dirWith(renamed), dtype: 'f64', seed: 1 }).train.n).toBe(3);
  });
});

describe('malformed data files', () => {
  const good = (): Record<string, Uint8Array> => npyFiles(images(6), images(3));
  const trainImages = NPY('train', 'images');
  const load = (files: Record<string, Uint8Array>) => () => loadData({ dir: dirWith(files), dtype: 'f64', seed: 1 });

  it('should reject a file without the .npy magic', () => {
    dataError(load({ ...good(), [trainImages]: new TextEncoder().encode('pixel,pixel\n0,1\n') }), 'E_DATA_MAGIC', trainImages);
  });

  it('should reject an IDX file with a wrong magic', () => {
    const files = idxFiles(images(3, 'square'), images(2, 'square'), false);
    const bad = Uint8Array.from(files['train-labels-idx1-ubyte'] ?? []);
    bad[0] = 0x50;
    dataError(load({ ...files, 'train-labels-idx1-ubyte': bad }), 'E_DATA_MAGIC', 'train-labels-idx1-ubyte');
  });

  it('should reject an unsupported dtype (complex .npy, images of int32, an unknown IDX type byte)', () => {
    const complex = writeNpy({ shape: [6, 784], dtype: 'f8', data: new Float64Array(6 * 784) });
    // Same width in the header (both 4 characters) so the header length stays valid.
    const text = new TextDecoder('latin1').decode(complex.subarray(0, 128)).replace("'<f8'", "'<c8'");
    const patched = Uint8Array.from(complex);
    for (let i = 0; i < text.length; i++) patched[i] = text.charCodeAt(i);
    expect(dataError(load({ ...good(), [trainImages]: patched }), 'E_DATA_DTYPE', trainImages)).toMatch(/<c8/);
    const ints: NdArray = { shape: [6, 784], dtype: 'i4', data: new Int32Array(6 * 784) };
    expect(dataError(load({ ...good(), [trainImages]: writeNpy(ints) }), 'E_DATA_DTYPE', trainImages)).toMatch(/i4/);
    const files = idxFiles(images(3, 'square'), images(2, 'square'), false);
    const bad = Uint8Array.from(files['train-images-idx3-ubyte'] ?? []);
    bad[2] = 0x0a;
    dataError(load({ ...files, 'train-images-idx3-ubyte': bad }), 'E_DATA_DTYPE', 'train-images-idx3-ubyte');
  });

  it('should reject images of the wrong shape', () => {
    const flat: NdArray = { shape: [6 * 784], dtype: 'u1', data: new Uint8Array(6 * 784) };
    expect(dataError(load({ ...good(), [trainImages]: writeNpy(flat) }), 'E_DATA_SHAPE', trainImages)).toMatch(/n×784/);
    const fourD: NdArray = { shape: [6, 1, 28, 28], dtype: 'u1', data: new Uint8Array(6 * 784) };
    dataError(load({ ...good(), [trainImages]: writeNpy(fourD) }), 'E_DATA_SHAPE', trainImages);
    const labels2d: NdArray = { shape: [6, 2], dtype: 'u1', data: new Uint8Array(12) };
    dataError(load({ ...good(), [NPY('train', 'labels')]: writeNpy(labels2d) }), 'E_DATA_SHAPE', NPY('train', 'labels'));
  });

  it('should reject test images whose row size differs from the training images', () => {
    const narrow: NdArray = { shape: [3, 100], dtype: 'u1', data: new Uint8Array(300) };
    dataError(load({ ...good(), [NPY('test', 'images')]: writeNpy(narrow) }), 'E_DATA_SHAPE', NPY('test', 'images'));
  });

  it('should reject truncated data (.npy body, .npy header, IDX body, corrupt gzip)', () => {
    const full = writeNpy(images(6).images);
    expect(dataError(load({ ...good(), [trainImages]: full.subarray(0, full.length - 5) }), 'E_DATA_TRUNCATED', trainImages)).toMatch(/needs 4704 data bytes/);
    dataError(load({ ...good(), [trainImages]: full.subarray(0, 40) }), 'E_DATA_TRUNCATED', trainImages);
    const files = idxFiles(images(3, 'square'), images(2, 'square'), false);
    const idx = files['t10k-images-idx3-ubyte'] ?? new Uint8Array();
    dataError(load({ ...files, 't10k-images-idx3-ubyte': idx.subarray(0, idx.length - 1) }), 'E_DATA_TRUNCATED', 't10k-images-idx3-ubyte');
    const gz = idxFiles(images(3, 'square'), images(2, 'square'), true);
    const z = gz['train-images-idx3-ubyte.gz'] ?? new Uint8Array();
    dataError(load({ ...gz, 'train-images-idx3-ubyte.gz': z.subarray(0, z.length >> 1) }), 'E_DATA_TRUNCATED', 'train-images-idx3-ubyte.gz');
  });

  it('should reject a label count that differs from the image count', () => {
    const labels: NdArray = { shape: [5], dtype: 'u1', data: new Uint8Array(5) };
    expect(dataError(load({ ...good(), [NPY('train', 'labels')]: writeNpy(labels) }), 'E_DATA_COUNT', NPY('train', 'labels'))).toMatch(/5 labels for 6 images/);
    const files = idxFiles(images(3, 'square'), images(2, 'square'), true);
    files['t10k-labels-idx1-ubyte.gz'] = new Uint8Array(gzipSync(writeIdx({ shape: [4], dtype: 'u1', data: new Uint8Array(4) })));
    dataError(load(files), 'E_DATA_COUNT', 't10k-labels-idx1-ubyte.gz');
  });

  it('should reject labels that are not class numbers', () => {
    const labels: NdArray = { shape: [6], dtype: 'f8', data: Float64Array.of(0, 1, 2.5, 3, 4, 5) };
    dataError(load({ ...good(), [NPY('train', 'labels')]: writeNpy(labels) }), 'E_DATA_LABEL', NPY('train', 'labels'));
    // training labels 0..5 mean 10 classes; a test label 10 has no output to go to
    const beyond: NdArray = { shape: [3], dtype: 'u1', data: Uint8Array.of(0, 10, 1) };
    expect(dataError(load({ ...good(), [NPY('test', 'labels')]: writeNpy(beyond) }), 'E_DATA_LABEL', NPY('test', 'labels'))).toMatch(/outside 0\.\.9/);
  });

  it('should name the missing file of a pair', () => {
    const files = good();
    delete files[NPY('test', 'labels')];
    expect(dataError(load(files), 'E_DATA_MISSING', root)).toMatch(/fashion_mnist_test_labels\.npy/);
  });
});

describe('the seeded train/validation split', () => {
  const data = loadData({ dir: dirWith(npyFiles(images(50), images(2))), dtype: 'f64', seed: 1 }).train;
  // Image i's first two pixels are 7i and 7i + 1 mod 256: distinct for i < 256, so they identify a row.
  const ids = (x: ArrayLike<number>, n: number): string[] => Array.from({ length: n }, (_, r) => `${Math.round((x[r * 784] ?? 0) * 255)}/${Math.round((x[r * 784 + 1] ?? 0) * 255)}`);

  it('should be a partition of the rows with the requested fraction held out', () => {
    const { train, validation } = splitTrainValidation(data, 0.2, createRng(7));
    expect([train.n, validation.n]).toEqual([40, 10]);
    const all = [...ids(train.x, train.n), ...ids(validation.x, validation.n)].sort();
    expect(all).toEqual(ids(data.x, data.n).sort());
    // each row keeps its own label
    const label = new Map(ids(data.x, data.n).map((id, i) => [id, data.labels[i]]));
    ids(validation.x, validation.n).forEach((id, r) => expect(validation.labels[r]).toBe(label.get(id)));
  });

  it('should give the same split for the same seed and another for another seed', () => {
    const a = splitTrainValidation(data, 0.2, createRng(7));
    const b = splitTrainValidation(data, 0.2, createRng(7));
    const c = splitTrainValidation(data, 0.2, createRng(8));
    expect(ids(a.validation.x, 10)).toEqual(ids(b.validation.x, 10));
    expect(ids(a.validation.x, 10)).not.toEqual(ids(c.validation.x, 10));
  });
});

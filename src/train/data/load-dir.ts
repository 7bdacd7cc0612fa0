/**
 * Finds and loads a train/test pair in a directory: the course's .npy files
 * (fashion_mnist_{train,test}_{images,labels}.npy) or the IDX files of MNIST
 * and Fashion-MNIST (train-images-idx3-ubyte, t10k-labels-idx1-ubyte, …,
 * optionally .gz). Without a directory, the synthetic dataset.
 *
 *     const data = loadData({ dir: 'data/fashion', dtype: 'f32', seed: 1 });
 *     data.source; // 'npy files in data/fashion'
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DType } from '../tensor.js';
import { DataError } from './data-error.js';
import { toDataset, type Dataset } from './dataset.js';
import { readIdx } from './idx.js';
import { readNpy } from './npy.js';
import { syntheticImages } from './synthetic.js';

export interface LoadedData {
  readonly train: Dataset;
  readonly test: Dataset;
  /** What was loaded, for the output and the report. */
  readonly source: string;
  readonly synthetic: boolean;
}

const NPY = { trainImages: 'fashion_mnist_train_images.npy', trainLabels: 'fashion_mnist_train_labels.npy', testImages: 'fashion_mnist_test_images.npy', testLabels: 'fashion_mnist_test_labels.npy' };
const IDX = { trainImages: 'train-images-idx3-ubyte', trainLabels: 'train-labels-idx1-ubyte', testImages: 't10k-images-idx3-ubyte', testLabels: 't10k-labels-idx1-ubyte' };

function findIdx(dir: string, base: string): string | undefined {
  for (const name of [base, `${base}.gz`, base.replace(/-idx(\d)-ubyte$/, '.idx$1-ubyte'), `${base.replace(/-idx(\d)-ubyte$/, '.idx$1-ubyte')}.gz`]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** The test set is read with the training set's class count (a test label beyond it is an error, not a crash later). */
function classesOf(train: Dataset | undefined): { classes?: number } {
  return train === undefined ? {} : { classes: train.classes };
}

/** The test images must have the training images' row size: the model is built for that. */
function matching(ds: Dataset, train: Dataset | undefined, file: string): Dataset {
  if (train !== undefined && ds.features !== train.features) {
    throw new DataError('E_DATA_SHAPE', `test images have ${ds.features} features per row, the training images ${train.features}`, file);
  }
  return ds;
}

/** Sizes of the built-in dataset. */
export const SYNTHETIC_SIZES = { train: 6000, test: 1000 } as const;

export function loadData(options: { dir?: string; dtype: DType; seed: number }): LoadedData {
  const dir = options.dir;
  if (dir === undefined) {
    const s = syntheticImages({ ...SYNTHETIC_SIZES, seed: options.seed });
    return {
      train: toDataset(s.train.images, s.train.labels, { dtype: options.dtype, images: 'synthetic train images', labels: 'synthetic train labels' }),
      test: toDataset(s.test.images, s.test.labels, { dtype: options.dtype, images: 'synthetic test images', labels: 'synthetic test labels' }),
      source: `built-in synthetic dataset (${SYNTHETIC_SIZES.train} train / ${SYNTHETIC_SIZES.test} test, 10 classes, seed ${options.seed}); pass --data DIR for Fashion-MNIST`,
      synthetic: true,
    };
  }
  if (!existsSync(dir)) throw new DataError('E_DATA_MISSING', 'no such directory', dir);
  if (existsSync(join(dir, NPY.trainImages))) {
    const p = (f: string): string => join(dir, f);
    const load = (images: string, labels: string, like?: Dataset): Dataset =>
      matching(toDataset(readNpy(read(p(images)), p(images)), readNpy(read(p(labels)), p(labels)), { dtype: options.dtype, images: p(images), labels: p(labels), ...classesOf(like) }), like, p(images));
    for (const f of Object.values(NPY)) if (!existsSync(p(f))) throw new DataError('E_DATA_MISSING', `found ${NPY.trainImages} but not ${f}`, dir);
    const train = load(NPY.trainImages, NPY.trainLabels);
    return { train, test: load(NPY.testImages, NPY.testLabels, train), source: `.npy files in ${dir}`, synthetic: false };
  }
  const paths = Object.fromEntries(Object.entries(IDX).map(([k, base]) => [k, findIdx(dir, base)])) as Record<keyof typeof IDX, string | undefined>;
  if (paths.trainImages === undefined) {
    throw new DataError('E_DATA_MISSING', `no dataset found: expected ${NPY.trainImages} (and the other three .npy files) or ${IDX.trainImages}[.gz] (and the other IDX files)`, dir);
  }
  const need = (k: keyof typeof IDX): string => {
    const path = paths[k];
    if (path === undefined) throw new DataError('E_DATA_MISSING', `found ${IDX.trainImages} but not ${IDX[k]}[.gz]`, dir);
    return path;
  };
  const load = (images: string, labels: string, like?: Dataset): Dataset =>
    matching(toDataset(readIdx(read(images), images), readIdx(read(labels), labels), { dtype: options.dtype, images, labels, ...classesOf(like) }), like, images);
  const train = load(need('trainImages'), need('trainLabels'));
  return { train, test: load(need('testImages'), need('testLabels'), train), source: `IDX files in ${dir}`, synthetic: false };
}

/**
 * The built-in dataset used when no --data is given (no network access at run
 * time): 28×28 uint8 "images" in 10 classes. Each class has a prototype made
 * of a few Gaussian blobs; a sample is its prototype shifted by up to 2
 * pixels, with random contrast, a faint second prototype mixed in, and pixel
 * noise. Learning is visible (linear models get most of it, the MLP more)
 * but it is not trivially separable.
 *
 *     const { train, test } = syntheticImages({ train: 6000, test: 1000, seed: 1 });
 */
import { createRng, type Rng } from '../../numeric/rng.js';
import type { NdArray } from './nd-array.js';

const SIDE = 28;
const CLASSES = 10;

function prototypes(rng: Rng): Float64Array[] {
  const out: Float64Array[] = [];
  for (let c = 0; c < CLASSES; c++) {
    const img = new Float64Array(SIDE * SIDE);
    const blobs = 3 + rng.int(0, 2);
    for (let b = 0; b < blobs; b++) {
      const cx = rng.uniform(6, 22);
      const cy = rng.uniform(6, 22);
      const sx = rng.uniform(1.5, 5);
      const sy = rng.uniform(1.5, 5);
      const h = rng.uniform(0.5, 1);
      for (let y = 0; y < SIDE; y++) {
        for (let x = 0; x < SIDE; x++) {
          const i = y * SIDE + x;
          img[i] = (img[i] ?? 0) + h * Math.exp(-(((x - cx) / sx) ** 2 + ((y - cy) / sy) ** 2) / 2);
        }
      }
    }
    let m = 0;
    for (const v of img) m = Math.max(m, v);
    for (let i = 0; i < img.length; i++) img[i] = (img[i] ?? 0) / m;
    out.push(img);
  }
  return out;
}

function sample(protos: readonly Float64Array[], label: number, rng: Rng, out: Uint8Array, at: number): void {
  const p = protos[label];
  const other = protos[(label + 1 + rng.int(0, CLASSES - 2)) % CLASSES];
  if (p === undefined || other === undefined) return;
  const dx = rng.int(-2, 2);
  const dy = rng.int(-2, 2);
  const contrast = rng.uniform(0.6, 1.1);
  const mix = rng.uniform(0, 0.45);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const sx = x - dx;
      const sy = y - dy;
      const inside = sx >= 0 && sx < SIDE && sy >= 0 && sy < SIDE;
      const base = inside ? (p[sy * SIDE + sx] ?? 0) : 0;
      const v = contrast * base + mix * (other[y * SIDE + x] ?? 0) + 0.18 * rng.normal();
      out[at + y * SIDE + x] = Math.max(0, Math.min(255, Math.round(255 * v)));
    }
  }
}

function draw(protos: readonly Float64Array[], n: number, rng: Rng): { images: NdArray; labels: NdArray } {
  const images = new Uint8Array(n * SIDE * SIDE);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % CLASSES;
    labels[i] = label;
    sample(protos, label, rng, images, i * SIDE * SIDE);
  }
  return { images: { shape: [n, SIDE * SIDE], dtype: 'u1', data: images }, labels: { shape: [n], dtype: 'u1', data: labels } };
}

export interface SyntheticImages {
  readonly train: { images: NdArray; labels: NdArray };
  readonly test: { images: NdArray; labels: NdArray };
}

/** Train and test sets from the same class prototypes, reproducible for a seed. */
export function syntheticImages(options: { train: number; test: number; seed: number }): SyntheticImages {
  const rng = createRng(options.seed);
  const protos = prototypes(rng);
  return { train: draw(protos, options.train, rng.fork()), test: draw(protos, options.test, rng.fork()) };
}

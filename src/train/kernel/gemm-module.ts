/**
 * Generates the WebAssembly GEMM kernel (GotoBLAS structure, Goto & van de
 * Geijn 2008, "Anatomy of high-performance matrix multiplication"):
 *
 * - `micro`: an MR×NR tile of C from a packed MR-row panel of A (k-major, so
 *   each step reads MR consecutive scalars) and NR consecutive columns of B
 *   (row stride ldb). The tile lives in MR·NR/lanes vector registers; per k
 *   it loads NR/lanes vectors of B, broadcasts MR scalars of A and does
 *   MR·NR/lanes multiply-adds (no FMA in baseline wasm SIMD: mul then add;
 *   relaxed SIMD's madd where the runtime has it, see KernelShape.fma).
 * - `macro`: loops column panels j0..j1 (the unit split between threads), K
 *   in blocks of kc (so a kc×NR panel of B stays in L1 across the row panels)
 *   and all full row panels.
 * - `packA`: copies A (any strides, so Aᵀ costs nothing extra) into MR-row
 *   panels, zero-padding the last one.
 * - `packB`: the same for B in NR-column panels (ldb = NR elements), so the
 *   kc×NR block is contiguous: rows of a row-major B are 4 KiB apart for
 *   n = 1024 floats and would all fall into a few L1 sets.
 * - `gather`: a strided 2-D copy.
 *
 *     const bytes = gemmModuleBytes({ element: 'f32', mr: 4, vectors: 3 }, memoryLimits);
 */
import { assembleModule, FunctionBuilder, type ImportedMemory, type MemoryOp, type SimdOp } from './wasm-assembler.js';

/** Element type and register tile of a kernel: NR = vectors × lanes. */
export interface KernelShape {
  readonly element: 'f32' | 'f64';
  /** Rows of the register tile. */
  readonly mr: number;
  /** 128-bit vectors per tile row. */
  readonly vectors: number;
  /**
   * Multiply-add with relaxed SIMD's madd (one fused instruction on FMA
   * hardware) instead of mul then add; needs a runtime with relaxed SIMD
   * (see relaxed-simd.ts).
   */
  readonly fma?: boolean;
}

/** Bytes per element and lanes per 128-bit vector. */
export function elementInfo(element: 'f32' | 'f64'): { bytes: number; lanes: number } {
  return element === 'f32' ? { bytes: 4, lanes: 4 } : { bytes: 8, lanes: 2 };
}

interface Ops {
  readonly bytes: number;
  readonly splat: MemoryOp;
  readonly load: MemoryOp;
  readonly store: MemoryOp;
  readonly mul: SimdOp;
  readonly add: SimdOp;
  readonly madd: SimdOp;
  readonly gt: SimdOp;
}

function opsFor(element: 'f32' | 'f64'): Ops {
  return element === 'f32'
    ? { bytes: 4, splat: 'v128.load32_splat', load: 'f32.load', store: 'f32.store', mul: 'f32x4.mul', add: 'f32x4.add', madd: 'f32x4.relaxed_madd', gt: 'f32x4.gt' }
    : { bytes: 8, splat: 'v128.load64_splat', load: 'f64.load', store: 'f64.store', mul: 'f64x2.mul', add: 'f64x2.add', madd: 'f64x2.relaxed_madd', gt: 'f64x2.gt' };
}

/** `local += step` where step is a local or a constant. */
function addTo(f: FunctionBuilder, local: number, step: { local: number } | { value: number }): void {
  f.get(local);
  if ('local' in step) f.get(step.local);
  else f.i32(step.value);
  f.op('i32.add').set(local);
}

/** `for (counter = 0; counter < limit; counter++) body()` with limit a local. */
function forRange(f: FunctionBuilder, counter: number, limit: number, body: () => void): void {
  f.i32(0).set(counter);
  f.block(() =>
    f.loop(() => {
      f.get(counter).get(limit).op('i32.ge_s').brIf(1);
      body();
      addTo(f, counter, { value: 1 });
      f.br(0);
    }),
  );
}

/**
 * What the micro-kernel does to the finished tile before storing it (the
 * `epi` argument; `arg` gives its operand):
 * - none: store;
 * - bias: add the row vector at `arg` (the tile's NR entries), as the bias
 *   add of a layer does (tile + b, rounded once);
 * - biasRelu: then max(0, ·) as a compare mask (−0 and NaN give +0, as the
 *   ReLU op does);
 * - mask: keep an entry where the matrix at C + `arg` bytes (same layout as C)
 *   is > 0, else +0: the ReLU backward mask fused into ∂L/∂X.
 * Only the last K block of a product passes an epilogue (macro does that).
 */
export const EPILOGUE = { none: 0, bias: 1, biasRelu: 2, mask: 3 } as const;

function microKernel(shape: KernelShape, o: Ops): FunctionBuilder {
  const { mr, vectors } = shape;
  // (ap, bp, ldb, cp, ldc, kc, beta, epi, arg): byte addresses and strides; beta 0 overwrites C, 1 accumulates; epi/arg: EPILOGUE.
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [ap, bp, ldb, cp, ldc, kc, beta, epi, arg] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const acc: number[] = [];
  for (let i = 0; i < mr * vectors; i++) acc.push(f.local('v128'));
  const b: number[] = [];
  for (let c = 0; c < vectors; c++) b.push(f.local('v128'));
  const s = f.local('v128');
  const row = f.local('i32');
  const at = (r: number, c: number): number => acc[r * vectors + c] ?? -1;

  f.get(beta).ifElse(
    () => {
      f.get(cp).set(row);
      for (let r = 0; r < mr; r++) {
        for (let c = 0; c < vectors; c++) f.get(row).mem('v128.load', c * 16).set(at(r, c));
        if (r < mr - 1) addTo(f, row, { local: ldc });
      }
    },
    () => {
      for (const a of acc) f.v128Zero().set(a);
    },
  );
  f.block(() => {
    f.get(kc).op('i32.eqz').brIf(0);
    f.loop(() => {
      for (let c = 0; c < vectors; c++) f.get(bp).mem('v128.load', c * 16).set(b[c] ?? -1);
      for (let r = 0; r < mr; r++) {
        f.get(ap).mem(o.splat, r * o.bytes).set(s);
        for (let c = 0; c < vectors; c++) {
          if (shape.fma === true) f.get(s).get(b[c] ?? -1).get(at(r, c)).simd(o.madd).set(at(r, c));
          else f.get(at(r, c)).get(s).get(b[c] ?? -1).simd(o.mul).simd(o.add).set(at(r, c));
        }
      }
      addTo(f, ap, { value: mr * o.bytes });
      addTo(f, bp, { local: ldb });
      f.get(kc).i32(1).op('i32.sub').tee(kc).brIf(0);
    });
  });
  // Epilogue (rare branches: once per tile, after kc steps).
  f.get(epi).ifElse(() => {
    f.get(epi).i32(EPILOGUE.mask).op('i32.eq').ifElse(
      () => {
        // acc ← acc & (M > 0), M at C + arg
        f.get(cp).get(arg).op('i32.add').set(row);
        for (let r = 0; r < mr; r++) {
          for (let c = 0; c < vectors; c++) f.get(at(r, c)).get(row).mem('v128.load', c * 16).v128Zero().simd(o.gt).simd('v128.and').set(at(r, c));
          if (r < mr - 1) addTo(f, row, { local: ldc });
        }
      },
      () => {
        // acc ← acc + b (b at arg), then for biasRelu acc ← acc & (acc > 0)
        for (let c = 0; c < vectors; c++) f.get(arg).mem('v128.load', c * 16).set(b[c] ?? -1);
        for (let r = 0; r < mr; r++) for (let c = 0; c < vectors; c++) f.get(at(r, c)).get(b[c] ?? -1).simd(o.add).set(at(r, c));
        f.get(epi).i32(EPILOGUE.biasRelu).op('i32.eq').ifElse(() => {
          for (let r = 0; r < mr; r++) for (let c = 0; c < vectors; c++) f.get(at(r, c)).get(at(r, c)).v128Zero().simd(o.gt).simd('v128.and').set(at(r, c));
        });
      },
    );
  });
  f.get(cp).set(row);
  for (let r = 0; r < mr; r++) {
    for (let c = 0; c < vectors; c++) f.get(row).get(at(r, c)).mem('v128.store', c * 16);
    if (r < mr - 1) addTo(f, row, { local: ldc });
  }
  return f;
}

function macroKernel(shape: KernelShape, o: Ops, microIndex: number): FunctionBuilder {
  const nrBytes = shape.vectors * 16;
  const panelBytes = shape.mr * o.bytes;
  // (ap, b, ldb, c, ldc, mPanels, k, j0, j1, kc, beta, epi, arg): epi/arg as micro's, arg the bias of column 0 for a bias epilogue
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [ap, b, ldb, c, ldc, mPanels, k, j0, j1, kc, beta, epi, arg] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const jp = f.local('i32');
  const pc = f.local('i32');
  const kk = f.local('i32');
  const ip = f.local('i32');
  const tileEpi = f.local('i32');
  const tileArg = f.local('i32');
  f.get(j0).set(jp);
  f.block(() =>
    f.loop(() => {
      f.get(jp).get(j1).op('i32.ge_s').brIf(1);
      f.i32(0).set(pc);
      f.block(() =>
        f.loop(() => {
          f.get(pc).get(k).op('i32.ge_s').brIf(1);
          // kk = min(kc, k - pc)
          f.get(k).get(pc).op('i32.sub').get(kc).get(k).get(pc).op('i32.sub').get(kc).op('i32.lt_s').op('select').set(kk);
          // The epilogue on the last K block only: epi if pc + kk >= k, else none.
          f.get(epi).i32(EPILOGUE.none).get(pc).get(kk).op('i32.add').get(k).op('i32.ge_s').op('select').set(tileEpi);
          // A bias epilogue's operand moves with the column panel: arg + jp*nrBytes; the mask's is a fixed offset from C.
          f.get(arg).get(arg).get(jp).i32(nrBytes).op('i32.mul').op('i32.add').get(epi).i32(EPILOGUE.mask).op('i32.eq').op('select').set(tileArg);
          forRange(f, ip, mPanels, () => {
            // ap + (ip*k + pc) * mr * bytes
            f.get(ap).get(ip).get(k).op('i32.mul').get(pc).op('i32.add').i32(panelBytes).op('i32.mul').op('i32.add');
            // packed B: b + (jp*k + pc) * nrBytes
            f.get(b).get(jp).get(k).op('i32.mul').get(pc).op('i32.add').i32(nrBytes).op('i32.mul').op('i32.add');
            f.get(ldb);
            // c + ip*mr*ldc + jp*nrBytes
            f.get(c).get(ip).i32(shape.mr).op('i32.mul').get(ldc).op('i32.mul').op('i32.add').get(jp).i32(nrBytes).op('i32.mul').op('i32.add');
            f.get(ldc).get(kk);
            // accumulate after the first K block
            f.get(beta).get(pc).i32(0).op('i32.gt_s').op('i32.or');
            f.get(tileEpi).get(tileArg);
            f.call(microIndex);
          });
          addTo(f, pc, { local: kc });
          f.br(0);
        }),
      );
      addTo(f, jp, { value: 1 });
      f.br(0);
    }),
  );
  return f;
}

/**
 * Packs a matrix into panels of `width` lines along one axis, k-major inside a
 * panel: dst[p][kk][w] = element (p*width + w, kk) at src + line*ls + kk*ks,
 * zero past `extent` lines. packA uses width MR (lines = rows of A), packB
 * width NR (lines = columns of B). Full panels take a vector path:
 *
 * - lines contiguous (ls = element size, e.g. Aᵀ, or B): copied 16 bytes at a time;
 * - K contiguous (ks = element size, e.g. A, or Bᵀ): lanes×lanes blocks are
 *   loaded as rows and transposed with shuffles (this was a scalar copy per
 *   element, about a tenth of an MLP step's GEMM time).
 *
 * Partial panels and other strides copy element by element.
 */
function packPanels(width: number, o: Ops): FunctionBuilder {
  // (src, ls, ks, extent, k, dst)
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [src, ls, ks, extent, k, dst] = [0, 1, 2, 3, 4, 5];
  const p = f.local('i32');
  const panels = f.local('i32');
  const line = f.local('i32');
  const kk = f.local('i32');
  const sp = f.local('i32');
  const dp = f.local('i32');
  const q = f.local('i32');
  const lanes = 16 / o.bytes;
  const rows: number[] = [];
  for (let i = 0; i < lanes; i++) rows.push(f.local('v128'));
  const tmp: number[] = [];
  for (let i = 0; i < lanes; i++) tmp.push(f.local('v128'));
  const vectorsPerLine = (width * o.bytes) / 16;
  const wholeVectors = (width * o.bytes) % 16 === 0;
  // panels = ceil(extent / width)
  f.i32(0).set(panels);
  f.block(() =>
    f.loop(() => {
      f.get(panels).i32(width).op('i32.mul').get(extent).op('i32.ge_s').brIf(1);
      addTo(f, panels, { value: 1 });
      f.br(0);
    }),
  );
  const fullPanel = (): void => {
    f.get(p).i32(1).op('i32.add').i32(width).op('i32.mul').get(extent).op('i32.le_s');
  };
  const copyLines = (): void => {
    forRange(f, kk, k, () => {
      for (let v = 0; v < vectorsPerLine; v++) f.get(dp).get(sp).mem('v128.load', v * 16).mem('v128.store', v * 16);
      addTo(f, sp, { local: ks });
      addTo(f, dp, { value: width * o.bytes });
    });
  };
  // One lanes×lanes block: `lanes` lines from q (step ls), transposed, stored at dp + g·16 for lanes K steps.
  const block = (g: number): void => {
    for (let i = 0; i < lanes; i++) {
      f.get(q).mem('v128.load').set(rows[i] ?? -1);
      addTo(f, q, { local: ls });
    }
    const pick = (a: number, b: number, bytes: number[]): void => {
      f.get(a).get(b).shuffle(bytes);
    };
    const r = (i: number): number => rows[i] ?? -1;
    const t = (i: number): number => tmp[i] ?? -1;
    const store = (j: number, value: () => void): void => {
      f.get(dp);
      value();
      f.mem('v128.store', j * width * o.bytes + g * 16);
    };
    if (lanes === 4) {
      // (a0 b0 a1 b1), (a2 b2 a3 b3), (c0 d0 c1 d1), (c2 d2 c3 d3)
      const lo = [0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23];
      const hi = [8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31];
      pick(r(0), r(1), lo);
      f.set(t(0));
      pick(r(0), r(1), hi);
      f.set(t(1));
      pick(r(2), r(3), lo);
      f.set(t(2));
      pick(r(2), r(3), hi);
      f.set(t(3));
      const first = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
      const second = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];
      store(0, () => pick(t(0), t(2), first));
      store(1, () => pick(t(0), t(2), second));
      store(2, () => pick(t(1), t(3), first));
      store(3, () => pick(t(1), t(3), second));
    } else {
      store(0, () => pick(r(0), r(1), [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]));
      store(1, () => pick(r(0), r(1), [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]));
    }
  };
  const transposeLines = (): void => {
    f.i32(0).set(kk);
    f.block(() =>
      f.loop(() => {
        f.get(kk).i32(lanes).op('i32.add').get(k).op('i32.gt_s').brIf(1);
        for (let g = 0; g < width / lanes; g++) {
          // q = sp + g·lanes·ls
          f.get(sp);
          if (g > 0) f.get(ls).i32(g * lanes).op('i32.mul').op('i32.add');
          f.set(q);
          block(g);
        }
        addTo(f, sp, { value: lanes * o.bytes });
        addTo(f, dp, { value: lanes * width * o.bytes });
        addTo(f, kk, { value: lanes });
        f.br(0);
      }),
    );
    // K tail: element by element.
    f.block(() =>
      f.loop(() => {
        f.get(kk).get(k).op('i32.ge_s').brIf(1);
        f.get(sp).set(q);
        for (let w = 0; w < width; w++) {
          f.get(dp).get(q).mem(o.load).mem(o.store, w * o.bytes);
          addTo(f, q, { local: ls });
        }
        addTo(f, sp, { value: o.bytes });
        addTo(f, dp, { value: width * o.bytes });
        addTo(f, kk, { value: 1 });
        f.br(0);
      }),
    );
  };
  const byElement = (): void => {
    for (let w = 0; w < width; w++) {
      f.get(p).i32(width).op('i32.mul').i32(w).op('i32.add').set(line);
      // sp = src + line*ls ; dp = dst + (p*k*width + w) * bytes
      f.get(src).get(line).get(ls).op('i32.mul').op('i32.add').set(sp);
      f.get(dst).get(p).get(k).op('i32.mul').i32(width).op('i32.mul').i32(w).op('i32.add').i32(o.bytes).op('i32.mul').op('i32.add').set(dp);
      f.get(line).get(extent).op('i32.lt_s').ifElse(
        () => {
          forRange(f, kk, k, () => {
            f.get(dp).get(sp).mem(o.load).mem(o.store);
            addTo(f, sp, { local: ks });
            addTo(f, dp, { value: width * o.bytes });
          });
        },
        () => {
          forRange(f, kk, k, () => {
            f.get(dp).floatZero(o.bytes === 4 ? 'f32' : 'f64').mem(o.store);
            addTo(f, dp, { value: width * o.bytes });
          });
        },
      );
    }
  };
  forRange(f, p, panels, () => {
    // dp = dst + p*k*width*bytes ; sp = src + p*width*ls
    f.get(dst).get(p).get(k).op('i32.mul').i32(width * o.bytes).op('i32.mul').op('i32.add').set(dp);
    f.get(src).get(p).i32(width).op('i32.mul').get(ls).op('i32.mul').op('i32.add').set(sp);
    if (!wholeVectors || width % lanes !== 0) {
      byElement();
      return;
    }
    // full panel and contiguous lines → copy; full panel and contiguous K → transpose; else by element
    fullPanel();
    f.get(ls).i32(o.bytes).op('i32.eq').op('i32.and');
    f.ifElse(copyLines, () => {
      fullPanel();
      f.get(ks).i32(o.bytes).op('i32.eq').op('i32.and');
      f.ifElse(transposeLines, byElement);
    });
  });
  return f;
}

function gather(o: Ops): FunctionBuilder {
  // (src, rs, cs, rows, cols, dst, ldd): dst[i*ldd + j*bytes] = src[i*rs + j*cs]
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [src, rs, cs, rows, cols, dst, ldd] = [0, 1, 2, 3, 4, 5, 6];
  const i = f.local('i32');
  const j = f.local('i32');
  const sp = f.local('i32');
  const dp = f.local('i32');
  forRange(f, i, rows, () => {
    f.get(src).get(i).get(rs).op('i32.mul').op('i32.add').set(sp);
    f.get(dst).get(i).get(ldd).op('i32.mul').op('i32.add').set(dp);
    forRange(f, j, cols, () => {
      f.get(dp).get(sp).mem(o.load).mem(o.store);
      addTo(f, sp, { local: cs });
      addTo(f, dp, { value: o.bytes });
    });
  });
  return f;
}

/**
 * The kernel module's bytes: exports micro, macro, packA, packB and gather, and
 * imports `env.memory` (shared when threads use it).
 *
 *     new WebAssembly.Module(gemmModuleBytes({ element: 'f32', mr: 4, vectors: 3 }, { initialPages: 1, maximumPages: 1024, shared: true }))
 */
export function gemmModuleBytes(shape: KernelShape, memory: ImportedMemory): Uint8Array {
  const o = opsFor(shape.element);
  return assembleModule({
    memory,
    functions: [
      { name: 'micro', body: microKernel(shape, o) },
      { name: 'macro', body: macroKernel(shape, o, 0) },
      { name: 'packA', body: packPanels(shape.mr, o) },
      { name: 'packB', body: packPanels(shape.vectors * 16 / o.bytes, o) },
      { name: 'gather', body: gather(o) },
    ],
  });
}

/**
 * Generates the WebAssembly module of the training step's elementwise work,
 * 128-bit SIMD with a scalar tail: in JS these loops ran at about 2.3 ns per
 * Float32 element (float conversions on every access) and took a third of an
 * MLP epoch; here they run at memory speed.
 *
 * - `addRows(dst, dstStride, src, srcStride, rows, cols)`: row r of dst +=
 *   row r of src (strides in bytes; stride 0 repeats one row). Bias add:
 *   dst = Y, src = b with stride 0; bias gradient: dst = ∂b with stride 0,
 *   src = ∂Y (rows summed in order, as a scalar loop would).
 * - `relu(y, x, n)`: y = x > 0 ? x : 0 (a compare mask, so −0 and NaN give +0
 *   exactly as the scalar code did).
 * - `reluBackward(dx, y, dy, n)`: dx = y > 0 ? dy : 0.
 * - `sgd(v, g, n, lr, alpha, out) → Σ v²`: v ← v − lr·(g + α·v) in the element
 *   type's arithmetic (Float32 like NumPy's float32 step), returning the sum
 *   of squares of v before the update in Float64 (for the weight penalty's
 *   value), in one pass over the parameter; the sum is also stored as an f64
 *   at `out` (unless 0), where a worker thread leaves its chunk's share.
 * - `zero(dst, n)`: n elements set to +0 (a gradient before a backward pass).
 * - `gatherRows(src, order, rows, cols, dst)`: row r of dst (rows×cols) =
 *   row order[r] of src (i32 indices at `order`): a minibatch.
 *
 *     const bytes = vectorModuleBytes('f32', { initialPages: 1, maximumPages: 32768, shared: true });
 */
import { assembleModule, FunctionBuilder, type ImportedMemory, type MemoryOp, type PlainOp, type SimdOp } from './wasm-assembler.js';

interface Element {
  readonly bytes: number;
  readonly lanes: number;
  readonly float: 'f32' | 'f64';
  readonly load: MemoryOp;
  readonly store: MemoryOp;
  readonly add: PlainOp;
  readonly sub: PlainOp;
  readonly mul: PlainOp;
  readonly gt: PlainOp;
  readonly vadd: SimdOp;
  readonly vsub: SimdOp;
  readonly vmul: SimdOp;
  readonly vgt: SimdOp;
  readonly splat: SimdOp;
}

function elementOf(element: 'f32' | 'f64'): Element {
  return element === 'f32'
    ? { bytes: 4, lanes: 4, float: 'f32', load: 'f32.load', store: 'f32.store', add: 'f32.add', sub: 'f32.sub', mul: 'f32.mul', gt: 'f32.gt', vadd: 'f32x4.add', vsub: 'f32x4.sub', vmul: 'f32x4.mul', vgt: 'f32x4.gt', splat: 'f32x4.splat' }
    : { bytes: 8, lanes: 2, float: 'f64', load: 'f64.load', store: 'f64.store', add: 'f64.add', sub: 'f64.sub', mul: 'f64.mul', gt: 'f64.gt', vadd: 'f64x2.add', vsub: 'f64x2.sub', vmul: 'f64x2.mul', vgt: 'f64x2.gt', splat: 'f64x2.splat' };
}

/** `local += step`. */
function bump(f: FunctionBuilder, local: number, step: number | { local: number }): void {
  f.get(local);
  if (typeof step === 'number') f.i32(step);
  else f.get(step.local);
  f.op('i32.add').set(local);
}

/**
 * Walks n elements: whole vectors while they fit, then single elements.
 * `pointers` advance by 16 bytes per vector and by the element size per scalar.
 */
function elementwise(f: FunctionBuilder, e: Element, n: number, pointers: readonly number[], vector: () => void, scalar: () => void): void {
  const i = f.local('i32');
  f.i32(0).set(i);
  f.block(() =>
    f.loop(() => {
      f.get(i).i32(e.lanes).op('i32.add').get(n).op('i32.gt_s').brIf(1);
      vector();
      for (const p of pointers) bump(f, p, 16);
      bump(f, i, e.lanes);
      f.br(0);
    }),
  );
  f.block(() =>
    f.loop(() => {
      f.get(i).get(n).op('i32.ge_s').brIf(1);
      scalar();
      for (const p of pointers) bump(f, p, e.bytes);
      bump(f, i, 1);
      f.br(0);
    }),
  );
}

function addRows(e: Element): FunctionBuilder {
  // (dst, dstStride, src, srcStride, rows, cols)
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [dst, dstStride, src, srcStride, rows, cols] = [0, 1, 2, 3, 4, 5];
  const r = f.local('i32');
  const d = f.local('i32');
  const s = f.local('i32');
  f.i32(0).set(r);
  f.block(() =>
    f.loop(() => {
      f.get(r).get(rows).op('i32.ge_s').brIf(1);
      f.get(dst).set(d);
      f.get(src).set(s);
      elementwise(
        f,
        e,
        cols,
        [d, s],
        () => f.get(d).get(d).mem('v128.load').get(s).mem('v128.load').simd(e.vadd).mem('v128.store'),
        () => f.get(d).get(d).mem(e.load).get(s).mem(e.load).op(e.add).mem(e.store),
      );
      bump(f, dst, { local: dstStride });
      bump(f, src, { local: srcStride });
      bump(f, r, 1);
      f.br(0);
    }),
  );
  return f;
}

/** out = cond > 0 ? value : 0, for relu (cond = value = x) and its backward (cond = y, value = dy). */
function masked(e: Element, backward: boolean): FunctionBuilder {
  // relu (y, x, n) / reluBackward (dx, y, dy, n)
  const f = new FunctionBuilder(backward ? ['i32', 'i32', 'i32', 'i32'] : ['i32', 'i32', 'i32'], []);
  const out = 0;
  const cond = 1;
  const value = backward ? 2 : 1;
  const n = backward ? 3 : 2;
  const zero = f.local('v128');
  const c = f.local(e.float);
  f.v128Zero().set(zero);
  const pointers = backward ? [out, cond, value] : [out, cond];
  elementwise(
    f,
    e,
    n,
    pointers,
    () => f.get(out).get(value).mem('v128.load').get(cond).mem('v128.load').get(zero).simd(e.vgt).simd('v128.and').mem('v128.store'),
    () => {
      f.get(cond).mem(e.load).set(c);
      f.get(out).get(value).mem(e.load).floatZero(e.float).get(c).floatZero(e.float).op(e.gt).op('select').mem(e.store);
    },
  );
  return f;
}

function sgd(e: Element): FunctionBuilder {
  // (v, g, n, lr, alpha, out) → Σ v² (f64), also stored at out unless 0
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'f64', 'f64', 'i32'], ['f64']);
  const [v, g, n, lr, alpha, out] = [0, 1, 2, 3, 4, 5];
  const lrS = f.local(e.float);
  const alphaS = f.local(e.float);
  const lrV = f.local('v128');
  const alphaV = f.local('v128');
  const acc0 = f.local('v128');
  const acc1 = f.local('v128');
  const x = f.local('v128');
  const half = f.local('v128');
  const xs = f.local(e.float);
  const sum = f.local('f64');
  const narrow = (local: number): void => {
    f.get(local);
    if (e.float === 'f32') f.op('f32.demote_f64');
  };
  narrow(lr);
  f.set(lrS);
  narrow(alpha);
  f.set(alphaS);
  f.get(lrS).simd(e.splat).set(lrV);
  f.get(alphaS).simd(e.splat).set(alphaV);
  f.v128Zero().set(acc0);
  f.v128Zero().set(acc1);
  f.floatZero('f64').set(sum);
  elementwise(
    f,
    e,
    n,
    [v, g],
    () => {
      f.get(v).mem('v128.load').set(x);
      if (e.float === 'f32') {
        // Squares in Float64: the low two lanes, then the high two moved down.
        f.get(x).simd('f64x2.promote_low_f32x4').tee(half).get(half).simd('f64x2.mul').get(acc0).simd('f64x2.add').set(acc0);
        f.get(x).get(x).shuffle([8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15]).simd('f64x2.promote_low_f32x4').tee(half).get(half).simd('f64x2.mul').get(acc1).simd('f64x2.add').set(acc1);
      } else {
        f.get(x).get(x).simd('f64x2.mul').get(acc0).simd('f64x2.add').set(acc0);
      }
      // v − lr·(g + α·v)
      f.get(v).get(x).get(lrV).get(g).mem('v128.load').get(alphaV).get(x).simd(e.vmul).simd(e.vadd).simd(e.vmul).simd(e.vsub).mem('v128.store');
    },
    () => {
      f.get(v).mem(e.load).set(xs);
      f.get(xs);
      if (e.float === 'f32') f.op('f64.promote_f32');
      f.get(xs);
      if (e.float === 'f32') f.op('f64.promote_f32');
      f.op('f64.mul').get(sum).op('f64.add').set(sum);
      f.get(v).get(xs).get(lrS).get(g).mem(e.load).get(alphaS).get(xs).op(e.mul).op(e.add).op(e.mul).op(e.sub).mem(e.store);
    },
  );
  f.get(sum).get(acc0).extractF64(0).op('f64.add').get(acc0).extractF64(1).op('f64.add').get(acc1).extractF64(0).op('f64.add').get(acc1).extractF64(1).op('f64.add').set(sum);
  f.get(out).ifElse(() => f.get(out).get(sum).mem('f64.store'));
  f.get(sum);
  return f;
}

function zero(e: Element): FunctionBuilder {
  // (dst, n)
  const f = new FunctionBuilder(['i32', 'i32'], []);
  const [dst, n] = [0, 1];
  elementwise(
    f,
    e,
    n,
    [dst],
    () => f.get(dst).v128Zero().mem('v128.store'),
    () => f.get(dst).floatZero(e.float).mem(e.store),
  );
  return f;
}

function gatherRows(e: Element): FunctionBuilder {
  // (src, order, rows, cols, dst)
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32'], []);
  const [src, order, rows, cols, dst] = [0, 1, 2, 3, 4];
  const r = f.local('i32');
  const sp = f.local('i32');
  f.i32(0).set(r);
  f.block(() =>
    f.loop(() => {
      f.get(r).get(rows).op('i32.ge_s').brIf(1);
      // sp = src + order[r]·cols·bytes
      f.get(src).get(order).mem('i32.load').get(cols).op('i32.mul').i32(e.bytes).op('i32.mul').op('i32.add').set(sp);
      // dst advances row by row with the copy itself
      elementwise(
        f,
        e,
        cols,
        [sp, dst],
        () => f.get(dst).get(sp).mem('v128.load').mem('v128.store'),
        () => f.get(dst).get(sp).mem(e.load).mem(e.store),
      );
      bump(f, order, 4);
      bump(f, r, 1);
      f.br(0);
    }),
  );
  return f;
}

/** The module's bytes: exports addRows, relu, reluBackward, sgd, zero and gatherRows over `env.memory`. */
export function vectorModuleBytes(element: 'f32' | 'f64', memory: ImportedMemory): Uint8Array {
  const e = elementOf(element);
  return assembleModule({
    memory,
    functions: [
      { name: 'addRows', body: addRows(e) },
      { name: 'relu', body: masked(e, false) },
      { name: 'reluBackward', body: masked(e, true) },
      { name: 'sgd', body: sgd(e) },
      { name: 'zero', body: zero(e) },
      { name: 'gatherRows', body: gatherRows(e) },
    ],
  });
}

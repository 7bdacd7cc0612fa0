/**
 * A tiny WebAssembly binary assembler: just the sections and opcodes the GEMM
 * kernels need (integer arithmetic, structured control flow, scalar and
 * 128-bit SIMD loads/stores, f32x4/f64x2 arithmetic, comparisons and masks,
 * f32↔f64 conversions). Emitting the bytes
 * ourselves means nothing is downloaded or shipped as an opaque .wasm file,
 * and the kernels can be specialised (tile shape, element type) at run time.
 *
 *     const f = new FunctionBuilder(['i32', 'i32'], ['i32']);
 *     f.get(0).get(1).op('i32.add');
 *     const bytes = assembleModule({ memory: null, functions: [{ name: 'add', body: f }] });
 *
 * Encoding reference: WebAssembly Core Specification 2.0, §5 (binary format)
 * and the fixed-width SIMD proposal's opcode table.
 */

/** Value types of the binary format (spec §5.3.1). */
export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Plain (one-byte) opcodes used by the kernels. */
const OPCODES = {
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'i32.eqz': 0x45,
  'i32.eq': 0x46,
  'i32.ne': 0x47,
  'i32.lt_s': 0x48,
  'i32.gt_s': 0x4a,
  'i32.le_s': 0x4c,
  'i32.ge_s': 0x4e,
  'i32.and': 0x71,
  'i32.or': 0x72,
  'i32.shl': 0x74,
  'f32.gt': 0x5e,
  'f64.gt': 0x64,
  'f32.add': 0x92,
  'f32.sub': 0x93,
  'f32.mul': 0x94,
  'f64.add': 0xa0,
  'f64.sub': 0xa1,
  'f64.mul': 0xa2,
  'f32.demote_f64': 0xb6,
  'f64.promote_f32': 0xbb,
  drop: 0x1a,
  select: 0x1b,
  return: 0x0f,
} as const;

/** SIMD opcodes (prefix 0xfd, then a LEB128 index). */
const SIMD_OPCODES = {
  'f32x4.splat': 19,
  'f64x2.splat': 20,
  'f32x4.gt': 68,
  'f64x2.gt': 74,
  'v128.and': 78,
  'f32x4.demote_f64x2_zero': 94,
  'f64x2.promote_low_f32x4': 95,
  'f32x4.add': 228,
  'f32x4.sub': 229,
  'f32x4.mul': 230,
  'f32x4.max': 233,
  'f64x2.add': 240,
  'f64x2.sub': 241,
  'f64x2.mul': 242,
  'f64x2.max': 245,
  // Relaxed SIMD (a·b + c, fused where the hardware has FMA): only in runtimes that enable the proposal.
  'f32x4.relaxed_madd': 261,
  'f64x2.relaxed_madd': 263,
} as const;

/** Memory instructions: opcode (SIMD ones carry the 0xfd prefix) and natural alignment (log2 bytes). */
const MEMORY_OPS = {
  'i32.load': { code: [0x28], align: 2 },
  'f32.load': { code: [0x2a], align: 2 },
  'f64.load': { code: [0x2b], align: 3 },
  'f32.store': { code: [0x38], align: 2 },
  'f64.store': { code: [0x39], align: 3 },
  'v128.load': { code: [0xfd, 0], align: 4 },
  'v128.load32_splat': { code: [0xfd, 9], align: 2 },
  'v128.load64_splat': { code: [0xfd, 10], align: 3 },
  'v128.store': { code: [0xfd, 11], align: 4 },
} as const;

export type PlainOp = keyof typeof OPCODES;
export type SimdOp = keyof typeof SIMD_OPCODES;
export type MemoryOp = keyof typeof MEMORY_OPS;

function unsignedLeb(n: number, out: number[]): void {
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

function signedLeb(n: number, out: number[]): void {
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

function name(s: string, out: number[]): void {
  const bytes = new TextEncoder().encode(s);
  unsignedLeb(bytes.length, out);
  for (const b of bytes) out.push(b);
}

/**
 * Builds one function body as a stack-machine instruction stream. Locals are
 * numbered after the parameters; `local(type)` declares one and returns its index.
 *
 *     const f = new FunctionBuilder(['i32'], []);
 *     const i = f.local('i32');
 *     f.get(0).set(i);
 */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];

  constructor(
    readonly params: readonly ValType[],
    readonly results: readonly ValType[],
  ) {}

  /** Declares a local of `type` and returns its index. */
  local(type: ValType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  get(index: number): this {
    this.code.push(0x20);
    unsignedLeb(index, this.code);
    return this;
  }

  set(index: number): this {
    this.code.push(0x21);
    unsignedLeb(index, this.code);
    return this;
  }

  tee(index: number): this {
    this.code.push(0x22);
    unsignedLeb(index, this.code);
    return this;
  }

  i32(value: number): this {
    this.code.push(0x41);
    signedLeb(value, this.code);
    return this;
  }

  /** A zero 128-bit vector (v128.const with sixteen zero bytes). */
  v128Zero(): this {
    this.code.push(0xfd, 12);
    for (let i = 0; i < 16; i++) this.code.push(0);
    return this;
  }

  /** f32.const / f64.const 0, for padding. */
  floatZero(type: 'f32' | 'f64'): this {
    if (type === 'f32') this.code.push(0x43, 0, 0, 0, 0);
    else this.code.push(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
    return this;
  }

  /**
   * i8x16.shuffle: byte i of the result is byte lanes[i] of (a ‖ b), the two
   * vectors on the stack (0–15 from a, 16–31 from b).
   */
  shuffle(lanes: readonly number[]): this {
    if (lanes.length !== 16 || lanes.some((l) => !Number.isInteger(l) || l < 0 || l > 31)) throw new RangeError('i8x16.shuffle needs 16 lane indices in 0..31');
    this.code.push(0xfd, 13, ...lanes);
    return this;
  }

  /** f32x4.extract_lane: the f32 in lane 0–3 of the vector on the stack. */
  extractF32(lane: 0 | 1 | 2 | 3): this {
    this.code.push(0xfd, 31, lane);
    return this;
  }

  /** f64x2.extract_lane: the f64 in lane 0 or 1 of the vector on the stack. */
  extractF64(lane: 0 | 1): this {
    this.code.push(0xfd, 33, lane);
    return this;
  }

  op(name: PlainOp): this {
    this.code.push(OPCODES[name]);
    return this;
  }

  simd(name: SimdOp): this {
    this.code.push(0xfd);
    unsignedLeb(SIMD_OPCODES[name], this.code);
    return this;
  }

  /** A load or store with a constant byte offset (the address is on the stack). */
  mem(name: MemoryOp, offset = 0): this {
    const m = MEMORY_OPS[name];
    this.code.push(...m.code);
    unsignedLeb(m.align, this.code);
    unsignedLeb(offset, this.code);
    return this;
  }

  call(functionIndex: number): this {
    this.code.push(0x10);
    unsignedLeb(functionIndex, this.code);
    return this;
  }

  /** `block … end`: `br 0` inside jumps past the end. */
  block(body: () => void): this {
    this.code.push(0x02, 0x40);
    body();
    this.code.push(0x0b);
    return this;
  }

  /** `loop … end`: `br 0` inside jumps back to the start. */
  loop(body: () => void): this {
    this.code.push(0x03, 0x40);
    body();
    this.code.push(0x0b);
    return this;
  }

  /** `if … else … end` on the i32 on the stack. */
  ifElse(then: () => void, otherwise?: () => void): this {
    this.code.push(0x04, 0x40);
    then();
    if (otherwise !== undefined) {
      this.code.push(0x05);
      otherwise();
    }
    this.code.push(0x0b);
    return this;
  }

  br(depth: number): this {
    this.code.push(0x0c);
    unsignedLeb(depth, this.code);
    return this;
  }

  brIf(depth: number): this {
    this.code.push(0x0d);
    unsignedLeb(depth, this.code);
    return this;
  }

  /** The encoded body: local declarations, instructions and the final `end`. */
  encode(): number[] {
    const out: number[] = [];
    const groups: { type: ValType; count: number }[] = [];
    for (const t of this.locals) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last.type === t) last.count++;
      else groups.push({ type: t, count: 1 });
    }
    unsignedLeb(groups.length, out);
    for (const g of groups) {
      unsignedLeb(g.count, out);
      out.push(VALTYPE[g.type]);
    }
    out.push(...this.code, 0x0b);
    const sized: number[] = [];
    unsignedLeb(out.length, sized);
    return sized.concat(out);
  }
}

/** A function of the module; exported under `name` unless `exported` is false. */
export interface ModuleFunction {
  readonly name: string;
  readonly body: FunctionBuilder;
  readonly exported?: boolean;
}

/** Memory imported as env.memory: `shared` memories need a maximum (threads proposal). */
export interface ImportedMemory {
  readonly initialPages: number;
  readonly maximumPages: number;
  readonly shared: boolean;
}

function section(id: number, payload: number[], out: number[]): void {
  out.push(id);
  unsignedLeb(payload.length, out);
  out.push(...payload);
}

/**
 * Encodes a module whose functions may call each other by their position in
 * `functions` and which imports its linear memory as `env.memory`.
 *
 *     const bytes = assembleModule({ memory: { initialPages: 1, maximumPages: 16, shared: false }, functions });
 *     const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
 */
export function assembleModule(spec: { readonly memory: ImportedMemory | null; readonly functions: readonly ModuleFunction[] }): Uint8Array {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  // One type per function keeps the encoder simple; duplicates are legal.
  const types: number[] = [];
  unsignedLeb(spec.functions.length, types);
  for (const f of spec.functions) {
    types.push(0x60);
    unsignedLeb(f.body.params.length, types);
    for (const p of f.body.params) types.push(VALTYPE[p]);
    unsignedLeb(f.body.results.length, types);
    for (const r of f.body.results) types.push(VALTYPE[r]);
  }
  section(1, types, out);
  if (spec.memory !== null) {
    const imports: number[] = [];
    unsignedLeb(1, imports);
    name('env', imports);
    name('memory', imports);
    imports.push(0x02, spec.memory.shared ? 0x03 : 0x01);
    unsignedLeb(spec.memory.initialPages, imports);
    unsignedLeb(spec.memory.maximumPages, imports);
    section(2, imports, out);
  }
  const funcs: number[] = [];
  unsignedLeb(spec.functions.length, funcs);
  spec.functions.forEach((_, i) => unsignedLeb(i, funcs));
  section(3, funcs, out);
  const exported = spec.functions.map((f, i) => ({ f, i })).filter(({ f }) => f.exported !== false);
  const exports: number[] = [];
  unsignedLeb(exported.length, exports);
  for (const { f, i } of exported) {
    name(f.name, exports);
    exports.push(0x00);
    unsignedLeb(i, exports);
  }
  section(7, exports, out);
  const code: number[] = [];
  unsignedLeb(spec.functions.length, code);
  for (const f of spec.functions) code.push(...f.body.encode());
  section(10, code, out);
  return Uint8Array.from(out);
}

/**
 * The slice of the WebAssembly JS API the kernels use, typed locally: the
 * project compiles against lib ES2022 without DOM, which has no WebAssembly
 * declarations, and a global declaration could clash with other code.
 *
 *     const memory = wasm.newMemory({ initial: 1, maximum: 16, shared: true });
 */

/** A linear memory (shared memories keep their buffers valid across growth). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/** A compiled module (cloneable to worker threads). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

interface WebAssemblyGlobal {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
  validate: (bytes: Uint8Array) => boolean;
}

function api(): WebAssemblyGlobal {
  const g = (globalThis as unknown as { WebAssembly?: WebAssemblyGlobal }).WebAssembly;
  if (g === undefined) throw new Error('WebAssembly is not available in this JavaScript runtime');
  return g;
}

/** Constructors of the global WebAssembly object. */
export const wasm = {
  newMemory: (d: { initial: number; maximum: number; shared: boolean }): WasmMemory => new (api().Memory)(d),
  compile: (bytes: Uint8Array): WasmModule => new (api().Module)(bytes),
  /** True when the runtime would compile `bytes` (no exception, nothing compiled). */
  validate: (bytes: Uint8Array): boolean => api().validate(bytes),
  /** Instantiates with `env.memory` and returns the exports (unchecked). */
  instantiate: (module: WasmModule, memory: WasmMemory): unknown => new (api().Instance)(module, { env: { memory } }).exports,
};

/**
 * Model checkpoints: a small binary file that any language can read.
 *
 *   bytes 0–7   the magic "GTXCKPT1"
 *   bytes 8–11  n, the byte length of the JSON header (uint32, little-endian)
 *   then        the header: UTF-8 JSON with the format, dtype, network spec,
 *               model name, hyperparameters, dataset note and, per parameter,
 *               its name, shape and byte offset
 *   then        zero padding to a multiple of 8 bytes, and the parameters'
 *               values one after the other, row-major, little-endian
 *               float32 or float64 as the header's dtype says.
 *
 *     saveCheckpoint('mlp.ckpt', net, { model: 'mlp', dtype: 'f32', … });
 *     const { network, meta } = loadCheckpoint(be, 'mlp.ckpt');
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Backend } from './backend.js';
import { DataError } from './data/data-error.js';
import type { Evaluation } from './evaluate.js';
import { LineCounter, parseDocument } from 'yaml';
import { network, type Network, type NetworkSpec } from './models/network.js';
import type { Hyperparameters } from './train-loop.js';
import type { DType } from './tensor.js';

const MAGIC = 'GTXCKPT1';
const FORMAT = 'gradtex-checkpoint';
const VERSION = 1;

/** What a checkpoint says about how its weights were made. */
export interface CheckpointMeta {
  readonly model: string;
  readonly dtype: DType;
  readonly hyperparameters: Hyperparameters;
  readonly dataset: string;
  readonly seed: number;
  /** The test evaluation at save time, to compare a reloaded model with. */
  readonly test?: Evaluation;
  /** True when trained on the built-in synthetic dataset (made from `seed`). */
  readonly synthetic?: boolean;
  /** Logistic regression (one-vs-rest): the class that was labelled 1. */
  readonly positiveClass?: number;
}

interface ParameterEntry {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly offset: number;
}

interface Header extends CheckpointMeta {
  readonly format: string;
  readonly version: number;
  readonly spec: NetworkSpec;
  readonly parameters: readonly ParameterEntry[];
}

/** Thrown when a checkpoint would replace an existing file and force was not given. */
export class CheckpointExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists; pass --force to replace it`);
    this.name = 'CheckpointExistsError';
  }
}

function bytesPer(dtype: DType): number {
  return dtype === 'f32' ? 4 : 8;
}

/** The checkpoint file's bytes. */
export function encodeCheckpoint(net: Network, meta: CheckpointMeta): Uint8Array {
  const size = bytesPer(meta.dtype);
  let offset = 0;
  const parameters = net.parameters().map((p) => {
    const entry = { name: p.name, rows: p.value.rows, cols: p.value.cols, offset };
    offset += p.value.rows * p.value.cols * size;
    return entry;
  });
  const header: Header = { format: FORMAT, version: VERSION, ...meta, spec: net.spec, parameters };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((12 + json.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  net.parameters().forEach((p, i) => {
    const base = start + (parameters[i]?.offset ?? 0);
    const d = p.value.data;
    for (let j = 0; j < d.length; j++) {
      if (meta.dtype === 'f32') view.setFloat32(base + j * 4, d[j] ?? 0, true);
      else view.setFloat64(base + j * 8, d[j] ?? 0, true);
    }
  });
  return out;
}

/** Writes a checkpoint; refuses to replace an existing file unless `force`. */
export function saveCheckpoint(file: string, net: Network, meta: CheckpointMeta, options: { force?: boolean } = {}): void {
  if (options.force !== true && existsSync(file)) throw new CheckpointExistsError(file);
  writeFileSync(file, encodeCheckpoint(net, meta));
}

function fail(file: string, detail: string, offset?: number): never {
  throw new DataError('E_DATA_CHECKPOINT', detail, file, offset);
}

function parseHeader(bytes: Uint8Array, file: string): { header: Header; start: number } {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) fail(file, `not a gradtex checkpoint (no ${MAGIC} magic)`, 0);
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) fail(file, `the header says ${length} bytes but the file ends first`, 8);
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length));
  } catch {
    fail(file, 'the header is not valid UTF-8', 12);
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorPlace(text);
    if (at === undefined) fail(file, `the header is not valid JSON (${e instanceof Error ? e.message : String(e)})`, 12);
    const byte = 12 + new TextEncoder().encode(text.slice(0, at.offset)).length;
    fail(file, `the JSON header is damaged at header line ${at.line}:${at.col}: ${at.detail}`, byte);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail(file, 'the header is not a JSON object', 12);
  const h = header as Partial<Header>;
  if (h.format !== FORMAT || h.version !== VERSION) fail(file, `unsupported format ${String(h.format)} version ${String(h.version)} (expected ${FORMAT} ${VERSION})`, 12);
  if (h.dtype !== 'f32' && h.dtype !== 'f64') fail(file, `unknown dtype ${String(h.dtype)}`, 12);
  if (typeof h.spec !== 'object' || h.spec === null || !Array.isArray(h.parameters)) fail(file, 'the header has no network spec or parameter list', 12);
  if (typeof h.model !== 'string' || typeof h.dataset !== 'string') fail(file, 'the header has no model name or dataset', 12);
  const hp = h.hyperparameters as Partial<Record<keyof Hyperparameters, unknown>> | undefined;
  if (typeof hp !== 'object' || hp === null || !(['lr', 'batch', 'epochs', 'alpha'] as const).every((k) => typeof hp[k] === 'number')) fail(file, 'the header has no hyperparameters (lr, batch, epochs, alpha)', 12);
  if (!Number.isInteger(h.seed) || (h.seed ?? -1) < 0) fail(file, `the seed ${JSON.stringify(h.seed)} is not a whole number 0 or greater`, 12);
  if (h.positiveClass !== undefined && (!Number.isInteger(h.positiveClass) || h.positiveClass < 0)) fail(file, `the positive class ${JSON.stringify(h.positiveClass)} is not a whole number 0 or greater`, 12);
  const t = h.test as Partial<Record<keyof Evaluation, unknown>> | undefined;
  const score = (v: unknown): boolean => typeof v === 'number' || v === null;
  if (t !== undefined && (typeof t !== 'object' || t === null || !score(t.loss) || !score(t.accuracy))) fail(file, 'the saved test result is not {loss, accuracy}', 12);
  if (h.synthetic !== undefined && typeof h.synthetic !== 'boolean') fail(file, 'synthetic is not true or false', 12);
  return { header: h as Header, start: Math.ceil((12 + length) / 8) * 8 };
}

function checkSpec(spec: NetworkSpec, file: string): void {
  const widths = [spec.inputs, ...(Array.isArray(spec.hidden) ? spec.hidden : [NaN]), spec.outputs];
  if (!widths.every((w) => Number.isInteger(w) && w > 0 && w <= 1 << 20)) fail(file, `bad layer widths ${JSON.stringify(widths)}`, 12);
  const heads = ['softmax-cross-entropy', 'sigmoid-bce', 'mean-squared-error'];
  if (!heads.includes(spec.head)) fail(file, `unknown loss head ${String(spec.head)}`, 12);
  if (spec.activation !== undefined && spec.activation !== 'relu' && spec.activation !== 'tanh') fail(file, `unknown activation ${String(spec.activation)}`, 12);
}

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') fail(file, 'cannot read: no such file');
    if (code === 'EISDIR') fail(file, 'cannot read: is a folder, not a checkpoint file');
    fail(file, `cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * What a checkpoint holds, without its weights: the network spec and the
 * metadata (to choose a backend's dtype before loading). Bad files are DataErrors.
 *
 *     const { spec, meta } = readCheckpointHeader('mlp.ckpt');
 */
export function readCheckpointHeader(file: string): { spec: NetworkSpec; meta: CheckpointMeta } {
  const { header } = parseHeader(readBytes(file), file);
  checkSpec(header.spec, file);
  const { format: _format, version: _version, spec, parameters: _parameters, ...meta } = header;
  return { spec, meta };
}

/**
 * Reads a checkpoint into a fresh network on `be` (values are converted when
 * be's dtype differs from the file's). Bad files are DataErrors naming the file.
 */
export function loadCheckpoint(be: Backend, file: string): { network: Network; meta: CheckpointMeta } {
  const bytes = readBytes(file);
  const { header, start } = parseHeader(bytes, file);
  checkSpec(header.spec, file);
  const net = network(be, header.spec);
  const size = bytesPer(header.dtype);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = net.parameters();
  if (params.length !== header.parameters.length) fail(file, `${header.parameters.length} parameters listed, the spec has ${params.length}`, 12);
  params.forEach((p, i) => {
    const entry = header.parameters[i];
    if (entry === undefined || entry.name !== p.name || entry.rows !== p.value.rows || entry.cols !== p.value.cols) {
      fail(file, `parameter ${i + 1} is ${entry === undefined ? 'missing' : `${entry.name} ${entry.rows}×${entry.cols}`}, the spec needs ${p.name} ${p.value.rows}×${p.value.cols}`, 12);
    }
    const base = start + entry.offset;
    const d = p.value.data;
    if (!Number.isInteger(entry.offset) || entry.offset < 0 || base + d.length * size > bytes.length) fail(file, `the values of ${p.name} run past the end of the file`, base);
    for (let j = 0; j < d.length; j++) d[j] = header.dtype === 'f32' ? view.getFloat32(base + j * 4, true) : view.getFloat64(base + j * 8, true);
  });
  const { format: _format, version: _version, spec: _spec, parameters: _parameters, ...meta } = header;
  return { network: net, meta };
}

/**
 * Where a damaged header stops being JSON, when the yaml parser (JSON is
 * YAML) can say: Node 20's JSON.parse often names no position. Damage YAML
 * still accepts (a lone '}' value) gets JSON.parse's own message instead.
 */
function jsonErrorPlace(text: string): { offset: number; line: number; col: number; detail: string } | undefined {
  const lines = new LineCounter();
  const error = parseDocument(text, { lineCounter: lines, prettyErrors: false }).errors[0];
  if (error === undefined) return undefined;
  const offset = error.pos[0];
  const { line, col } = lines.linePos(offset);
  return { offset, line, col, detail: (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+.*$/, '') };
}

/**
 * Parameters of a named derivation: one YAML file serves several variants
 * (the activation f, the output function g, the loss) chosen by name.
 *
 *     parameters:
 *       f:
 *         default: 3relu
 *         choices:
 *           3relu: { text: "3·ReLU", apply: "3*relu(t)" }
 *           tanh:  { text: "tanh",   apply: "tanh(t)" }
 *
 * `{{f.apply}}` anywhere in the file is replaced by the chosen value before
 * the file is read (values are one line, so line numbers stay right), and a
 * part or step with `when: f=tanh` (or `when: "g=sigma, loss=bce"`, or
 * `when: "f!=tanh"`) is kept only for the variants it names. A choice may
 * say `requires: g=sigma`: a combination that does not make sense is an
 * error, never a silently different derivation.
 *
 *     applyParameters('d.yaml', text, { f: 'tanh' })   // { text: …, chosen: { f: 'tanh', … } }
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { FileError } from '../../parse/file-error.js';

/** The chosen variant: parameter name -> choice key (defaults filled in). */
export type ParameterChoice = Readonly<Record<string, string>>;

export interface AppliedParameters {
  readonly text: string;
  readonly chosen: ParameterChoice;
  /** "f = 3relu (3·ReLU), g = identity, loss = squared" for people; '' when the file has no parameters. */
  readonly description: string;
}

function fail(file: string, lines: LineCounter, node: YamlNode | null | undefined, detail: string): never {
  const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
  throw new FileError(file, line, col, detail);
}

function textOf(v: unknown): string | undefined {
  return isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : undefined;
}

/**
 * Read `parameters:`, fill in `{{name.field}}` and return the chosen variant.
 * A file without parameters comes back unchanged (asking for one is an error).
 */
export function applyParameters(file: string, source: string, asked: ParameterChoice = {}): AppliedParameters {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const root = doc.contents as YamlNode | null;
  const node = doc.errors.length === 0 && root !== null && isMap(root) ? (root.get('parameters', true) as YamlNode | undefined) : undefined;
  if (node === undefined || node === null) {
    const extra = Object.keys(asked);
    if (extra.length > 0) throw new FileError(file, 1, 1, `this derivation has no parameters (asked for ${extra.join(', ')})`);
    return { text: source, chosen: {}, description: '' };
  }
  if (!isMap(node)) fail(file, lines, node, "'parameters' maps each parameter to its default and choices");
  const values = new Map<string, string>();
  const chosen: Record<string, string> = {};
  const described: string[] = [];
  const requirements: { param: string; key: string; text: string; node: YamlNode }[] = [];
  for (const item of node.items) {
    const param = textOf(item.key);
    const spec = item.value as YamlNode | null;
    if (param === undefined || spec === null || !isMap(spec)) fail(file, lines, (item.key as YamlNode | null) ?? node, 'a parameter is NAME: { default: KEY, choices: { KEY: { field: value } } }');
    const choices = spec.get('choices', true) as YamlNode | undefined;
    if (choices === undefined || !isMap(choices)) fail(file, lines, spec, `parameter '${param}' needs 'choices'`);
    const keys = choices.items.map((c) => textOf(c.key) ?? '');
    const key = asked[param] ?? textOf(spec.get('default', true)) ?? keys[0] ?? '';
    const found = choices.items.find((c) => textOf(c.key) === key);
    if (found === undefined) throw new FileError(file, lines.linePos(choices.range?.[0] ?? 0).line, 1, `'${key}' is not a choice of ${param}: choose one of ${keys.join(', ')}`);
    chosen[param] = key;
    const fields = found.value as YamlNode | null;
    if (fields === null || !isMap(fields)) fail(file, lines, choices, `choice '${key}' of ${param} maps fields to one-line values`);
    for (const f of fields.items) {
      const name = textOf(f.key);
      const value = textOf(f.value);
      if (name === undefined || value === undefined || value.includes('\n')) fail(file, lines, fields, `the fields of choice '${key}' of ${param} are one-line texts`);
      if (name === 'requires') requirements.push({ param, key, text: value, node: fields });
      else values.set(`${param}.${name}`, value);
    }
    const label = values.get(`${param}.text`);
    described.push(`${param} = ${key}${label !== undefined && label !== key ? ` (${label})` : ''}`);
  }
  for (const p of Object.keys(asked)) if (chosen[p] === undefined) throw new FileError(file, 1, 1, `unknown parameter '${p}': this derivation has ${Object.keys(chosen).join(', ')}`);
  for (const r of requirements) {
    if (!matchesWhen(r.text, chosen)) throw new FileError(file, lines.linePos(r.node.range?.[0] ?? 0).line, 1, `${r.param} = ${r.key} requires ${r.text} (asked for ${Object.entries(chosen).map(([k, v]) => `${k}=${v}`).join(', ')})`);
  }
  const text = source
    .split('\n')
    .map((l, k) =>
      l.replace(/\{\{([A-Za-z0-9]+\.[A-Za-z0-9-]+)\}\}/g, (_m, ref: string) => {
        const v = values.get(ref);
        if (v === undefined) throw new FileError(file, k + 1, l.indexOf(`{{${ref}}}`) + 1, `{{${ref}}} names no field of the chosen parameters (${[...values.keys()].join(', ')})`);
        return v;
      }),
    )
    .join('\n');
  return { text, chosen, description: described.join(', ') };
}

/** Does `when` ("g=sigma, loss!=bce") hold for the chosen variant? Every condition must. */
export function matchesWhen(when: string, chosen: ParameterChoice): boolean {
  return when
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .every((c) => {
      const m = /^([A-Za-z0-9]+)\s*(!=|=)\s*([A-Za-z0-9|]+)$/.exec(c);
      if (m === null) return false;
      const options = (m[3] as string).split('|');
      const is = options.includes(chosen[m[1] as string] ?? '');
      return m[2] === '=' ? is : !is;
    });
}

/** `f=tanh,g=sigma` (the command line's --param values) as a choice. */
export function parseParameterList(texts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of texts.flatMap((x) => x.split(','))) {
    if (t.trim() === '') continue;
    const m = /^\s*([A-Za-z0-9]+)\s*=\s*([A-Za-z0-9]+)\s*$/.exec(t);
    if (m === null) throw new Error(`cannot read the parameter '${t}': write NAME=CHOICE, e.g. f=tanh`);
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

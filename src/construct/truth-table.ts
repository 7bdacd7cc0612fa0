/**
 * Truth tables: from a formula (`--truth 'A and not B'`) or written out
 * (`--table '00:0,01:0,10:1,11:0'`, inputs in the order A, B, C, …). A table
 * may be partial when it describes the codes a hidden layer actually produces.
 */
import type { Rational } from '../expr/rational.js';
import { booleanCube } from '../finite/finite-domain.js';
import { int } from '../finite/rational-text.js';
import { evaluateFormula, parseFormula } from './boolean-formula.js';
import { ConstructError } from './construct-error.js';

export interface TruthRow {
  readonly input: readonly Rational[];
  readonly output: 0 | 1;
}

export interface TruthTable {
  readonly names: readonly string[];
  readonly rows: readonly TruthRow[];
  /** How the user gave it: the formula, or `the table 00:0,…`. */
  readonly title: string;
}

/** At most this many inputs: 2^6 rows keep every search and proof small. */
export const MAX_INPUTS = 6;

export function tableFromFormula(text: string): TruthTable {
  const { formula, variables } = parseFormula(text);
  if (variables.length > MAX_INPUTS) throw new ConstructError(`the formula has ${variables.length} variables; construct handles at most ${MAX_INPUTS}`);
  const rows = booleanCube(variables).points.map((input) => {
    const values = new Map(variables.map((v, i) => [v, (input[i] as Rational).n === 1n]));
    return { input, output: evaluateFormula(formula, values) ? 1 : 0 } as const;
  });
  return { names: variables, rows, title: text.trim() };
}

const LETTERS = 'ABCDEF';

/**
 * '00:0,01:1,10:1,11:0' -> the XOR table over A, B. Every row of {0,1}^n once.
 */
export function tableFromText(text: string): TruthTable {
  const entries = text.split(/[,;\s]+/).filter((e) => e !== '');
  const rows = new Map<string, 0 | 1>();
  for (const e of entries) {
    const m = /^([01]+)\s*(?::|->|→|=)\s*([01])$/.exec(e);
    if (m === null) throw new ConstructError(`cannot read the table entry '${e}': write inputs:output, e.g. 10:1`);
    const bits = m[1] as string;
    if (rows.size > 0 && bits.length !== ([...rows.keys()][0] as string).length) throw new ConstructError(`the table entry '${e}' has ${bits.length} inputs, the first entry has ${([...rows.keys()][0] as string).length}`);
    if (rows.has(bits)) throw new ConstructError(`the table gives the input ${bits} twice`);
    rows.set(bits, m[2] === '1' ? 1 : 0);
  }
  const n = ([...rows.keys()][0] ?? '').length;
  if (n === 0) throw new ConstructError('the table is empty');
  if (n > MAX_INPUTS) throw new ConstructError(`the table has ${n} inputs; construct handles at most ${MAX_INPUTS}`);
  const names = [...LETTERS.slice(0, n)];
  const missing = booleanCube(names).points.map((p) => p.map((b) => b.n.toString()).join('')).filter((bits) => !rows.has(bits));
  if (missing.length > 0) throw new ConstructError(`the table does not give the output for ${missing.join(', ')} (every input of {0,1}^${n} is needed)`);
  const ordered = booleanCube(names).points.map((input) => ({ input, output: rows.get(input.map((b) => b.n.toString()).join('')) as 0 | 1 }));
  return { names, rows: ordered, title: `the table ${text.trim()}` };
}

/** The target as a function of a point, for the checker. */
export function tableTarget(table: TruthTable): (point: readonly Rational[]) => Rational {
  const key = (p: readonly Rational[]): string => p.map((v) => `${v.n}/${v.d}`).join(',');
  const outputs = new Map(table.rows.map((r) => [key(r.input), r.output]));
  return (p) => {
    const o = outputs.get(key(p));
    if (o === undefined) throw new RangeError(`the table has no row for ${key(p)}`);
    return int(o);
  };
}

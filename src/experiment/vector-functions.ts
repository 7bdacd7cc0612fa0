/**
 * Functions of a whole vector given at a point (`--at 'z=[2, 4.5, 1, 3.5]'`),
 * as definitions over its entries: the function table (src/expr/functions.ts)
 * holds scalar functions of scalar arguments, and a vector-valued softmax has
 * no place in it, so softmax and log-sum-exp are written out here, entry by
 * entry, and every value is then computed by the ordinary evaluator.
 *
 *     softmax(z)_j = exp(z_j) / sum(exp(z_k), k, 1, n)
 *     lse(z)       = log(sum(exp(z_k), k, 1, n))
 *
 *     expandVectorFunctions('lse(z) - z_1', new Map([['z', 3]]))
 *     // { text: 'log(sum(exp(z_k), k, 1, 3)) - z_1' }
 */
export interface VectorFunction {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The definition; V is the vector, K the summation index, J the entry, N the length. */
  readonly definition: string;
  readonly vectorValued: boolean;
}

export const VECTOR_FUNCTIONS: readonly VectorFunction[] = [
  { name: 'softmax', aliases: [], definition: 'exp(V_J)/sum(exp(V_K), K, 1, N)', vectorValued: true },
  { name: 'lse', aliases: ['logsumexp'], definition: 'log(sum(exp(V_K), K, 1, N))', vectorValued: false },
];

export class DataError extends Error {
  override readonly name = 'DataError';
}

export interface Expanded {
  /** The text with every scalar vector function written out. */
  readonly text: string;
  /** For `softmax(z)` alone: the text of each entry, and what it is called. */
  readonly entries?: { readonly label: string; readonly texts: readonly string[] };
}

const CALL = (names: readonly string[]): RegExp => new RegExp(`\\b(${names.join('|')})\\s*\\(\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\)`, 'g');

/** An index name the text does not use already. */
function freshIndex(text: string): string {
  return ['k', 'm', 'r', 'q', 'kk'].find((n) => !new RegExp(`\\b${n}\\b`).test(text)) ?? 'k_0';
}

function definitionFor(f: VectorFunction, vector: string, length: number, index: string, entry?: number): string {
  return f.definition.replace(/V/g, vector).replace(/K/g, index).replace(/N/g, String(length)).replace(/J/g, String(entry ?? 1));
}

export function expandVectorFunctions(text: string, vectors: ReadonlyMap<string, number>): Expanded {
  const names = VECTOR_FUNCTIONS.flatMap((f) => [f.name, ...f.aliases]);
  const byName = (n: string): VectorFunction | undefined => VECTOR_FUNCTIONS.find((f) => f.name === n || f.aliases.includes(n));
  const lengthOf = (fn: string, v: string): number => {
    const n = vectors.get(v);
    if (n === undefined) throw new DataError(`${fn}(${v}) needs ${v} as a vector: add --at '${v}=[…]'`);
    return n;
  };
  const index = freshIndex(text);
  const whole = new RegExp(`^\\s*${CALL(names).source}\\s*$`).exec(text);
  const f = whole === null ? undefined : byName(whole[1] ?? '');
  if (whole !== null && f?.vectorValued === true) {
    const v = whole[2] ?? '';
    const n = lengthOf(f.name, v);
    return { text, entries: { label: `${f.name}(${v})`, texts: Array.from({ length: n }, (_, j) => definitionFor(f, v, n, index, j + 1)) } };
  }
  const out = text.replace(CALL(names), (_, fn: string, v: string) => {
    const g = byName(fn);
    if (g === undefined) return `${fn}(${v})`;
    if (g.vectorValued) throw new DataError(`${g.name}(${v}) is a vector: evaluate it on its own, or write one entry, ${definitionFor(g, v, lengthOf(g.name, v), index, 1)}`);
    return definitionFor(g, v, lengthOf(g.name, v), index);
  });
  return { text: out };
}

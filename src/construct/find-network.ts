/**
 * A two-layer network of threshold units for a table one unit cannot
 * compute (XOR): hidden units chosen among the functions one unit can
 * compute (each found by `findUnit`), then the output unit found over the
 * codes the hidden layer produces. Two hidden units are tried first, smallest
 * weights first; when no pair works (or there are too many inputs to list
 * the candidates) the textbook construction is used: one hidden unit per
 * 1-row, ORed by the output. Whatever is returned is still checked by
 * exhaustion before it is printed.
 */
import type { Rational } from '../expr/rational.js';
import { booleanCube } from '../finite/finite-domain.js';
import { int } from '../finite/rational-text.js';
import { evaluateNetwork, type Network, type StepAtZero, type Unit } from '../finite/threshold-network.js';
import { findUnit } from './find-unit.js';
import type { TruthRow, TruthTable } from './truth-table.js';

/** Listing every function of the inputs (2^(2^n)) is small up to 3 inputs. */
const MAX_INPUTS_FOR_PAIRS = 3;

const cost = (u: Unit): number => u.weights.reduce((s, [, w]) => s + Math.abs(Number(w.n)), 0);
const negatives = (u: Unit): number => u.weights.filter(([, w]) => w.n < 0n).length;

/** Every nonconstant function of the inputs one unit computes, with its smallest unit, simplest first. */
function singleUnitFunctions(names: readonly string[]): Unit[] {
  const inputs = booleanCube(names).points;
  const units: Unit[] = [];
  for (let f = 1; f < 2 ** inputs.length - 1; f++) {
    const rows = inputs.map((input, i) => ({ input, output: ((f >> (inputs.length - 1 - i)) & 1) as 0 | 1 }));
    const u = findUnit('h', names, rows);
    if (u !== undefined) units.push(u);
  }
  return units.sort((a, b) => cost(a) - cost(b) || negatives(a) - negatives(b));
}

const rename = (u: Unit, name: string): Unit => ({ ...u, name });

function hiddenCodes(names: readonly string[], hidden: readonly Unit[], table: TruthTable, stepAtZero: StepAtZero): TruthRow[] | undefined {
  const net: Network = { inputs: names, units: hidden, stepAtZero };
  const seen = new Map<string, TruthRow>();
  for (const r of table.rows) {
    const values = evaluateNetwork(net, r.input);
    const code = hidden.map((h) => values.get(h.name) as Rational);
    const key = code.map((c) => c.n).join('');
    const old = seen.get(key);
    if (old !== undefined && old.output !== r.output) return undefined;
    seen.set(key, { input: code, output: r.output });
  }
  return [...seen.values()];
}

/** One hidden unit per 1-row (it fires on that row only), ORed by the output. */
function mintermNetwork(table: TruthTable, stepAtZero: StepAtZero): Network {
  const ones = table.rows.filter((r) => r.output === 1);
  const hidden: Unit[] = ones.map((r, i) => {
    const count = r.input.filter((v) => v.n === 1n).length;
    return { name: `h${i + 1}`, kind: 'step', weights: table.names.map((n, k) => [n, int((r.input[k] as Rational).n === 1n ? 1 : -1)] as const), bias: { n: 1n - 2n * BigInt(count), d: 2n } };
  });
  const out: Unit = { name: 'y', kind: 'step', weights: hidden.map((h) => [h.name, int(1)] as const), bias: { n: -1n, d: 2n } };
  return { inputs: table.names, units: [...hidden, out], stepAtZero };
}

/**
 * A network with one hidden layer computing the table.
 *
 *     findTwoLayer(tableFromFormula('A xor B'), 0)
 *     // h1 = step(A + B - 1/2)... y = step(...)
 */
export function findTwoLayer(table: TruthTable, stepAtZero: StepAtZero): Network {
  if (table.names.length <= MAX_INPUTS_FOR_PAIRS) {
    const candidates = singleUnitFunctions(table.names);
    for (let i = 0; i < candidates.length; i++)
      for (let j = i + 1; j < candidates.length; j++) {
        const hidden = [rename(candidates[i] as Unit, 'h1'), rename(candidates[j] as Unit, 'h2')];
        const codes = hiddenCodes(table.names, hidden, table, stepAtZero);
        if (codes === undefined) continue;
        const out = findUnit('y', ['h1', 'h2'], codes);
        if (out !== undefined) return { inputs: table.names, units: [...hidden, out], stepAtZero };
      }
  }
  return mintermNetwork(table, stepAtZero);
}

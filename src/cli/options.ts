/** Small option parsers shared by the subcommands (commander hands us strings). */
import { InvalidArgumentError } from 'commander';
import { readDetail, type Detail } from '../proof/group-steps.js';

export type Format = 'text' | 'latex' | 'json';

export function parseFormat(v: string): Format {
  if (v === 'text' || v === 'latex' || v === 'json') return v;
  throw new InvalidArgumentError('expected text, latex or json');
}

export function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function parseInteger(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** For repeatable options: --wrt x --wrt y -> ['x', 'y']. */
export function collect(v: string, previous: string[]): string[] {
  return [...previous, v];
}

/** --detail brief|standard|full (src/proof/group-steps.ts). */
export function parseDetail(v: string): Detail {
  const d = readDetail(v);
  if (d === undefined) throw new InvalidArgumentError('expected brief, standard or full');
  return d;
}

/**
 * The options of `gradtex diff --shape` read without loading the matrix
 * calculus itself (shaped-diff.ts, loaded only when --shape is given).
 */
import type { Layout } from '../derive/shaped-derivative.js';
import { UserError } from './io.js';

/** --layout numerator|denominator. */
export function parseLayout(text: string): Layout {
  if (text !== 'numerator' && text !== 'denominator') throw new UserError(`--layout is numerator or denominator, got '${text}'`);
  return text;
}

/** --shape refuses the options it cannot honour, in one line. */
export function refuseShapedOptions(opts: { readonly grad?: string | undefined; readonly at?: readonly string[] }): void {
  if (opts.grad !== undefined) throw new UserError('--grad with --shape: give the vector with --wrt x; its gradient is one vector');
  if (opts.at !== undefined && opts.at.length > 0) throw new UserError('--at with --shape: values of vectors and matrices at a point are not supported yet');
}

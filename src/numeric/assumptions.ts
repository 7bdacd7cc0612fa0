/** What is known about a variable, used to draw random points from its domain. */
import type { Sym } from '../expr/node.js';

export type Assumption =
  | { readonly sym: Sym; readonly kind: 'positive' | 'nonnegative' | 'nonzero' | 'integer' }
  | { readonly sym: Sym; readonly kind: 'interval'; readonly lo: number; readonly hi: number; readonly integer?: boolean };

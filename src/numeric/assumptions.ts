/** What is known about a variable, used to draw random points from its domain. */
import type { Sym } from '../expr/node.js';

export type Assumption =
  | { readonly sym: Sym; readonly kind: 'positive' | 'nonnegative' | 'nonzero' | 'integer' }
  /** `closed`: which ends are known to belong to the domain ([0, 1] vs 0 < x < 1); unknown ends are treated as open by the special points. */
  | { readonly sym: Sym; readonly kind: 'interval'; readonly lo: number; readonly hi: number; readonly integer?: boolean; readonly closed?: readonly [boolean, boolean] };

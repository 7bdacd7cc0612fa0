/**
 * The doubles as a RealOps number system: what FunctionSpec.real and the
 * jets (jet.ts) compute with in ordinary checks.
 *
 *     jetOps(FLOAT_OPS, 5)   // fifth derivatives in double precision
 */
import type { RealOps } from '../expr/functions.js';

export const FLOAT_OPS: RealOps<number> = {
  num: (v) => v,
  rational: (n, d) => Number(n) / Number(d),
  pi: () => Math.PI,
  nan: () => NaN,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  exp: Math.exp,
  log: Math.log,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  sign: (a) => (Number.isNaN(a) ? NaN : Math.sign(a)),
  isConstant: () => true,
  toNumber: (a) => a,
};

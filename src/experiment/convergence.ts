/**
 * What a parameter did over a run, read from its iterates at T/4, T/2 and T
 * and its gradient at T. These are observations of T steps, never proofs:
 * "grows like c ln t" means the increments over the last two doublings of t
 * were equal to 10%, which is what c ln t does and what a parameter that
 * will later settle can also do for a while.
 *
 * - settles: its last 16 steps and the next one, η|∂L/∂θ| at T, are each at
 *   most 1e-9 max(1, |θ|), and it did not move over the second half of the
 *   run (d₁ = d₂ = 0, or |d₂| ≤ 1e-15 max(1, |θ|)) or the increments shrink
 *   tenfold, |d₂| ≤ 0.1 |d₁|,
 *   with d₁ = θ(T/2) − θ(T/4) and d₂ = θ(T) − θ(T/2). A tiny last step alone
 *   is not enough: logistic regression with a large rate can crawl outwards
 *   by 1e-10 a step, its increments doubling with t (steady drift), and
 *   that parameter is unbounded;
 * - grows like c·ln t: d₁ and d₂ have one sign and agree to 10%
 *   (each doubling of t adds the same amount c·ln 2);
 * - blows up: it overflowed, or |θ(T)| > 1e6 with |d₂| > 2 |d₁|
 *   (increments that grow: faster than any power of ln t);
 * - still moving: none of these (oscillating, drifting, or converging more
 *   slowly than T steps can show).
 */
export type Behaviour = 'settles' | 'grows like c ln t' | 'blows up' | 'still moving';

export interface ParameterVerdict {
  readonly behaviour: Behaviour;
  /** c in c·ln t, for 'grows like c ln t'. */
  readonly rate?: number;
  readonly d1: number;
  readonly d2: number;
}

/** The largest last step, relative to max(1, |θ|), that counts as not moving. */
export const LAST_STEP_TOLERANCE = 1e-9;

/**
 * `recentStep`: the largest |step| over the last steps and the next one
 * (src/experiment/gradient-descent.ts); a parameter that cycles (the batch
 * perceptron on XOR: +¼, −¼, …) can sit at the same value at T/4, T/2 and T,
 * and only its steps show that it moves.
 */
export function classify(quarter: number, half: number, final: number, recentStep: number, overflowed: boolean): ParameterVerdict {
  const d1 = half - quarter;
  const d2 = final - half;
  const scale = Math.max(1, Math.abs(final));
  if (overflowed || !Number.isFinite(final)) return { behaviour: 'blows up', d1, d2 };
  const stepsTiny = recentStep <= LAST_STEP_TOLERANCE * scale;
  if (stepsTiny && ((d1 === 0 && d2 === 0) || Math.abs(d2) <= 1e-15 * scale)) return { behaviour: 'settles', d1, d2 };
  if (stepsTiny && Math.abs(d2) <= 0.1 * Math.abs(d1)) return { behaviour: 'settles', d1, d2 };
  if (Math.abs(final) > 1e6 && Math.abs(d2) > 2 * Math.abs(d1)) return { behaviour: 'blows up', d1, d2 };
  if (d1 !== 0 && Math.sign(d1) === Math.sign(d2) && Math.abs(d2 - d1) <= 0.1 * Math.abs(d1)) return { behaviour: 'grows like c ln t', rate: d2 / Math.LN2, d1, d2 };
  return { behaviour: 'still moving', d1, d2 };
}

/** The criterion in one paragraph, printed with every experiment. */
export const CRITERION =
  'How a verdict is read (an observation of the steps run, not a proof): with $\\theta_t$ the parameter after $t$ steps, $T$ the number of steps and the increments $d_1 = \\theta_{T/2} - \\theta_{T/4}$, $d_2 = \\theta_T - \\theta_{T/2}$, it settles when its last 16 steps and the next one are each at most $10^{-9}$ times the larger of $1$ and $|\\theta_T|$ (a parameter that cycles can sit at one value at $T/4$, $T/2$ and $T$) and either it did not move over the second half ($d_2 = 0$ up to rounding) or $|d_2| \\le |d_1|/10$ (tiny steps alone are not enough: a parameter can crawl outwards by $10^{-10}$ a step); it grows like $c \\ln t$ when $d_1$ and $d_2$ have one sign and agree to 10% (each doubling of $t$ adds $c \\ln 2$), which is how an unbounded parameter of logistic regression on separable data grows; it blows up when it overflows or exceeds $10^6$ with increments that more than double; otherwise it is still moving.';

/**
 * The few points where a claim a ≤ b came closest to failing without failing
 * in doubles: a > b by no more than the rounding tolerance of the search.
 * Such a reversal may be rounding or may be real (x^2 − 2.000001x + 1.000001
 * is below 0 by 2.5e-13 on (1, 1.000001)); the search decides the largest
 * ones in high precision before it reports that nothing was found.
 *
 *     const n = new NearMisses(3); n.offer(Float64Array.of(1), 2e-13); n.points()   // [{ p: [1], m: 2e-13 }]
 *     n.offer(Float64Array.of(2), 1e-16)   // kept out: rounding
 */
/**
 * Reversals up to this (relative, floor 1) are the rounding of a true claim's equal sides (e^{ln t} ≤ t is off by
 * about 1e-16): not worth a high-precision evaluation each. Past it, up to the search's tolerance, one is decided.
 */
const ROUNDING = 1e-14;

export class NearMisses {
  private readonly kept: { p: Float64Array; m: number }[] = [];

  constructor(private readonly size: number) {}

  /** Keeps a copy of `p` when a > b there by more than rounding (`m`, the relative gap) and it is among the largest so far. */
  offer(p: ArrayLike<number>, m: number): void {
    if (!(m > ROUNDING)) return;
    if (this.kept.length === this.size && m <= (this.kept[this.kept.length - 1]?.m ?? Infinity)) return;
    this.kept.push({ p: Float64Array.from(p), m });
    this.kept.sort((u, v) => v.m - u.m);
    if (this.kept.length > this.size) this.kept.pop();
  }

  /** The kept points, largest reversal first. */
  points(): readonly { readonly p: Float64Array; readonly m: number }[] {
    return this.kept;
  }
}

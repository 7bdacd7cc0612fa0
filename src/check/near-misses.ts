/**
 * The few points where a claim a ≤ b came closest to failing without failing
 * in doubles: a > b by no more than the rounding tolerance of the search.
 * Such a reversal may be rounding or may be real (x^2 − 2.000001x + 1.000001
 * is below 0 by 2.5e-13 on (1, 1.000001)); the search decides the largest
 * ones in high precision before it reports that nothing was found.
 *
 *     const n = new NearMisses(3); n.offer(Float64Array.of(1), 2e-13); n.points()   // [{ p: [1], m: 2e-13 }]
 */
export class NearMisses {
  private readonly kept: { p: Float64Array; m: number }[] = [];

  constructor(private readonly size: number) {}

  /** Keeps a copy of `p` when a > b there (`m`, the relative gap, above 0) and it is among the largest so far. */
  offer(p: ArrayLike<number>, m: number): void {
    if (!(m > 0)) return;
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

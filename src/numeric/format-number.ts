/**
 * The one way numbers are written in verdicts, counterexamples and values:
 * `digits` significant digits with trailing zeros dropped (0.75, not
 * 0.750), exact integers as they are, Infinity/NaN spelled out.
 *
 *     formatNumber(2/3)       // '0.6667'
 *     formatNumber(2/3, 10)   // '0.6666666667'
 *     formatNumber(12)        // '12'
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(digits)));
}

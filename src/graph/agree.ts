/**
 * When a double agrees with an independently computed value: to 1e-9,
 * relative above 1 and absolute below.
 *
 *     agree(0.1 + 0.2, 0.3)   // true
 */
export function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * How a float prints. A float always shows that it is a decimal, so that it
 * reads back as a float and not as an exact integer: float(2) is `2.0`.
 * JavaScript's shortest round-trip digits (`String(x)`) are kept.
 */

/** decimalText(0.25) === '0.25', decimalText(2) === '2.0', decimalText(1e-7) === '1e-7' */
export function decimalText(x: number): string {
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/**
 * The same digits without exponent notation, which TeX has no syntax for:
 * positionalText(1.5e-7) === '0.00000015'. Exponents from -20 to 20 expand;
 * undefined beyond (the caller writes a power of ten instead).
 */
export function positionalText(x: number): string | undefined {
  const s = decimalText(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const sign = m[1] ?? '';
  const lead = m[2] ?? '';
  const frac = m[3] ?? '';
  const k = Number(m[4]);
  if (k < -20 || k > 20) return undefined;
  const digits = lead + frac;
  if (k < 0) return `${sign}0.${'0'.repeat(-k - 1)}${digits}`;
  const whole = digits.padEnd(k + 1, '0');
  const rest = digits.slice(k + 1);
  return `${sign}${whole}.${rest === '' ? '0' : rest}`;
}

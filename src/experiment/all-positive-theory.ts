/**
 * What can be proved, not just observed, about logistic regression trained
 * by gradient descent from w = 0, b = 0 when every label is 1, for every
 * learning rate η > 0. With z_i = w·x_i + b and s_i = σ(−z_i) ∈ (0, 1), one
 * step adds η·(1/n) Σ s_i to b and η·(1/n) Σ x_ij s_i to w_j.
 *
 * 1. b grows without bound. It increases at every step; if it converged,
 *    Σ_t (1/n) Σ_i s_i(t) would be finite, so every z_i(t) → ∞; but then
 *    w(t) = η Σ_t (1/n) Σ_i x_i s_i(t) converges too (its terms are at most
 *    max‖x_i‖ times those of b's series), so z_i(t) converges: a contradiction.
 * 2. If every x_ij > 0 (resp. < 0), w_j's step is at least min_i x_ij
 *    (resp. at most max_i x_ij) times b's step, so w_j ≥ (min_i x_ij)·b → ∞
 *    (resp. → −∞).
 * 3. If the points sum to 0, then at w = 0 every z_i = b and w's step is
 *    η s Σ x_i / n = 0: w stays exactly 0 at every step (induction on t).
 *
 * Anything else is left to the observation, citing Soudry et al. ("The
 * implicit bias of gradient descent on separable data", JMLR 2018): for a
 * small enough η, (w, b)/ln t tends to the least-norm (ŵ, b̂) with
 * ŵ·x_i + b̂ ≥ 1, whose ŵ is 0 exactly when 0 lies in the convex hull of the
 * points. That theorem is cited, not checked here.
 */
import type { FindingParagraph } from '../finite/finding-report.js';
import type { ExperimentData } from './experiment-data.js';

/** x as m · 2^−1074 with m an integer: every finite double is one (IEEE 754 binary64). */
function dyadic(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals (exponent 0) are fraction · 2^−1074; normals (1 + fraction/2^52) · 2^(exponent − 1023).
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = exponent === 0 ? 0 : exponent - 1;
  return sign * (mantissa << BigInt(shift));
}

/** Σ xs = 0 exactly, for the doubles as they are. */
export function exactSumIsZero(xs: readonly number[]): boolean {
  return xs.every(Number.isFinite) && xs.reduce((s, x) => s + dyadic(x), 0n) === 0n;
}

/** The verdict lines the three arguments give for these points, each with the hypothesis it checked. */
export function allPositiveTheory(data: ExperimentData): FindingParagraph[] {
  if (!data.ys.every((y) => y === 1)) return [];
  const out: FindingParagraph[] = [
    {
      kind: 'text',
      text: 'Every label is $1$. With $z_i = w^\\top x_i + b$ and $s_i = \\sigma(-z_i)$, which lies strictly between $0$ and $1$, a step of size $\\eta$ adds $\\frac{\\eta}{n}\\sum_{i=1}^{n} s_i > 0$ to $b$ and $\\frac{\\eta}{n}\\sum_{i=1}^{n} x_{ij} s_i$ to $w_j$. If $b$ converged, the sum of its steps over all $t$ would be finite, so every $z_i$ would tend to infinity; but the steps of $w$ are at most the largest $\\lVert x_i \\rVert$ times those of $b$, so $w$ would converge too and so would every $z_i$, a contradiction.',
    },
    { kind: 'verdict', verdict: 'proved', text: 'b grows without bound, for every learning rate η > 0 (the argument above; its hypothesis, every label 1, checked)' },
  ];
  data.names.forEach((name, j) => {
    const column = data.xs.map((x) => x[j] ?? 0);
    const w = `w${data.names.length === 1 ? '' : j + 1}`;
    if (column.every((v) => v > 0) || column.every((v) => v < 0)) {
      const positive = (column[0] ?? 0) > 0;
      const bound = positive ? Math.min(...column) : Math.max(...column);
      out.push({ kind: 'verdict', verdict: 'proved', text: `${w} → ${positive ? '+' : '−'}∞ for every learning rate: every ${name} is ${positive ? 'positive' : 'negative'}, so each step moves ${w} by at least ${Math.abs(bound)} times b's step, and ${w} ${positive ? '≥' : '≤'} ${bound}·b with b → ∞` });
    }
  });
  // Exactly, not in floating point: 1e20 + 1 − 1e20 is 0 in doubles and 1 in fact.
  if (data.names.every((_, j) => exactSumIsZero(data.xs.map((x) => x[j] ?? 0)))) {
    out.push({ kind: 'verdict', verdict: 'proved', text: 'w stays exactly 0 at every step, for every learning rate: the points sum to 0, so at w = 0 every z_i equals b and the step of w is η σ(−b) Σ x_i / n = 0 (induction on t); w converges (to 0)' });
  }
  out.push({ kind: 'text', text: 'Otherwise, for a small enough learning rate, $w$ and $b$ divided by $\\ln t$ tend to the least-norm $\\hat w$, $\\hat b$ with $\\hat w^\\top x_i + \\hat b \\ge 1$ for every $i$, and $\\hat w = 0$ exactly when $0$ lies in the convex hull of the points (Soudry et al., JMLR 2018): cited, not checked here.' });
  return out;
}

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
 * 4. Where 0 lies with respect to the convex hull of the points, decided
 *    exactly with a checked certificate (hull-certificate.ts):
 *    - not in the hull: a direction u with u·x_i ≥ 1 for every i; a step
 *      moves u·w by (η/n) Σ s_i u·x_i ≥ (η/n) Σ s_i, b's step, so u·w ≥ b → ∞
 *      (argument 2 is the case u = ±e_j);
 *    - in the hull, but some u has u·x_i ≥ 0 for every i and > 0 for some k:
 *      w is still unbounded. If ‖w‖ ≤ R at every step, put M = R max‖x_i‖;
 *      since σ(−p)/σ(−q) ≤ e^{|p−q|}, every s_i ≤ e^{2M} s_k, so u·w's step
 *      (η/n) Σ s_i u·x_i ≥ (η/n) s_k u·x_k ≥ (u·x_k)/(n e^{2M}) times b's
 *      step, and u·w ≥ (u·x_k) b/(n e^{2M}) → ∞ contradicts |u·w| ≤ ‖u‖R.
 *      (On (1,0), (−1,0), (0,1) w_2 keeps growing, by a heuristic estimate
 *      like ln ln t: more slowly than any c ln t.)
 *    - 0 in the relative interior (weights λ_i > 0 with Σ λ_i x_i = 0): no
 *      such u exists, and nothing is proved here beyond argument 3. Cited,
 *      not checked: for a small enough η, (w, b)/ln t tends to the
 *      least-norm (ŵ, b̂) with ŵ·x_i + b̂ ≥ 1, whose ŵ is 0 exactly when 0 is
 *      in the hull (Soudry et al., "The implicit bias of gradient descent on
 *      separable data", JMLR 2018), and w converges (Ji and Telgarsky, "The
 *      implicit bias of gradient descent on nonseparable data", COLT 2019);
 *      w/ln t → 0 alone would not imply it, as the case above shows.
 */
import type { FindingParagraph } from '../finite/finding-report.js';
import { ratApprox, ratShort, ratText } from '../finite/rational-text.js';
import type { Rational } from '../expr/rational.js';
import { doubleUnits } from './exact-double.js';
import type { ExperimentData } from './experiment-data.js';
import { hullCertificate, type HullCertificate } from './hull-certificate.js';

/** Σ xs = 0 exactly, for the doubles as they are. */
export function exactSumIsZero(xs: readonly number[]): boolean {
  return xs.every(Number.isFinite) && xs.reduce((s, x) => s + doubleUnits(x), 0n) === 0n;
}

const vector = (v: readonly Rational[]): string => `(${v.map(ratShort).join(', ')})`;

/** The certificate as a table: each point, its weight λ_i and u·x_i where the certificate has them, exact. */
function certificateTable(data: ExperimentData, c: HullCertificate): FindingParagraph[] {
  if (c.kind === 'undecided') return [];
  const lambda = c.kind === 'separated' ? undefined : c.lambda;
  const values = c.kind === 'relative-interior' ? undefined : c.values;
  const columns = ['point', ...(lambda === undefined ? [] : ['weight']), ...(values === undefined ? [] : ['dot product with u'])];
  const cells = (i: number): Rational[] => [...(lambda === undefined ? [] : [lambda[i] as Rational]), ...(values === undefined ? [] : [values[i] as Rational])];
  const u = c.kind === 'relative-interior' ? undefined : c.u;
  const table: FindingParagraph = {
    kind: 'table',
    caption: `The certificate, exact${u === undefined ? '' : `, for u = ${vector(u)}`}`,
    columns,
    rows: data.xs.map((x, i) => [`(${x.join(', ')})`, ...cells(i).map(ratText)]),
    values: data.xs.map((_, i) => [NaN, ...cells(i).map((r) => Number(ratApprox(r)))]),
  };
  // A coordinate too long for prose (a point at 1e300 beside one at 5e-324) is written out in full here.
  if (u === undefined || u.every((r) => ratShort(r) === ratText(r))) return [table];
  return [
    { ...table, caption: `The certificate, exact, for the direction u below` },
    { kind: 'table', caption: 'The direction u, exact', columns: ['coordinate', 'u_j'], rows: u.map((r, j) => [`u_${j + 1}`, ratText(r)]), values: u.map((r) => [NaN, Number(ratApprox(r))]) },
  ];
}

const CHECKED = 'each coordinate taken as the exact rational its double is; the certificate checked on its own in exact arithmetic';

/** What the hull decides about w, with its certificate. */
function hullParagraphs(data: ExperimentData, sumIsZero: boolean): FindingParagraph[] {
  const c = hullCertificate(data.xs);
  const table = certificateTable(data, c);
  switch (c.kind) {
    case 'separated':
      return [
        { kind: 'text', text: `Whether $0$ lies in the convex hull of the points, decided exactly (${CHECKED}): it does not. A direction $u$ with $u^\\top x_i \\ge 1$ for every $i$ certifies this, and settles $w$ for every learning rate: a step moves $u^\\top w$ by $\\frac{\\eta}{n}\\sum_{i=1}^{n} s_i\\, u^\\top x_i \\ge \\frac{\\eta}{n}\\sum_{i=1}^{n} s_i$, the step of $b$, so from $w = 0$, $b = 0$ we have $u^\\top w \\ge b$ at every step, and $b$ grows without bound.` },
        ...table,
        { kind: 'verdict', verdict: 'proved', text: `w is unbounded for every learning rate η > 0: 0 is not in the convex hull of the points, certified by u = ${vector(c.u)} with u·x_i ≥ 1 for every point (checked exactly), so u·w ≥ b → ∞` },
      ];
    case 'weakly-separated':
      return [
        { kind: 'text', text: `Whether $0$ lies in the convex hull of the points, decided exactly (${CHECKED}): it does, with the weights $\\lambda_i$ below ($\\lambda_i \\ge 0$, $\\sum_{i=1}^{n} \\lambda_i = 1$, $\\sum_{i=1}^{n} \\lambda_i x_i = 0$), but on the boundary of the hull: the direction $u$ below has $u^\\top x_i \\ge 0$ for every $i$ and $u^\\top x_k > 0$ for some $k$. Then $w$ is still unbounded, for every learning rate. A step adds $\\frac{\\eta}{n}\\sum_{i=1}^{n} s_i\\, u^\\top x_i \\ge \\frac{\\eta}{n} s_k\\, u^\\top x_k$ to $u^\\top w$. If $\\lVert w \\rVert \\le R$ at every step, put $M$ for $R$ times the largest $\\lVert x_i \\rVert$: since $\\sigma(-p)/\\sigma(-q) \\le e^{|p - q|}$, every $s_i \\le e^{2M} s_k$, so the step of $u^\\top w$ is at least $u^\\top x_k / (n e^{2M})$ times the step of $b$, and $u^\\top w \\ge b\\, u^\\top x_k / (n e^{2M})$, which grows without bound with $b$ and contradicts $|u^\\top w| \\le \\lVert u \\rVert R$.` },
        ...table,
        { kind: 'verdict', verdict: 'proved', text: `w is unbounded for every learning rate η > 0, although 0 is in the convex hull of the points (weights λ = ${vector(c.lambda)}): u = ${vector(c.u)} has u·x_i ≥ 0 for every point and > 0 for some (both checked exactly), so w cannot stay bounded` },
        { kind: 'text', text: 'Cited, not checked: with $0$ in the hull, the least-norm $\\hat w$ of Soudry et al. (JMLR 2018) is $0$, so for a small enough learning rate $w / \\ln t \\to 0$. Together with the verdict above, $w$ grows more slowly than $c \\ln t$ for every $c > 0$; the tables below, which compare the increments over two doublings of $t$, cannot tell such growth from $c \\ln t$, and their "grows like $c \\ln t$" is an observation, not the rate.' },
      ];
    case 'relative-interior':
      return [
        { kind: 'text', text: `Whether $0$ lies in the convex hull of the points, decided exactly (${CHECKED}): it does, with every point weighted, so $0$ is in the relative interior of the hull ($\\lambda_i > 0$, $\\sum_{i=1}^{n} \\lambda_i = 1$, $\\sum_{i=1}^{n} \\lambda_i x_i = 0$). So no direction $u$ has $u^\\top x_i \\ge 0$ for every $i$ and positive for some ($\\sum_{i=1}^{n} \\lambda_i u^\\top x_i = 0$), and the argument that makes $w$ unbounded does not apply.` },
        ...table,
        { kind: 'verdict', verdict: 'proved', text: `0 is in the relative interior of the convex hull of the points: weights λ = ${vector(c.lambda)}, each > 0, with Σ λ_i x_i = 0 (checked exactly)` },
        ...(sumIsZero
          ? []
          : [{ kind: 'verdict' as const, verdict: 'undecided' as const, text: 'whether w converges is not proved here for these points. Cited, not checked: for a small enough learning rate, w/ln t → 0 (Soudry et al., JMLR 2018: the least-norm ŵ is 0 when 0 is in the hull) and w converges (Ji and Telgarsky, COLT 2019); w/ln t → 0 alone would not imply it' }]),
      ];
    case 'undecided':
      return [{ kind: 'verdict', verdict: 'undecided', text: `whether 0 lies in the convex hull of the points is not decided (${c.reason}); nothing about w is claimed beyond the lines above` }];
  }
}

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
  const sumIsZero = data.names.every((_, j) => exactSumIsZero(data.xs.map((x) => x[j] ?? 0)));
  if (sumIsZero) {
    out.push({ kind: 'verdict', verdict: 'proved', text: 'w stays exactly 0 at every step, for every learning rate: the points sum to 0, so at w = 0 every z_i equals b and the step of w is η σ(−b) Σ x_i / n = 0 (induction on t); w converges (to 0)' });
  }
  out.push(...hullParagraphs(data, sumIsZero));
  return out;
}

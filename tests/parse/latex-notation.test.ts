/**
 * The notation of deep-learning homework in the LaTeX reader: what is read
 * (accents and fonts, sized delimiters, products, transposes, primes,
 * derivatives, sums without a range, indicators of index equality) and what
 * is refused by name so the checker can say "not read" (norms other than ‖x‖, ‖x‖_1, ‖x‖_2, ‖A‖_F, \max_j,
 * \prod, cases, quantifiers and implications, \text that names no function).
 */
import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { transpose } from '../../src/matrix/matrix-calls.js';
import { ParseError, parseLatex, parseLatexReadings } from '../../src/parse/index.js';
import { compile } from '../../src/numeric/evaluate.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { treeText } from './tree-text.js';
import { parseErrorOf } from './parse-error.js';

const L = String.raw;
const x = sym('x');
const y = sym('y');

function eq(tex: string, e: Expr): void {
  const got = parseLatex(tex);
  expect(equal(got, e), `${tex} parsed as ${treeText(got)}, expected ${treeText(e)}`).toBe(true);
}

/** Two spellings read as the same tree. */
function same(a: string, b: string): void {
  eq(a, parseLatex(b));
}

const err = (tex: string): ParseError => parseErrorOf(parseLatex, tex);

describe('accents and fonts', () => {
  it('should make each accent a symbol of its own, with scripts inside or after', () => {
    eq(L`\tilde{y}`, sym('ytilde'));
    eq(L`\hat{y}_k`, sym('yhat', [sym('k')]));
    eq(L`\bar{x}`, sym('xbar'));
    eq(L`\overline{x}`, sym('xbar'));
    eq(L`\dot{x}`, sym('xdot'));
    eq(L`\ddot{x}`, sym('xddot'));
    eq(L`\mathcal{L}`, sym('Lcal'));
    eq(L`\tilde{y_1}`, sym('ytilde', [num(1)]));
  });

  it('should read bold and \\vec as the symbol itself (the mark of a vector or matrix)', () => {
    for (const t of [L`\mathbf{x}`, L`\boldsymbol{x}`, L`\bm{x}`, L`\vec{x}`, L`\vec x`]) eq(t, x);
    eq(L`\mathbf{W}_{ij}`, sym('W', [sym('i'), sym('j')]));
    eq(L`\mathrm{loss}`, sym('loss'));
    eq(L`\mathit{loss}`, sym('loss'));
  });

  it('should read bold Greek letters, accents over bold and bold over accents', () => {
    eq(L`\boldsymbol{\theta}`, sym('theta'));
    eq(L`\boldsymbol{\mu}_k`, sym('mu', [sym('k')]));
    eq(L`\hat{\mathbf{y}}`, sym('yhat'));
    eq(L`\mathbf{\hat{y}}_i`, sym('yhat', [sym('i')]));
    eq(L`\frac{\partial L}{\partial \boldsymbol{\theta}}`, deriv(sym('L'), sym('theta')));
  });

  it('should apply a bold function letter as f(x) is applied, never multiply', () => {
    eq(L`\mathbf{f}(\mathbf{x})`, call('f', [x]));
    eq(L`\boldsymbol{\phi}(z)`, call('phi', [sym('z')]));
    eq(L`\mathbf{W}(x + b)`, mul(sym('W'), add(x, sym('b'))));
    expect(err(L`\boldsymbol{\sigma}(x)`).code).toBe('E_PARSE_UNSUPPORTED');
  });

  it('should read \\operatorname, \\mathrm and \\text naming a known function as that function', () => {
    eq(L`3\text{ReLU}(s)`, mul(num(3), call('relu', [sym('s')])));
    eq(L`\operatorname{softplus}(x)`, call('softplus', [x]));
    eq(L`\mathrm{ReLU}\left(x\right)`, call('relu', [x]));
    eq(L`\textrm{sigmoid}(x)`, call('sigma', [x]));
  });

  it('should never drop \\text: text that names no function is an error "not read"', () => {
    for (const t of [L`3\text{foo}(s)`, L`x \text{ otherwise}`, L`\text{for all } x`, L`\mbox{if}`]) {
      expect(err(t).code, t).toBe('E_PARSE_UNKNOWN_FUNCTION');
      expect(err(t).message, t).toContain('not read');
    }
  });

  it('should refuse \\mathbb other than the indicator, naming what it is', () => {
    expect(err(L`\mathbb{R}`).message).toContain('a set');
    expect(err(L`\mathbb{E}[x]`).message).toContain('an expectation');
    expect(err(L`\mathbb{R}`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe('sized delimiters', () => {
  it('should read \\big … \\Bigg with l, r or nothing as grouping', () => {
    same(L`\bigl(x+1\bigr)^2`, '(x+1)^2');
    same(L`\Bigl(x+1\Bigr) y`, '(x+1) y');
    same(L`\biggl[x\biggr]`, 'x');
    same(L`\Biggl(x\Biggr)`, 'x');
    same(L`\big(x\big)`, 'x');
    same(L`\sigma\Bigl(w x + b\Bigr)`, L`\sigma(w x + b)`);
    same(L`\max\bigl\{a, b\bigr\}`, L`\max\{a, b\}`);
    same(L`\Big| x \Big|`, '|x|');
  });

  it('should refuse an evaluation bar \\left. … \\right|_{x=0} by name', () => {
    const e = err(L`\left. \frac{d}{dx} x^2 \right|_{x=0}`);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNSUPPORTED', 0, 6]);
    expect(e.message).toContain('a value at a point');
  });

  it('should read \\bigm( like \\big( and refuse a middle bar by name', () => {
    same(L`\bigm(x\bigm)`, 'x');
    expect(err(L`p(y \bigm| x)`).message).toContain('middle bar');
    expect(err(L`\left(x \middle| y\right)`).code).toBe('E_PARSE_UNSUPPORTED');
    expect(err(L`p(y \mid x)`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe('norms', () => {
  it('should read every spelling of the Euclidean and l1 norms as norm and norm1, never as |x| (wrong for a vector)', () => {
    for (const t of [L`\|x\|`, L`\|x\|_2`, L`\lVert x \rVert`, L`\left\| x \right\|`, L`\Vert x \Vert`]) expect(toPlain(parseLatex(t)), t).toBe('norm(x)');
    expect(toPlain(parseLatex(L`\|x\|_1`))).toBe('norm1(x)');
    expect(toPlain(parseLatex(L`\frac{1}{2}\|w\|^2`))).toBe('1/2*norm(w)^2');
  });

  it('should refuse other norms by name, pointing at the subscript', () => {
    const e = err(L`a + \|x\|_p`);
    expect(e.code).toBe('E_PARSE_UNSUPPORTED');
    expect(e.message).toContain('not read');
    expect(e.span.start).toBe(9);
  });
});

describe('products', () => {
  it('should read \\cdot, \\times, \\ast and juxtaposition alike', () => {
    const ab = mul(sym('a'), sym('b'));
    for (const t of [L`a \cdot b`, L`a \times b`, L`a \ast b`, 'a b', 'ab']) eq(t, ab);
  });

  it('should read \\odot as an ordinary (commutative) product without shapes, and as hadamard with them (tests/parse/matrix-words.test.ts)', () => {
    eq(L`a \odot b`, mul(sym('a'), sym('b')));
    expect(parseLatex(L`a \odot b`, { shapes: new Map() })).toEqual(call('hadamard', [sym('a'), sym('b')]));
  });
});

describe('transposes', () => {
  it('should read every spelling of the transpose of a letter as transpose', () => {
    for (const t of [L`x^T`, L`x^\top`, L`x^{\top}`, L`x^{\mathsf T}`, L`x^{\mathsf{T}}`, L`x^\mathsf{T}`, L`x^\intercal`, L`x^{\intercal}`, L`x^{T}`, L`x^{\mathrm{T}}`]) eq(t, transpose(x));
  });

  it('should read a quadratic form with any spelling of the transpose the same way', () => {
    same(L`x^\top A x`, 'x^T A x');
    same(L`\mathbf{x}^{\mathsf T} \mathbf{A} \mathbf{x}`, 'x^T A x');
  });
});

describe('derivatives and function notation', () => {
  it('should read primes on an unknown function and on a known one', () => {
    eq(L`f'(x)`, call("f'", [x]));
    eq(L`f''(x)`, call("f''", [x]));
    eq(L`\sigma'(z)`, deriv(call('sigma', [sym('z')]), sym('z')));
  });

  it('should read the second derivative in Leibniz form and \\nabla', () => {
    const h = sym('h');
    eq(L`\frac{d^2 h}{dx^2}`, deriv(deriv(h, x), x));
    eq(L`\nabla_w L`, deriv(sym('L'), sym('w')));
    eq(L`\nabla_{\mathbf{w}} L`, deriv(sym('L'), sym('w')));
  });

  it('should read f(x), g(h(x)) and \\phi(z) as unknown functions', () => {
    eq('f(x)', call('f', [x]));
    eq('g(h(x))', call('g', [call('h', [x])]));
    eq(L`\phi(z)`, call('phi', [sym('z')]));
  });
});

describe('sums and big operators', () => {
  const k = sym('k');
  const j = sym('j');
  it('should read a sum with its range', () => {
    eq(L`\sum_{k=1}^{n} x_k`, call('sum', [sym('x', [k]), k, num(1), sym('n')]));
  });

  it('should read \\sum_k and \\sum_{k} over the unstated range 1..K', () => {
    const want = call('sum', [sym('x', [k]), k, num(1), sym('K')]);
    eq(L`\sum_k x_k`, want);
    eq(L`\sum_{k} x_k`, want);
    eq(L`\sum_k y_k \log \hat{y}_k`, call('sum', [mul(sym('y', [k]), call('log', [sym('yhat', [k])])), k, num(1), sym('K')]));
  });

  it('should read \\sum_{j \\ne y} as the sum without j = y, exactly (1 - delta)', () => {
    const body = call('exp', [sym('z', [j])]);
    eq(L`\sum_{j \ne y} e^{z_j}`, call('sum', [mul(body, add(num(1), neg(call('delta', [j, y])))), j, num(1), sym('J')]));
    same(L`\sum_{j \neq y} e^{z_j}`, L`\sum_{j \ne y} e^{z_j}`);
  });

  it('should refuse a sum or a maximum whose range it cannot read, and \\prod, \\int, \\lim by name', () => {
    expect(err(L`\sum_{j < y} x_j`).code).toBe('E_PARSE_UNSUPPORTED');
    expect(err(L`\sum_{\alpha} x`).code).toBe('E_PARSE_UNSUPPORTED');
    expect(err(L`\max_{j < n} z_j`).message).toContain('the range of this \\max is not read');
    expect(err(L`\min_{i}^{n} z_i`).message).toContain('an upper limit without a lower one');
    expect(err(L`\prod_{k=1}^{n} x_k`).message).toContain('\\prod');
    expect(err(L`\int_0^1 x dx`).message).toContain('an integral');
    expect(err(L`\lim_{n} x`).message).toContain('a limit');
  });
});

describe('indicators', () => {
  const k = sym('k');
  it('should read the indicator of an equality of indices as the Kronecker delta', () => {
    const d = call('delta', [y, k]);
    for (const t of [L`\mathbb{1}[y = k]`, L`\mathbb{1}\{y = k\}`, L`\mathbf{1}[y = k]`, L`\mathbb{1}_{y = k}`, L`\mathbb{1}\left[y = k\right]`, L`\mathbb{1}\left\{y = k\right\}`]) eq(t, d);
    eq(L`\mathbb{1}[j \ne k]`, add(num(1), neg(call('delta', [sym('j'), k]))));
    eq(L`\sum_{k=1}^{K} \mathbb{1}\{y = k\} \log p_k`, call('sum', [mul(call('delta', [y, k]), call('log', [sym('p', [k])])), k, num(1), sym('K')]));
  });

  it('should read the indicator of a comparison exactly, with the sign of the difference (0 where the sides are equal, unlike the step function)', () => {
    const s = (d: Expr): Expr => call('sign', [d]);
    const half = num(1, 2);
    const pos = (d: Expr): Expr => mul(half, add(pow(s(d), num(2)), s(d)));
    const negative = (d: Expr): Expr => mul(half, add(pow(s(d), num(2)), neg(s(d))));
    const t = sym('t');
    eq(L`\mathbb{1}[x > 0]`, pos(x));
    eq(L`\mathbb{1}\{x < 2\}`, negative(add(x, neg(num(2)))));
    eq(L`\mathbb{1}[t \le 0]`, add(num(1), neg(pos(t))));
    eq(L`\mathbf{1}\{t \geq 1\}`, add(num(1), neg(negative(add(t, neg(num(1)))))));
    eq(L`\mathbb{1}\left[s_j - s_y + \Delta > 0\right]`, pos(add(sym('s', [sym('j')]), neg(sym('s', [y])), sym('Delta'))));
  });

  it('should refuse other indicators: an indexed label, no bracket, two relations', () => {
    expect(err(L`\mathbb{1}\{y_i = k\}`).message).toContain('indexed label');
    expect(err(L`\mathbb{1}[0 < x < 1]`).code).toBe('E_PARSE_UNCLOSED');
    expect(err(L`\mathbb{1}[x \approx 1]`).message).toContain('indicator of this condition is not read');
    expect(err(L`\mathbb{1} x`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe('environments, quantifiers and implications', () => {
  it('should read cases that are exactly ReLU, |x|, max or min, in any order and with either comparison', () => {
    const relu = call('relu', [x]);
    eq(L`\begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}`, relu);
    eq(L`\begin{cases} x, & \text{if } x \ge 0, \\ 0, & \text{else} \end{cases}`, relu);
    eq(L`\begin{cases} 0 & x \le 0 \\ x & x > 0 \end{cases}`, relu);
    eq(L`\begin{cases} x & x \geq 0 \\ -x & x < 0 \end{cases}`, call('abs', [x]));
    eq(L`\begin{cases} a & a \ge b \\ b & \text{otherwise} \end{cases}`, call('max', [sym('a'), sym('b')]));
    eq(L`\begin{cases} b & a > b \\ a & \text{otherwise} \end{cases}`, call('min', [sym('a'), sym('b')]));
    eq(L`2 + \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}`, add(num(2), call('relu', [sym('z')])));
  });

  it('should read two rows that differ by a constant multiple of their split condition as a max or a min', () => {
    const t = sym('t');
    const oneMinusT = add(num(1), neg(t));
    eq(L`\begin{cases} 1 - t & t < 1 \\ 0 & t \ge 1 \end{cases}`, call('max', [oneMinusT, num(0)]));
    eq(L`\begin{cases} 0 & t \ge 1 \\ 1 - t & \text{otherwise} \end{cases}`, call('max', [num(0), oneMinusT]));
    // 2t - 2 = 2 (t - 1) on t > 1 is the larger row: a max; 1 - t on t > 1 is the smaller: a min.
    eq(L`\begin{cases} 2t - 2 & t > 1 \\ 0 & t \le 1 \end{cases}`, call('max', [add(mul(num(2), t), num(-2)), num(0)]));
    eq(L`\begin{cases} 1 - t & t > 1 \\ 0 & t \le 1 \end{cases}`, call('min', [oneMinusT, num(0)]));
  });

  it('should read cases on i = j and i \\ne j between indices with the Kronecker delta', () => {
    const [i, j, a, b] = [sym('i'), sym('j'), sym('a'), sym('b')];
    const d = call('delta', [i, j]);
    const want = add(mul(a, d), mul(b, add(num(1), neg(d))));
    eq(L`\begin{cases} a & i = j \\ b & i \ne j \end{cases}`, want);
    eq(L`\begin{cases} b & i \neq j \\ a & i = j \end{cases}`, want);
    eq(L`\begin{cases} a & \text{if } i = j \\ b & \text{otherwise} \end{cases}`, want);
  });

  it('should read other total rows under complementary comparisons by their indicators, exactly at the split point', () => {
    // Huber: ½r² where |r| ≤ δ, δ(|r| − ½δ) elsewhere; each row times the indicator of its condition (latex-indicator.ts).
    const at = (tex: string, values: Record<string, number>): number => {
      const e = parseLatex(tex);
      const names = Object.keys(values);
      return compile(e, names.map((n) => sym(n)))(names.map((n) => values[n] as number));
    };
    const huber = L`\begin{cases} \tfrac12 r^2 & |r| \le \delta \\ \delta\bigl(|r| - \tfrac12\delta\bigr) & |r| > \delta \end{cases}`;
    expect([at(huber, { r: 0.5, delta: 1 }), at(huber, { r: -3, delta: 1 }), at(huber, { r: 1, delta: 1 })]).toEqual([0.125, 2.5, 0.5]);
    const jump = L`\begin{cases} 1 - t & t < 1 \\ 1 & t \ge 1 \end{cases}`;
    expect([at(jump, { t: 0 }), at(jump, { t: 1 }), at(jump, { t: 2 })]).toEqual([1, 1, 1]);
    const step = L`\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}`;
    expect([at(step, { x: -1 }), at(step, { x: 0 }), at(step, { x: 2 })]).toEqual([0, 0, 1]);
    // Two strict conditions leave the split point out: the first row's value there, and the reading says so (its gap).
    const gap = L`\begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}`;
    expect([at(gap, { x: -1 }), at(gap, { x: 0 }), at(gap, { x: 2 })]).toEqual([0, 1, 1]);
    const r = parseLatexReadings(gap).readings.find((k) => k.kind === 'cases');
    expect(r?.gap === undefined ? undefined : toPlain(r.gap)).toBe('x');
  });

  it('should refuse other cases: rows not defined everywhere, overlapping or missing regions, other conditions', () => {
    for (const t of [
      L`\begin{cases} \log x & x > 0 \\ 0 & \text{otherwise} \end{cases}`,
      L`\begin{cases} \frac{1}{x} & x > 0 \\ 0 & x \le 0 \end{cases}`,
      L`\begin{cases} x & x > 1 \\ 0 & x \le 0 \end{cases}`,
      L`\begin{cases} x & x > 0 \\ 0 & y \le 0 \end{cases}`,
      L`\begin{cases} x & x = 0 \\ 0 & \text{otherwise} \end{cases}`,
      L`\begin{cases} f(t) & t < 1 \\ 0 & t \ge 1 \end{cases}`,
      L`\begin{cases} a & i = j \\ b & i \ne k \end{cases}`,
      L`\begin{cases} a & i = j_1 \\ b & \text{otherwise} \end{cases}`,
      L`\begin{cases} x & x > 0 \\ 1 & x = 0 \\ 0 & x < 0 \end{cases}`,
    ]) {
      const e = err(t);
      expect(e.code, t).toBe('E_PARSE_UNSUPPORTED');
      expect(e.message, t).toContain('piecewise');
    }
  });

  it('should refuse \\begin{cases} over its whole span, naming the piecewise definition', () => {
    const t = L`\begin{cases} \log x & x > 0 \\ 0 & \text{otherwise} \end{cases}`;
    const e = err(t);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNSUPPORTED', 0, t.length]);
    expect(e.message).toContain('piecewise');
    expect(err(L`\begin{pmatrix} a & b \end{pmatrix}`).message).toContain('matrix');
    expect(err(L`\begin{cases} x`).code).toBe('E_PARSE_UNCLOSED');
  });

  it('should refuse each quantifier and implication naming the command', () => {
    for (const c of ['forall', 'exists', 'Rightarrow', 'implies', 'iff', 'Leftrightarrow', 'leftarrow', 'rightarrow']) {
      const t = c === 'forall' || c === 'exists' ? `\\${c} x` : `a \\${c} b`;
      const e = err(t);
      expect(e.code, t).toBe('E_PARSE_UNSUPPORTED');
      expect(e.message, t).toContain(`'\\${c}'`);
      expect(e.message, t).toContain('quantifiers/implications are not read');
    }
  });
});

describe('misreadings that must not come back', () => {
  it('should keep pow for ordinary superscripts', () => {
    eq(L`x^{2}`, pow(x, num(2)));
    eq(L`\gamma^T`, pow(sym('gamma'), sym('T')));
  });
});

describe('logarithms to a base, ∂L/∂z typed with a slash, unicode', () => {
  it('should read \\log_b x as log x / log b (the change of base, exact)', () => {
    const log = (e: Expr): Expr => call('log', [e]);
    eq(L`\log_2 8`, div(log(num(8)), log(num(2))));
    eq(L`\log_2 x`, div(log(x), log(num(2))));
    eq(L`\log_{b}(x y)`, parseLatex(L`\frac{\log(x y)}{\log b}`));
    eq(L`\log_{10} x^2`, parseLatex(L`\frac{\log x^2}{\log 10}`));
    eq(L`\log_2^2 x`, pow(parseLatex(L`\frac{\log x}{\log 2}`), num(2)));
    eq(L`\log_2 x + 1`, add(parseLatex(L`\frac{\log x}{\log 2}`), num(1)));
    expect(err(L`\ln_2 x`).message).toContain('\\ln_{…} is not read');
    expect(err(L`\log_2`).code).toBe('E_PARSE_UNEXPECTED_END');
  });

  it('should read \\partial L / \\partial z_i as the partial derivative of the variable L, and refuse another numerator', () => {
    const zi = sym('z', [sym('i')]);
    eq(L`\partial L / \partial z_i`, deriv(sym('L'), zi));
    eq(L`\partial L/\partial z_i - p_i`, add(deriv(sym('L'), zi), neg(sym('p', [sym('i')]))));
    eq('∂L/∂z_i', deriv(sym('L'), zi));
    expect(err(L`\partial (x^2) / \partial x`).message).toContain('\\partial L / \\partial w');
    expect(err(L`\partial L`).code).toBe('E_PARSE_UNSUPPORTED');
    const e = err(L`1 + \partial`);
    expect([e.line, e.col]).toEqual([1, 5]);
  });

  it('should read Greek letters, ∂, ≤ and the product and minus signs typed as characters', () => {
    same('σ(x) + π', L`\sigma(x) + \pi`);
    same('2·x − 1', L`2 \cdot x - 1`);
    same('η × λ', L`\eta \times \lambda`);
    expect(err('x ≤ 1').message).toContain("'\\le'");
  });
});

describe('sums written out with \\dots', () => {
  const [j, n] = [sym('j'), sym('n')];
  const sub = (name: string, ...i: Expr[]): Expr => sym(name, i);
  it('should read a_1 + \\dots + a_n as a sum over the index where the pattern is unambiguous', () => {
    eq(L`w_0 + w_1 x_1 + \dots + w_n x_n`, add(sub('w', num(0)), call('sum', [mul(sub('w', j), sub('x', j)), j, num(1), n])));
    eq(L`a_1 + a_2 + \cdots + a_n`, call('sum', [sub('a', j), j, num(1), n]));
    eq(L`a_0 + a_1 + \ldots + a_5`, call('sum', [sub('a', j), j, num(0), num(5)]));
    eq(L`1 + 2 + \dots + n`, call('sum', [j, j, num(1), n]));
    eq(L`a_1 + \dots + a_{n-1} + b`, add(call('sum', [sub('a', j), j, num(1), add(n, num(-1))]), sym('b')));
    eq(L`j_1 + \dots + j_n`, call('sum', [sub('j', sym('k')), sym('k'), num(1), n]));
  });

  it('should refuse \\dots where the pattern or the step is not clear, naming \\dots', () => {
    for (const t of [L`x_1 + x_3 + \dots + x_{2n-1}`, L`x_3 + \dots + x_n`, L`x_1 y_2 + \dots + x_n y_{n+1}`, L`a_1 + a_2 + \dots`, L`a_1 + \dots + a_0`, L`x_1 \cdots x_n`, L`\dots + a_n`]) {
      const e = err(t);
      expect(e.code, t).toBe('E_PARSE_UNSUPPORTED');
      expect(e.message, t).toMatch(/\\(c|l)?dots/);
    }
    const e = err(L`a + x_1 + \dots`);
    expect([e.line, e.col]).toEqual([1, 11]);
  });
});

/**
 * Short homework answers written the way students write them: `$$\begin{aligned}`
 * on the fence line, inline relations, \tilde y, \Bigl( … \Bigr), shapes in
 * prose, a function by cases in prose, a boxed answer, a typo. Each wrong
 * relation must fail at its own line:col, no correct one may fail, and every
 * relation is accounted for (judged, a definition, or not read with a reason).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

/** `line:col verdict` of every step, and `line:col not read` of every not-read entry. */
function marks(source: string): Map<string, string> {
  const r = checkDocument(checker, source, 'markdown');
  const out = new Map<string, string>();
  for (const s of r.chains.flatMap((c) => c.steps)) out.set(`${s.line}:${s.col}`, s.verdict);
  for (const n of r.notRead) out.set(`${n.line}:${n.col}`, 'not read');
  return out;
}

const logistic = String.raw`## HW3 Q2 — logistic regression (my answer)

Let $\tilde y = \sigma(w^\top x + b)$ where $\sigma(z) = \frac{1}{1 + e^{-z}}$, and the loss is $\ell = -\bigl(y\log\tilde y + (1-y)\log(1-\tilde y)\bigr)$ with $y \in \{0, 1\}$.

First, $\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr)$. Then

$$\begin{aligned}
\frac{\partial \ell}{\partial b} &= -\Bigl(\frac{y}{\tilde y} - \frac{1-y}{1-\tilde y}\Bigr)\,\tilde y(1-\tilde y) \\
&= -\bigl(y(1-\tilde y) - (1-y)\tilde y\bigr) \\
&= \tilde y - y
\end{aligned}$$

so the gradient is $\tilde y - y$, which is in $(-1, 1)$.

Sanity check at $z = 0$: $\sigma(0) = \tfrac12$ and $\sigma'(0) = \tfrac14$.

A classmate wrote $\frac{\partial \ell}{\partial b} = y - \tilde y$ (sign wrong), and also $\sigma'(z) = \sigma(z)^2$ which is wrong.

Also $\log(1-\tilde y) = -\log(1 + e^{w^\top x + b})$, and a typo version $$\sigma(-z) = 1 - \sigma(z$$
`;

const linearLayer = String.raw`# Problem 4: a linear layer

Here $W \in \mathbb{R}^{m \times n}$, $x$ is an $n$-vector and $b \in \mathbb{R}^m$, and $h = Wx + b$.
The loss is $L = \tfrac12\|h - t\|^2$ for a target $t \in \mathbb{R}^m$.

$$\begin{aligned} \frac{\partial L}{\partial h} &= h - t \end{aligned}$$

so by the chain rule $\frac{\partial L}{\partial W} = (h - t)\,x^\top$ and $\frac{\partial L}{\partial b} = h - t$.

Wrong attempt: $\frac{\partial L}{\partial W} = x\,(h - t)^\top$.

Scalars: for $a > 0$, $\Bigl(\sqrt{a}\Bigr)^2 = a$ and $\log\bigl(a^2\bigr) = 2\log a$; however $\sqrt{a^2} = -a$ is false.

The answer: $\boxed{\frac{\partial L}{\partial b} = h - t}$.
`;

const softplus = String.raw`**Q5.** Softplus and its derivative.

We define $s(x) = \log\bigl(1 + e^{x}\bigr)$. Then $s'(x) = \sigma(x)$ and $s(x) - s(-x) = x$.

$$\begin{aligned}s(x) &\ge \max(0, x) \\ s(x) &\le \max(0,x) + \log 2\end{aligned}$$

At $x = 0$ we get $s(0) = \log 2$, and $s''(0) = \tfrac14$.

Huber-like piece: let $f(u) = u^2$ for $|u| \le 1$ and $f(u) = 2|u| - 1$ otherwise. Then $f'(u) = 2u$ for every $u$, which is wrong; the right claim is $f(u) \le u^2$.

Mistake: $s(x) + s(-x) = x$.
`;

describe('hostile homework: logistic regression with \\tilde y, \\Bigl and an aligned display on the fence line', () => {
  const m = marks(logistic);
  it('refutes the sign-flipped gradient, though its definition hides w^T x (read at size 1), and σ\' = σ²', () => {
    expect([m.get('17:55'), m.get('17:106')]).toEqual(['fails', 'fails']);
  });
  it('proves the aligned steps and the values at 0, and fails no correct relation', () => {
    expect([m.get('9:4'), m.get('10:4'), m.get('15:39'), m.get('15:67'), m.get('5:22')]).toEqual(['proved', 'proved', 'proved', 'proved', 'proved']);
    for (const at of ['3:58', '8:37', '19:26']) expect(m.get(at), at).not.toBe('fails');
  });
  it('lists the typo (an unclosed bracket) as not read at its place', () => {
    expect(m.get('19:102')).toBe('not read');
  });
});

describe('hostile homework: a linear layer with shapes in prose and a norm of h − t', () => {
  const m = marks(linearLayer);
  it('reads h from its definition (not as an n-vector guessed from the norm) and judges the gradients under the shapes', () => {
    expect([m.get('6:52'), m.get('8:55'), m.get('8:109'), m.get('14:53')]).toEqual(['holds', 'holds', 'holds', 'holds']);
    expect(m.get('10:49')).toBe('fails');
  });
  it('judges the claim right after "for $a > 0$," with that domain', () => {
    expect([m.get('12:49'), m.get('12:79'), m.get('12:111')]).toEqual(['proved', 'proved', 'fails']);
  });
});

describe('hostile homework: softplus, and a function by cases in prose', () => {
  const m = marks(softplus);
  it('judges the softplus identities and bounds', () => {
    expect([m.get('3:61'), m.get('3:92'), m.get('5:28'), m.get('5:52'), m.get('7:27'), m.get('7:50')]).toEqual(['proved', 'holds', 'holds', 'holds', 'proved', 'proved']);
    expect(m.get('11:26')).toBe('fails');
  });
  it('reads "f(u) = u^2 for |u| ≤ 1 and f(u) = 2|u| − 1 otherwise" as one definition by cases', () => {
    expect([m.get('9:31'), m.get('9:64'), m.get('9:99'), m.get('9:163')]).toEqual(['definition', 'definition', 'fails', 'holds']);
  });
});

describe('hostile homework: softmax regression with "$\\mathbf{p}$ the vector of the $p_k$"', () => {
  const doc = String.raw`The loss is $L = -\log p_y$, where $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $\mathbf{z} = W\mathbf{x}$. Here $\mathbf{x}$ is an $n$-vector and $W \in \mathbb{R}^{K\times n}$, so $\mathbf{z}$ is a $K$-vector.

With $\mathbf{e}_y$ the one-hot vector of the label and $\mathbf{p}$ the vector of the $p_k$, \(\nabla_W L = (\mathbf{p} - \mathbf{e}_y)\,\mathbf{x}^{\mathsf T}\).

A student wrote \(\nabla_W L = \mathbf{x}\,(\mathbf{p} - \mathbf{e}_y)^{\mathsf T}\).
`;
  it('refutes the transposed gradient by its shapes (K×n against n×K), and does not refute the right one', () => {
    const m = marks(doc);
    expect(m.get('5:32')).toBe('fails');
    expect(m.get('3:110')).toBe('undecided');
  });
  it('refutes nothing by shapes when a letter in the claim has no known shape (δ may be a vector never sized)', () => {
    const m = marks(doc.replace(String.raw`\mathbf{x}\,(\mathbf{p} - \mathbf{e}_y)^{\mathsf T}`, String.raw`\mathbf{x}\,\boldsymbol{\delta}^{\mathsf T}`));
    expect(m.get('5:32')).not.toBe('fails');
  });
});

describe('hostile homework: a chain rule with labelled signs and σ\'(u) for a defined u', () => {
  const doc = String.raw`## Q3 — chain rule with labels

Let $u = 3x^2$ and $h = \sigma(u)$.

$$\begin{aligned}
\frac{dh}{dx} &\stackrel{(a)}{=} \sigma'(u)\,\frac{du}{dx} \\
&\overset{\text{chain rule}}{=} \sigma(u)\bigl(1-\sigma(u)\bigr)\cdot 6x \\
&\stackrel{(b)}{=} 6x\,h(1-h)
\end{aligned}$$

where (a) is the chain rule and (b) uses $h = \sigma(u)$.

A wrong version: $$\frac{dh}{dx} \overset{?}{=} 3x\,h(1-h)$$
`;
  it('reads σ\'(u) as σ\' at the defined u (not a derivative by u), proves the chain and refutes the wrong factor', () => {
    const m = marks(doc);
    expect([m.get('6:34'), m.get('7:33'), m.get('8:20'), m.get('13:49')]).toEqual(['proved', 'proved', 'proved', 'fails']);
  });
});

describe('conditions written on one row of an aligned display, or under a sign', () => {
  it('states "\\quad \\text{for all } a, b > 0" closing a row for that row only', () => {
    const doc = '$$\\begin{aligned} \\log(ab) &= \\log a + \\log b \\quad \\text{for all } a, b > 0 \\\\ \\sqrt{x^2} &= x \\end{aligned}$$\n';
    expect([...marks(doc).values()]).toEqual(['proved', 'fails']);
  });
  it('states the condition of a row that continues the step above for that step (whose left side is on the row above)', () => {
    const doc = '$$\\begin{aligned} f &= \\log(ab) \\\\ &= \\log a + \\log b \\quad \\text{for } a, b > 0 \\end{aligned}$$\n';
    expect([...marks(doc).values()].filter((v) => v === 'fails' || v === 'proved' || v === 'holds')).toEqual(['proved']);
  });
  it('lists a relation whose sign carries a condition (\\underset{x > 1}{>}) as not read, never judged without it', () => {
    expect([...marks('$$x^2 - 1 \\underset{x > 1}{>} 0$$\n').values()]).toEqual(['not read']);
  });
});

/**
 * Red-team session 6: inputs written the way students and course notes write
 * them that made gradtex say something stronger than the truth (a false
 * relation `proved` or `holds`, a true one `fails`), change an expression
 * silently, or drop a relation without a word. Each test pins the correct,
 * weaker-or-right verdict. A test marked `it.fails` is a break not fixed yet:
 * it turns red when the engine is fixed (then drop the `.fails`).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import type { DocumentKind } from '../../src/check/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

/** `line: verdict` of every judged step (definitions left out). */
function verdicts(source: string, kind: DocumentKind = 'markdown'): string[] {
  const r = checkDocument(checker, source, kind);
  return r.chains.flatMap((c) => c.steps).filter((s) => s.verdict !== 'definition').map((s) => `${s.line}: ${s.verdict}`);
}

/** How many relations the report accounts for: judged steps, definitions and not-read entries. */
function accounted(source: string, kind: DocumentKind = 'markdown'): number {
  const r = checkDocument(checker, source, kind);
  return r.chains.flatMap((c) => c.steps).length + r.notRead.length;
}

const strong = (v: string): boolean => /: (proved|holds)$/.test(v);

describe('known breaks (not fixed here): each pins the correct verdict', () => {
  // gradtex said proved (\mathbf/\vec dropped, × read as a scalar product); true: a × b = −(b × a). Fixed: \times next to a bold operand is not read.
  it('does not prove a × b = b × a for bold or arrowed vectors', () => {
    expect(verdicts('$$\\mathbf{a} \\times \\mathbf{b} = \\mathbf{b} \\times \\mathbf{a}$$\n').filter(strong)).toEqual([]);
    expect(verdicts('$$\\vec{a}\\times\\vec{b} = \\vec{b}\\times\\vec{a}$$\n').filter(strong)).toEqual([]);
  });

  // gradtex says proved (both read as the scalar a·b); true: for column vectors a b is not defined (or is an outer product), a·b = aᵀb.
  it('does not prove a · b = a b for bold vectors', () => {
    expect(verdicts('$$\\mathbf{a} \\cdot \\mathbf{b} = \\mathbf{a}\\mathbf{b}$$\n').filter(strong)).toEqual([]);
  });

  // gradtex says proved; true: x² of a vector is not defined (x·x is ‖x‖², a scalar; x ⊙ x is a vector).
  it('does not prove x · x = x^2 for a bold vector', () => {
    expect(verdicts('$$\\mathbf{x} \\cdot \\mathbf{x} = \\mathbf{x}^2$$\n').filter(strong)).toEqual([]);
  });

  // gradtex said proved (Σ read as a commuting scalar; fixed: capital Greek letters look like matrices, lower-case Greek may be arrays); true: Σμ is a vector, μΣ is not defined for a covariance matrix Σ.
  it('does not prove Σμ = μΣ or Σ^{-1}μ = μΣ^{-1} (a capital Greek matrix next to a vector)', () => {
    expect(verdicts('$$\\Sigma\\mu = \\mu\\Sigma$$\n').filter(strong)).toEqual([]);
    expect(verdicts('$$\\Sigma^{-1}\\boldsymbol{\\mu} = \\boldsymbol{\\mu}\\Sigma^{-1}$$\n').filter(strong)).toEqual([]);
  });

  // gradtex said holds / proved (the framework convention relu'(0) = 1/2, |x|'(0) = 0, max tie split in half);
  // true: none of g, f, u is differentiable at that point (left and right derivatives differ). Fixed: kink-derivatives.ts.
  it('does not accept a value for the derivative of a defined kinked function at its kink', () => {
    expect(verdicts('We define $g(z) = \\max(0, z)$.\n\n$$g\'(0) = \\frac{1}{2}$$\n').filter(strong)).toEqual([]);
    expect(verdicts('Let $f(x) = |x|$.\n\n$$f\'(0) = 0$$\n').filter(strong)).toEqual([]);
    expect(verdicts('Let $u(x) = \\max(x, 2 - x)$.\n\n$$u\'(1) = 0$$\n').filter(strong)).toEqual([]);
  });

  // gradtex says fails "at x = 0: left side = 0.5" (relu'(0) taken as 1/2); true: the two sides agree wherever relu is
  // differentiable, and at 0 the left side is not defined (README: proved means true wherever the left side is defined).
  it('does not refute d/dx ReLU(x) = 1[x > 0] at the kink', () => {
    expect(verdicts('$$\\frac{d}{dx}\\mathrm{ReLU}(x) = \\mathbb{1}[x > 0]$$\n')).not.toContain('1: fails');
    expect(verdicts('$$\\frac{d}{dx}\\mathrm{ReLU}(x) = \\mathbb{1}[x \\ge 0]$$\n')).not.toContain('1: fails');
  });

  // gradtex said fails, reading "x = x x" and "σ(x) = 1 − σ(−x) x" (the words dropped, the x after them multiplied in);
  // true: both identities hold for every x; the words are a quantifier. Fixed: read like \forall x (judge-math.ts).
  it('does not turn "\\text{ for all } x" after a relation into a factor', () => {
    expect(verdicts('$$x = x \\text{ for all } x$$\n')).not.toContain('1: fails');
    expect(verdicts('$$\\sigma(x) = 1 - \\sigma(-x) \\text{ for every real } x$$\n')).not.toContain('1: fails');
  });

  // gradtex said nothing (0 relations found: `\, x = x` was taken for a trailing index condition "x = x" and the display
  // left with no relation); true: W x = x is a claim (false in general) and must be judged or listed as not read.
  // Fixed: an index condition needs a relation before it (index-conditions.ts).
  it('accounts for W\\,x = x and c\\,y = y (a thin space before the last factor)', () => {
    expect(accounted('$$W\\,x = x$$\n')).toBe(1);
    expect(accounted('$$c\\,y = y$$\n')).toBe(1);
    expect(verdicts('$$c\\,y = y$$\n').filter(strong)).toEqual([]);
  });
});

describe('relation signs with a label over them (fixed)', () => {
  // gradtex said nothing and exited 0 ("0 relations found"): the = inside \stackrel{…}{=}, \overset{…}{=} or
  // \mathrel{=} was not seen as a relation, so the display was taken for an expression; true: x = x + 1 is false, and a
  // relation must be judged or listed as not read. Fixed: the label is blanked, the sign kept (split-relations.ts).
  it('accounts for x \\stackrel{(a)}{=} … and x \\overset{(a)}{=} x + 1', () => {
    expect(accounted('$$x \\stackrel{(a)}{=} 2x - x \\stackrel{(b)}{=} x + 1$$\n')).toBeGreaterThan(0);
    expect(accounted('$$x \\overset{(a)}{=} x + 1$$\n')).toBeGreaterThan(0);
    expect(accounted('$$x \\mathrel{=} x + 1$$\n')).toBeGreaterThan(0);
    expect(accounted('\\begin{equation}\nx \\stackrel{?}{=} x + 1\n\\end{equation}\n', 'tex')).toBeGreaterThan(0);
  });
});

describe('relations inside a group or behind an unlisted sign (fixed)', () => {
  // gradtex said "0 relations found" and exited 0 for each; true: x = x + 1 (or x ≲ x − 1) is a relation that must be
  // judged or listed as not read. \boxed{…} around a final answer is how many students write it. Fixed: wrappers of a
  // whole relation are unwrapped, a relation in a font's argument and the signs ≲ ≐ ≂ are listed as not read.
  it('accounts for \\boxed{x = x + 1}, \\color{red}{…}, {…}, \\mathbf{…} and the signs \\lesssim, \\doteq, \\eqsim', () => {
    const dropped = ['\\boxed{x = x + 1}', '\\color{red}{x = x + 1}', '\\textcolor{red}{x = x + 1}', '{x = x + 1}', '\\mathbf{x = x + 1}', 'x \\lesssim x - 1', 'x \\doteq x + 1', 'x \\eqsim x + 1'];
    expect(dropped.filter((m) => accounted(`$$${m}$$\n`) === 0)).toEqual([]);
  });
});

describe('a piecewise definition written in prose (fixed: prose-cases.ts reads the pieces as one definition by cases)', () => {
  const piecewise = 'Let $g(x) = x^2$ for $x > 0$ and $g(x) = -x^2$ otherwise.\n\n';
  // gradtex said fails (the second piece read as a redefinition, x > 0 as a fact for the section); true: g(x) = x|x|,
  // so g'(x) = 2|x| for every x.
  it('does not refute g\'(x) = 2|x|', () => {
    expect(verdicts(`${piecewise}$$g'(x) = 2|x|$$\n`)).not.toContain('3: fails');
  });
  // gradtex said "defines g(x)" (0 relations found, exit 0); true: g is defined already, so g(x) = x^5 is a claim (false).
  it('judges the claim g(x) = x^5 after it instead of taking it for a third definition', () => {
    expect(verdicts(`${piecewise}$$g(x) = x^5$$\n`)).toEqual(['3: fails']);
  });
  it('reads the pieces with a condition each, and a claim after a piecewise definition it cannot read is undecided, not a new definition', () => {
    expect(verdicts("Let $g(x) = x^2$ for $x > 0$ and $g(x) = -x^2$ for $x \\le 0$.\n\n$$g'(x) = 2x$$\n")).toEqual(['3: fails']);
    const unread = 'Let $g(x) = \\log x$ for $x > 0$ and $g(x) = 0$ otherwise.\n\n$$g(x) = x^5$$\n';
    expect(verdicts(unread)).toEqual(['3: undecided']);
    expect(checkDocument(checker, unread, 'markdown').notRead.map((n) => `${n.line}:${n.col}`)).toEqual(['1:13', '1:45']);
  });
});

describe('a Greek letter declared a vector in prose, δ ∈ ℝ^m (known break)', () => {
  const shapes = 'Let $W \\in \\mathbb{R}^{m\\times n}$, $x \\in \\mathbb{R}^n$, $\\delta \\in \\mathbb{R}^m$.\n\n';
  // gradtex says holds (δ's shape is not recorded, δ^⊤ read as δ, a scalar); true: δ W x is not defined (m-vector times m×n).
  it('does not accept δ^⊤ W x = δ W x', () => {
    expect(verdicts(`${shapes}$$\\delta^\\top W x = \\delta W x$$\n`).filter(strong)).toEqual([]);
  });
  // gradtex says fails ("the left side is m, the right side 1×m"); true: a scalar equals its transpose, δᵀWx = xᵀWᵀδ.
  it('does not refute δ^⊤ W x = x^⊤ W^⊤ δ', () => {
    expect(verdicts(`${shapes}$$\\delta^\\top W x = x^\\top W^\\top \\delta$$\n`)).not.toContain('3: fails');
  });
  it('judges the same claims with a Latin letter g', () => {
    const latin = 'Let $W \\in \\mathbb{R}^{m\\times n}$, $x \\in \\mathbb{R}^n$, $g \\in \\mathbb{R}^m$.\n\n$$g^\\top W x = x^\\top W^\\top g$$\n\n$$g^\\top W x = g W x$$\n';
    expect(verdicts(latin)).toEqual(['3: holds', '5: fails']);
  });
});

describe('a power law proved by nerdamer outside its domain (known break)', () => {
  // gradtex says proved (nerdamer reduces the difference to 0); true: at x = −1, y = 1/2 the left side is (−1)^1 = −1
  // and the right side ((−1)^{1/2})^2 is not defined, so the claim fails where the left side is defined
  // (`equal 'x^(2*k)' '(x^k)^2' --assume 'k in {1/2}'` says so).
  it('does not prove x^{2y} = (x^y)^2 for every real x and y', () => {
    expect(verdicts('$$x^{2y} = (x^y)^2$$\n')).not.toContain('1: proved');
  });
});

describe('sizes the document fixes (known break)', () => {
  // gradtex says fails "entry (1, 1) differs with n = 2"; true: with n = 1 (stated) A and B are numbers and AB = BA.
  it('does not refute AB = BA at n = 2 when the document says n = 1', () => {
    expect(verdicts('Let $A, B \\in \\mathbb{R}^{n \\times n}$ with $n = 1$.\n\n$$A B = B A$$\n')).not.toContain('3: fails');
  });
});

describe('last session\'s pins still hold (red-team-s5 and the indexed delta)', () => {
  it('refutes the near misses that a sampler could excuse as rounding', () => {
    const doc = '$$\\sigma(x) = \\frac{1 + \\tanh(x/2)}{2} + 10^{-13}$$\n\n$$1 - \\tanh^2(x) = \\frac{4}{(e^{x} + e^{-x})^2} + 10^{-12}$$\n\n$$e^{-800} = 0$$\n\n$$\\log(1 + e^{x}) = x + e^{-x}$$\n';
    expect(verdicts(doc)).toEqual(['1: fails', '3: fails', '5: fails', '7: fails']);
  });
});

describe('saturated tails: sides equal in doubles, different in truth (known breaks)', () => {
  // gradtex says holds (σ(x), tanh(x) round to 1 and log(1 + e^x) to x in doubles for x > 40); true: σ(x) < 1,
  // 1 − tanh²(z) > 0 and log(1 + e^x) > x for every x; the document itself proves σ(x) < 1 next to σ(x) ≥ 1 "holds".
  it('does not report σ(x) = 1, log(1 + e^x) = x, 1 − tanh²(z) = 0, σ(x) ≥ 1 holding on a far tail', () => {
    const doc = 'For $x > 40$: $$\\sigma(x) = 1$$\n\nFor $x > 40$: $$\\log(1 + e^{x}) = x$$\n\nFor $z > 30$: $$1 - \\tanh^2(z) = 0$$\n\nFor $x > 40$: $$\\sigma(x) \\ge 1$$\n';
    expect(verdicts(doc).filter(strong)).toEqual([]);
  });
  it('refutes e^t = 0 on t < −800 and proves σ(x) < 1 there (the single-term and lemma paths)', () => {
    expect(verdicts('For $t < -800$: $$e^{t} = 0$$\n\nFor $x > 40$: $$\\sigma(x) < 1$$\n')).toEqual(['1: fails', '3: proved']);
  });
});

describe('strict inequalities at special points far out or where a term underflows (fixed)', () => {
  // gradtex said holds: the kink x = 100 was sampled, but the check that the equality there is not flat rounding
  // moved x inside the search box (|x| ≤ 25) only; true: |x − 100| = 0 at x = 100.
  it('refutes |x − 100| > 0 and |x − 12345| > 0 at the kink', () => {
    expect(verdicts('$$|x - 100| > 0$$\n\n$$|x - 12345| > 0$$\n')).toEqual(['1: fails', '3: fails']);
  });
  // gradtex said fails "at x = 20: left side = 0" (e^{-800} underflows to 0 in doubles); true: the left side is
  // positive everywhere, so the claim holds.
  it('does not refute ReLU(x − 20) + e^{−40x} > 0 where e^{−800} underflows', () => {
    expect(verdicts('$$\\mathrm{ReLU}(x - 20) + e^{-40x} > 0$$\n\n$$|x - 20| + e^{-40 x} > 0$$\n')).not.toContain('1: fails');
    expect(verdicts('$$|x - 20| + e^{-40 x} > 0$$\n')).not.toContain('1: fails');
  });
  it('still refutes the textbook strict claims at their equality point', () => {
    expect(verdicts('$$\\ln x < x - 1$$\n\n$$e^x > 1 + x$$\n\n$$x(1 - x) < \\frac14$$\n')).toEqual(['1: fails', '3: fails', '5: fails']);
  });
});

describe('inequalities about an unknown function (fixed)', () => {
  // gradtex said holds for f(0) < 0, f'(0) > 0 and f(1) > f(0) (true of the one stand-in it samples f as);
  // true: each is false for most f. Now undecided; a counterexample still refutes, a lemma still proves.
  it('does not report an inequality holding because the stand-in satisfies it', () => {
    expect(verdicts("$$f(0) < 0$$\n\n$$f'(0) > 0$$\n\n$$f(1) > f(0)$$\n")).toEqual(['1: undecided', '3: undecided', '5: undecided']);
  });
  it('still proves f(x)^2 ≥ 0 by its lemma and refutes f(0) > 0 with the stand-in', () => {
    expect(verdicts('$$f(x)^2 \\ge 0$$\n\n$$f(0) > 0$$\n')).toEqual(['1: proved', '3: fails']);
  });
});

/**
 * The table of known functions: one entry per function holding everything
 * gradtex knows about it, read by generic code everywhere else:
 * - input: its names and aliases (plain `softplus`, LaTeX `\operatorname{softplus}`,
 *   `\text{ReLU}`, a command such as `\sigma`), arity, how its inverse is written;
 * - output: its LaTeX form (which also says how tall it prints);
 * - numbers: its value in doubles (`evaluate`) and in every other number
 *   system of src/numeric (`real`: BigNumber, bounded doubles, Taylor jets),
 *   its domain, where it has kinks, the slope that propagates rounding errors;
 * - sign facts for the checker and the rule guards (`positivity`, `zeroOnlyAtZero`);
 * - how nerdamer (the second opinion) spells it, or that it cannot;
 * - the ids of its rules in rules/: the derivative rule and the special
 *   values (σ(0) = 1/2, log 1 = 0), each a named rule with its LaTeX.
 *
 * Adding a function = one entry here + its rules in rules/ (derivative,
 * special values); tests/expr/function-table.test.ts checks that the ids
 * named here exist and that every function has a derivative rule.
 */
import type { Rational } from './rational.js';
import { ratRoot } from './rational.js';
import { erf, erfReal, normalCdf, normalCdfReal, normalPdf, normalPdfReal } from './error-function.js';

/** How a function is typeset in LaTeX. */
export type LatexForm =
  | { readonly form: 'command'; readonly command: string } // \sin(x), \sigma(x), \max\{a, b\}
  | { readonly form: 'operatorname'; readonly name: string } // \operatorname{softplus}(x)
  | { readonly form: 'exp' } // e^{x}
  | { readonly form: 'sqrt' } // \sqrt{x}
  | { readonly form: 'abs' } // \left|x\right|
  | { readonly form: 'norm'; readonly sub: string } // \left\lVert x\right\rVert_{2}
  | { readonly form: 'delta' } // \delta_{i j}
  | { readonly form: 'sum'; readonly command?: string }; // \sum_{k=1}^{c} body (\max_{k=1}^{c} body with command '\\max')

/** Where a function is defined (used for sampling random points). */
export type Domain = 'all' | 'positive' | 'nonnegative' | 'nonzero';

/**
 * Where a function has no derivative, for statements at a point: at a zero
 * of its argument (`zero`: relu, abs, step, sign) or where its two arguments
 * tie (`tie`: max, min). `below` and `above` are its value on either side, in
 * the plain syntax with u, v for the arguments (below: u < 0, or u < v).
 */
export interface Kink {
  readonly at: 'zero' | 'tie';
  /**
   * For `zero`: the quantity in u that is 0 at the kink, when it is not u
   * itself (`1 - u` for the hinge max(0, 1 - u)); `below` and `above` are
   * then the values where it is negative and positive.
   */
  readonly where?: string;
  /** Continuous there (a corner: relu, abs, max) or not (a jump: step, sign). */
  readonly continuous: boolean;
  readonly below: string;
  readonly above: string;
  /** What automatic differentiation in the usual frameworks uses at the point, when it is settled. */
  readonly convention?: string;
}

/** How many digits a sine, cosine or tangent is asked at, at most: decimal.js holds π to about 1025 digits, and its reduction of the argument with guard digits threw "Precision limit exceeded" at 1000. */
const TRIG_DIGITS = 400;

export interface FunctionSpec {
  readonly name: string;
  /** Other spellings accepted on input (plain and LaTeX), e.g. ln for log. */
  readonly aliases: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly latex: LatexForm;
  /** Braces instead of parentheses around the arguments: \max\{a, b\}. */
  readonly braces?: boolean;
  /** The argument's domain; undefined = all reals. */
  readonly domain: Domain;
  /** Human description for help output and the generated reference. */
  readonly title: string;
  /**
   * For binders such as sum(body, k, lo, hi): the position of the bound
   * variable. Such a function is not a function of its arguments' values
   * and is evaluated specially (numeric/evaluate.ts).
   */
  readonly binds?: number;
  /** Words that name this function in prose ("$g$ is the sigmoid", "let $f$ be the rectifier"); only activation names, not nouns such as "step size". */
  readonly words?: readonly string[];
  /** Where the function is not differentiable (kinks and jumps); undefined = differentiable wherever it is defined. */
  readonly kink?: Kink;
  readonly evaluate: (args: readonly number[]) => number;
  /**
   * The same function over any number system that has the elementary
   * operations (RealOps): BigNumber at 60 digits, Taylor jets for exact
   * derivatives (src/numeric/real-evaluate.ts). Written with the
   * operations only, so one definition serves every such system; absent for
   * binders, which the evaluators handle themselves.
   */
  readonly real?: <T>(ops: RealOps<T>, args: readonly T[]) => T;
  /**
   * |f'(x)| given x and f(x), to propagate an argument's rounding error
   * (src/numeric/error-bound.ts); undefined = Lipschitz constant 1 (sin,
   * relu, max; step and sign away from their jump).
   */
  readonly slope?: (x: number, fx: number) => number;
  /**
   * Exact values at rational arguments where one exists (√(9/4) = 3/2), for
   * folding numbers; values at single special points are rules instead
   * (`specialValueRules`), so a derivation names them.
   */
  readonly exact?: (x: Rational) => Rational | undefined;
  /**
   * Sign read off the shape, for the checker and the rule guards (an
   * unproven sign is "not shown", never "negative"): `always` positive
   * (e^u, σ(u), softplus u), or positive `with-argument`, where its first
   * argument is positive (√u, a sum of positive terms).
   */
  readonly positivity?: 'always' | 'with-argument';
  /**
   * A function of every entry of a vector or matrix argument (the norms):
   * ‖x‖ depends on x_i although the symbol x_i does not occur in it
   * (src/expr/traverse.ts freeOf).
   */
  readonly ofEntries?: boolean;
  /**
   * For a vector-valued function of a vector (softmax): with one more
   * argument, the call is one entry, softmax(z, i) = softmax(z)_i, and the
   * argument at this position prints as that subscript.
   */
  readonly entryArgument?: number;
  /**
   * Its argument is meant as a vector (LSE, softmax; a norm of a number is
   * its absolute value, so not the norms): without shapes a call whose
   * argument holds a letter is not read as a function of one number, and
   * under shapes its argument must involve a declared vector or be a number.
   */
  readonly vectorArgument?: boolean;
  /** Zero only where its argument is zero (√u, |u|): nonzero almost everywhere when the argument is. */
  readonly zeroOnlyAtZero?: boolean;
  /** nerdamer's spelling; undefined = nerdamer cannot express it, and is not asked. */
  readonly nerdamer?: NerdamerForm;
  /**
   * The most digits its high-precision value (`real` over decimal.js) may be
   * asked at; undefined = no limit of its own. The trigonometric functions
   * reduce their argument by π, which decimal.js holds to about 1025 digits:
   * past 400 that reduction runs out.
   */
  readonly maxHighPrecisionDigits?: number;
  /** LaTeX commands read as this function besides its printed form: \ln for log, \exp for e^{x}. */
  readonly latexAliases?: readonly string[];
  /** How the inverse function is written, suggested when `\sin^{-1}` is refused. */
  readonly latexInverse?: string;
  /** Position in the short list of well-known functions that error messages show; undefined = not listed. */
  readonly messageExample?: number;
  /** Id of the rule in rules/ that differentiates it (d(f(u), x) => …). */
  readonly derivativeRule?: string;
  /** For a function with an optional argument, the rule for its other arity (ELU(u, α) besides ELU(u)). */
  readonly otherArityDerivativeRule?: string;
  /** Ids of the rules in rules/ for its exact values at special points (σ(0) = 1/2). */
  readonly specialValueRules?: readonly string[];
}

/**
 * How the nerdamer bridge writes a call: `{0}`, `{1}`, … stand for the
 * bracketed translated arguments. `heavy` marks the functions whose count
 * makes nerdamer's simplify slow (measured: σ''(x) took 9 s), so the bridge
 * limits how many it sends.
 */
export interface NerdamerForm {
  readonly spelling: string;
  readonly heavy?: boolean;
}

/**
 * A number system for `FunctionSpec.real`: field operations, the
 * elementary functions, and what a piecewise function must know about a
 * value (its sign; whether it still carries derivative terms).
 *
 *     const tanh = lookupFunction('tanh')?.real;   // tanh?.(ops, [u]) for ops = FLOAT_OPS, a jet's ops, BigNumber's ops
 */
export interface RealOps<T> {
  /** The double v (a BigNumber system takes its shortest decimal spelling, as typed). */
  num(v: number): T;
  rational(n: bigint, d: bigint): T;
  pi(): T;
  nan(): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  exp(a: T): T;
  log(a: T): T;
  /** log(1 + a), accurate for tiny a (softplus(-1000) is about e^(-1000), not 0). */
  log1p(a: T): T;
  sqrt(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  /** -1, 0 or 1 for the value (a jet: its value, not its derivatives); NaN when undefined. */
  sign(a: T): number;
  /** false when a carries derivative terms (a jet with a nonzero higher coefficient). */
  isConstant(a: T): boolean;
  /** The value as a double (for indices and bounds of sums). */
  toNumber(a: T): number;
  /**
   * The value two branches of a piecewise function share where they meet
   * (u and e^u - 1 at u = 0 for ELU): a jet keeps the coefficients on which
   * both agree and is undefined from the first that differs. Absent (plain
   * numbers need no such thing): the point is undefined unless the value is
   * constant.
   */
  agree?(a: T, b: T): T;
}

const r0 = <T>(xs: readonly T[], ops: RealOps<T>): T => xs[0] ?? ops.nan();
/** At a kink (|u| at u = 0) a value has no derivative: constant values pass, others are undefined. */
const atKink = <T>(ops: RealOps<T>, u: T, value: T): T => (ops.isConstant(u) ? value : ops.nan());
/** Branch on the sign of u: positive, negative, and at 0 (where only a constant u is defined). */
function bySign<T>(ops: RealOps<T>, u: T, pos: () => T, negative: () => T, zero: () => T): T {
  const s = ops.sign(u);
  return s > 0 ? pos() : s < 0 ? negative() : s === 0 ? atKink(ops, u, zero()) : ops.nan();
}
/**
 * Branch on the sign of u for a function whose branches meet smoothly at 0
 * (ELU): there the value is whatever both branches agree on (RealOps.agree),
 * so derivatives that exist at 0 are kept and the others are undefined.
 */
function bySignJoined<T>(ops: RealOps<T>, u: T, pos: () => T, negative: () => T): T {
  const s = ops.sign(u);
  if (s > 0) return pos();
  if (s < 0) return negative();
  if (s !== 0) return ops.nan();
  if (ops.isConstant(u)) return pos();
  return ops.agree === undefined ? ops.nan() : ops.agree(pos(), negative());
}
const one = <T>(o: RealOps<T>): T => o.num(1);

const a0 = (xs: readonly number[]): number => xs[0] ?? NaN;

/** Numerically stable logistic sigmoid. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Numerically stable softplus log(1 + e^x). */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'exp', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'exp' }, domain: 'all', title: 'exponential',
    evaluate: (xs) => Math.exp(a0(xs)), real: (o, xs) => o.exp(r0(xs, o)), slope: (_x, fx) => Math.abs(fx),
    positivity: 'always', nerdamer: { spelling: 'e^{0}', heavy: true }, latexAliases: ['exp'], messageExample: 1,
    derivativeRule: 'd.exp', specialValueRules: ['sv.exp-zero'],
  },
  {
    name: 'log', aliases: ['ln'], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\log' }, domain: 'positive', title: 'natural logarithm',
    evaluate: (xs) => Math.log(a0(xs)), real: (o, xs) => o.log(r0(xs, o)), slope: (x) => 1 / Math.abs(x),
    nerdamer: { spelling: 'log({0})' }, latexAliases: ['ln'], messageExample: 2,
    derivativeRule: 'd.log', specialValueRules: ['sv.log-one'],
  },
  {
    name: 'sqrt', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'sqrt' }, domain: 'nonnegative', title: 'square root',
    evaluate: (xs) => Math.sqrt(a0(xs)), real: (o, xs) => o.sqrt(r0(xs, o)), slope: (x) => 1 / (2 * Math.sqrt(Math.abs(x)) + 1e-300),
    exact: (x) => ratRoot(x, 2n), positivity: 'with-argument', zeroOnlyAtZero: true, nerdamer: { spelling: 'sqrt({0})' }, messageExample: 3,
    derivativeRule: 'd.sqrt',
  },
  {
    name: 'sin', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\sin' }, domain: 'all', title: 'sine',
    evaluate: (xs) => Math.sin(a0(xs)), real: (o, xs) => o.sin(r0(xs, o)),
    maxHighPrecisionDigits: TRIG_DIGITS, nerdamer: { spelling: 'sin({0})' }, latexInverse: '\\arcsin', messageExample: 4,
    derivativeRule: 'd.sin', specialValueRules: ['sv.sin-zero'],
  },
  {
    name: 'cos', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\cos' }, domain: 'all', title: 'cosine',
    evaluate: (xs) => Math.cos(a0(xs)), real: (o, xs) => o.cos(r0(xs, o)),
    maxHighPrecisionDigits: TRIG_DIGITS, nerdamer: { spelling: 'cos({0})' }, latexInverse: '\\arccos',
    derivativeRule: 'd.cos', specialValueRules: ['sv.cos-zero'],
  },
  {
    name: 'tan', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\tan' }, domain: 'all', title: 'tangent',
    evaluate: (xs) => Math.tan(a0(xs)), real: (o, xs) => o.div(o.sin(r0(xs, o)), o.cos(r0(xs, o))), slope: (_x, fx) => 1 + fx * fx,
    maxHighPrecisionDigits: TRIG_DIGITS, nerdamer: { spelling: 'tan({0})' }, latexInverse: '\\arctan',
    derivativeRule: 'd.tan', specialValueRules: ['sv.tan-zero'],
  },
  {
    name: 'tanh', aliases: [], words: ['tanh'], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\tanh' }, domain: 'all', title: 'hyperbolic tangent',
    evaluate: (xs) => Math.tanh(a0(xs)),
    real: (o, xs) => { const u = r0(xs, o); const s = o.sign(u) < 0 ? -1 : 1; const e = o.exp(o.mul(o.num(-2 * s), u)); return o.mul(o.num(s), o.div(o.sub(one(o), e), o.add(one(o), e))); },
    slope: (_x, fx) => 1 - fx * fx,
    nerdamer: { spelling: 'tanh({0})', heavy: true }, latexInverse: '\\operatorname{artanh}', messageExample: 6,
    derivativeRule: 'd.tanh', specialValueRules: ['sv.tanh-zero'],
  },
  {
    name: 'sigma', aliases: ['sigmoid'], words: ['sigmoid', 'logistic'], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\sigma' }, domain: 'all', title: 'logistic sigmoid 1/(1+e^{-x})',
    evaluate: (xs) => sigmoid(a0(xs)),
    real: (o, xs) => { const u = r0(xs, o); if (o.sign(u) >= 0) return o.div(one(o), o.add(one(o), o.exp(o.neg(u)))); const e = o.exp(u); return o.div(e, o.add(one(o), e)); },
    slope: (x) => sigmoid(x) * (1 - sigmoid(x)),
    positivity: 'always', nerdamer: { spelling: '(1/(1+e^(-{0})))', heavy: true }, messageExample: 5,
    derivativeRule: 'd.sigma', specialValueRules: ['sv.sigma-zero'],
  },
  {
    name: 'softplus', aliases: [], words: ['softplus'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'softplus' }, domain: 'all', title: 'softplus log(1+e^x)',
    evaluate: (xs) => softplus(a0(xs)),
    real: (o, xs) => { const u = r0(xs, o); return o.sign(u) > 0 ? o.add(u, o.log1p(o.exp(o.neg(u)))) : o.log1p(o.exp(u)); },
    slope: (x) => sigmoid(x),
    positivity: 'always', nerdamer: { spelling: 'log(1+e^{0})', heavy: true }, messageExample: 7,
    derivativeRule: 'd.softplus', specialValueRules: ['sv.softplus-zero'],
  },
  {
    name: 'relu', aliases: ['ReLU'], words: ['relu', 'rectifier'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'ReLU' }, domain: 'all', title: 'rectified linear unit max(0, x)',
    kink: { at: 'zero', continuous: true, below: '0', above: 'u', convention: "PyTorch, TensorFlow and JAX take relu'(0) = 0" },
    evaluate: (xs) => Math.max(0, a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => u, () => o.num(0), () => o.num(0)); },
    messageExample: 8,
    derivativeRule: 'd.relu', specialValueRules: ['sv.relu-zero', 'pw.relu-positive', 'pw.relu-negative'],
  },
  // ELU(u, α) = u for u > 0, α (e^u - 1) otherwise; ELU(u) is α = 1.
  // With α = 1 its branches meet with the same value and slope at 0, so it is
  // differentiable there (only its second derivative jumps, 0 on the right, 1
  // on the left); with α ≠ 1 the slopes 1 and α differ: a kink, whose left and
  // right derivatives src/derive/kinks.ts states. The kink's left branch
  // uses v = α, so a one-argument ELU has none there.
  {
    name: 'elu', aliases: ['ELU'], minArgs: 1, maxArgs: 2, latex: { form: 'operatorname', name: 'ELU' }, domain: 'all', title: 'exponential linear unit with scale α (default 1): x for x > 0, α (e^x - 1) otherwise',
    kink: { at: 'zero', continuous: true, below: 'v*(exp(u) - 1)', above: 'u' },
    evaluate: (xs) => { const x = a0(xs); const alpha = xs.length > 1 ? (xs[1] ?? NaN) : 1; return x > 0 ? x : alpha * Math.expm1(x); },
    real: (o, xs) => { const u = r0(xs, o); const alpha = xs.length > 1 ? (xs[1] ?? o.nan()) : one(o); return bySignJoined(o, u, () => u, () => o.mul(alpha, o.sub(o.exp(u), one(o)))); },
    // For x < 0 the slope is |α| e^x, and α = ELU(x)/(e^x - 1): read off the value, as the table's slope sees no α.
    slope: (x, fx) => (x > 0 || fx === 0 ? 1 : Math.max(1, Math.abs((fx * Math.exp(x)) / Math.expm1(x)))),
    zeroOnlyAtZero: true,
    derivativeRule: 'd.elu', otherArityDerivativeRule: 'd.elu-alpha', specialValueRules: ['sv.elu-zero', 'sv.elu-alpha-zero', 'pw.elu-positive', 'pw.elu-negative', 'pw.elu-alpha-positive', 'pw.elu-alpha-negative'],
  },
  {
    name: 'cosh', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\cosh' }, domain: 'all', title: 'hyperbolic cosine (e^x + e^{-x})/2',
    evaluate: (xs) => Math.cosh(a0(xs)),
    real: (o, xs) => { const u = r0(xs, o); return o.div(o.add(o.exp(u), o.exp(o.neg(u))), o.num(2)); },
    slope: (x) => Math.abs(Math.sinh(x)),
    positivity: 'always', nerdamer: { spelling: 'cosh({0})', heavy: true },
    derivativeRule: 'd.cosh', specialValueRules: ['sv.cosh-zero'],
  },
  {
    name: 'sinh', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\sinh' }, domain: 'all', title: 'hyperbolic sine (e^x - e^{-x})/2',
    evaluate: (xs) => Math.sinh(a0(xs)),
    real: (o, xs) => { const u = r0(xs, o); return o.div(o.sub(o.exp(u), o.exp(o.neg(u))), o.num(2)); },
    slope: (x) => Math.cosh(x),
    zeroOnlyAtZero: true, nerdamer: { spelling: 'sinh({0})', heavy: true },
    derivativeRule: 'd.sinh', specialValueRules: ['sv.sinh-zero'],
  },
  // erf, Φ and φ are computed by src/expr/error-function.ts (a positive series
  // and a continued fraction, to the precision of each number system).
  {
    name: 'erf', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'erf' }, domain: 'all', title: 'error function (2/√π) ∫_0^x e^{-t²} dt',
    evaluate: (xs) => erf(a0(xs)), real: (o, xs) => erfReal(o, r0(xs, o)),
    slope: (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x),
    zeroOnlyAtZero: true,
    derivativeRule: 'd.erf', specialValueRules: ['sv.erf-zero'],
  },
  // Φ: LaTeX \Phi(x) is this function; \Phi alone stays the Greek letter (as
  // \sigma). Plain Phi(x) stays an unknown function (src/expr/abstract-function.ts),
  // so that Phi'(x) keeps meaning the derivative of the same function.
  {
    name: 'normcdf', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\Phi' }, domain: 'all', title: 'standard normal CDF Φ(x) = (1 + erf(x/√2))/2',
    evaluate: (xs) => normalCdf(a0(xs)), real: (o, xs) => normalCdfReal(o, r0(xs, o)),
    slope: (x) => normalPdf(x),
    positivity: 'always',
    derivativeRule: 'd.normal-cdf', specialValueRules: ['sv.normal-cdf-zero'],
  },
  // φ, the standard normal density. Not \varphi or \phi: those letters name an
  // arbitrary activation or feature map in most notes, and stay unknown functions.
  {
    name: 'normpdf', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'normpdf' }, domain: 'all', title: 'standard normal density φ(x) = e^{-x²/2}/√(2π)',
    evaluate: (xs) => normalPdf(a0(xs)), real: (o, xs) => normalPdfReal(o, r0(xs, o)),
    slope: (x) => Math.abs(x) * normalPdf(x),
    positivity: 'always',
    derivativeRule: 'd.normal-pdf', specialValueRules: ['sv.normal-pdf-zero'],
  },
  // GELU in its exact (erf) form x Φ(x); the tanh form is an approximation,
  // stated with its error bound as the lemma le.gelu-tanh-approximation.
  {
    name: 'gelu', aliases: ['GELU'], words: ['gelu'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'GELU' }, domain: 'all', title: 'Gaussian error linear unit x Φ(x)',
    evaluate: (xs) => a0(xs) * normalCdf(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return o.mul(u, normalCdfReal(o, u)); },
    slope: (x) => Math.abs(normalCdf(x) + x * normalPdf(x)),
    zeroOnlyAtZero: true,
    derivativeRule: 'd.gelu', specialValueRules: ['sv.gelu-zero'],
  },
  // LeakyReLU(x, α) = x for x > 0, α x otherwise: a kink at 0 unless α = 1.
  // Not 'LReLU': notes define their own (\operatorname{LReLU}(z) = \max(0.01 z, z), one argument), which a table name of two arguments would refuse.
  {
    name: 'leakyrelu', aliases: ['LeakyReLU'], words: ['leakyrelu'], minArgs: 2, maxArgs: 2, latex: { form: 'operatorname', name: 'LeakyReLU' }, domain: 'all', title: 'leaky ReLU with slope α: x for x > 0, α x otherwise',
    kink: { at: 'zero', continuous: true, below: 'v*u', above: 'u' },
    evaluate: (xs) => { const x = a0(xs); return x > 0 ? x : (xs[1] ?? NaN) * x; },
    real: (o, xs) => { const u = r0(xs, o); const alpha = xs[1] ?? o.nan(); return bySign(o, u, () => u, () => o.mul(alpha, u), () => o.num(0)); },
    slope: (x, fx) => (x < 0 && fx !== 0 ? Math.max(1, Math.abs(fx / x)) : 1),
    derivativeRule: 'd.leakyrelu', specialValueRules: ['sv.leakyrelu-zero', 'pw.leakyrelu-positive', 'pw.leakyrelu-negative'],
  },
  // The hinge loss max(0, 1 - z) of a margin z: a kink at z = 1.
  {
    name: 'hinge', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'hinge' }, domain: 'all', title: 'hinge loss max(0, 1 - z)',
    kink: { at: 'zero', where: '1 - u', continuous: true, below: '0', above: '1 - u' },
    evaluate: (xs) => Math.max(0, 1 - a0(xs)),
    real: (o, xs) => { const q = o.sub(one(o), r0(xs, o)); return bySign(o, q, () => q, () => o.num(0), () => o.num(0)); },
    derivativeRule: 'd.hinge', specialValueRules: ['sv.hinge-one', 'pw.hinge-active', 'pw.hinge-inactive'],
  },
  {
    name: 'max', aliases: [], minArgs: 2, maxArgs: 2, latex: { form: 'command', command: '\\max' }, braces: true, domain: 'all', title: 'maximum',
    kink: { at: 'tie', continuous: true, below: 'v', above: 'u', convention: 'PyTorch (torch.maximum) gives each argument half the gradient at a tie' },
    evaluate: (xs) => Math.max(a0(xs), xs[1] ?? NaN), real: (o, xs) => { const [a, b] = [r0(xs, o), xs[1] ?? o.nan()]; return bySign(o, o.sub(a, b), () => a, () => b, () => a); },
    messageExample: 9,
    derivativeRule: 'd.max', specialValueRules: ['pw.max-first', 'pw.max-second'],
  },
  {
    name: 'min', aliases: [], minArgs: 2, maxArgs: 2, latex: { form: 'command', command: '\\min' }, braces: true, domain: 'all', title: 'minimum',
    kink: { at: 'tie', continuous: true, below: 'u', above: 'v', convention: 'PyTorch (torch.minimum) gives each argument half the gradient at a tie' },
    evaluate: (xs) => Math.min(a0(xs), xs[1] ?? NaN), real: (o, xs) => { const [a, b] = [r0(xs, o), xs[1] ?? o.nan()]; return bySign(o, o.sub(a, b), () => b, () => a, () => a); },
    derivativeRule: 'd.min', specialValueRules: ['pw.min-first', 'pw.min-second'],
  },
  {
    name: 'abs', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'abs' }, domain: 'all', title: 'absolute value',
    kink: { at: 'zero', continuous: true, below: '-u', above: 'u', convention: 'PyTorch takes the derivative of |x| at 0 to be sign(0) = 0' },
    evaluate: (xs) => Math.abs(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => u, () => o.neg(u), () => u); },
    zeroOnlyAtZero: true, nerdamer: { spelling: 'abs({0})' },
    derivativeRule: 'd.abs', specialValueRules: ['pw.abs-positive', 'pw.abs-negative'],
  },
  // Norms: ‖v‖₂ (the Frobenius norm of a matrix) and ‖v‖₁. On a scalar both
  // are |u|; on a declared vector or matrix src/matrix/lower.ts writes them
  // out entry by entry. Their derivatives are with respect to an entry of the
  // vector (index notation, d.norm-entry / d.norm1-entry): the scalar chain
  // rule of |u| would be wrong for a vector argument, so there is none.
  {
    name: 'norm', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'norm', sub: '2' }, domain: 'all', title: 'Euclidean norm ‖v‖₂ (Frobenius norm of a matrix; |u| of a scalar)',
    kink: { at: 'zero', continuous: true, below: '-u', above: 'u' },
    evaluate: (xs) => Math.abs(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => u, () => o.neg(u), () => u); },
    zeroOnlyAtZero: true, ofEntries: true,
    derivativeRule: 'd.norm-entry',
  },
  {
    name: 'norm1', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'norm', sub: '1' }, domain: 'all', title: 'ℓ1 norm ‖v‖₁ = Σ|v_i| (|u| of a scalar)',
    kink: { at: 'zero', continuous: true, below: '-u', above: 'u' },
    evaluate: (xs) => Math.abs(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => u, () => o.neg(u), () => u); },
    zeroOnlyAtZero: true, ofEntries: true,
    derivativeRule: 'd.norm1-entry',
  },
  // ‖v‖_∞ = max_k |v_k| (lowered to maxover in src/matrix/lower.ts); no
  // derivative rule: at a tie between entries it has a kink.
  {
    name: 'norminf', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'norm', sub: '\\infty' }, domain: 'all', title: 'maximum norm ‖v‖_∞ = max|v_i| (|u| of a scalar)',
    kink: { at: 'zero', continuous: true, below: '-u', above: 'u' },
    evaluate: (xs) => Math.abs(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => u, () => o.neg(u), () => u); },
    zeroOnlyAtZero: true, ofEntries: true,
  },
  // Functions of a whole vector (index notation: z is the vector, z_j its
  // entries; under --shape, src/matrix/lower.ts writes them out entry by
  // entry with the max-shift M = max_k z_k, so no entry overflows:
  //   LSE(z) = M + log Σ_k e^{z_k − M},   softmax(z)_i = e^{z_i − M} / Σ_k e^{z_k − M}).
  // Of a scalar (a vector of one entry) LSE(u) = u and softmax(u) = 1; an
  // entry index other than 1 is out of range and has no value.
  // nerdamer cannot spell them (no vector of unstated length): the second
  // opinion is not asked; a check expands them to exp and sums instead.
  // Their derivatives are by an entry of the vector (index notation,
  // d.lse-entry, d.softmax-entry) or through a vector (rules/matrix-calculus.rules);
  // the scalar chain rule would be wrong for a vector argument, so there is none.
  {
    name: 'lse', aliases: ['logsumexp', 'LSE'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'LSE' }, domain: 'all', title: 'log-sum-exp of a vector LSE(z) = log Σ_k e^{z_k} (u of a scalar)',
    evaluate: (xs) => a0(xs), real: (o, xs) => r0(xs, o),
    ofEntries: true, vectorArgument: true,
    derivativeRule: 'd.lse-entry', specialValueRules: ['sv.lse-single', 'sv.lse-equal-entries'],
  },
  {
    name: 'softmax', aliases: [], minArgs: 1, maxArgs: 2, latex: { form: 'operatorname', name: 'softmax' }, domain: 'all', title: 'softmax of a vector, softmax(z)_i = e^{z_i}/Σ_k e^{z_k}; softmax(z, i) is its entry i (1 of a scalar)',
    evaluate: (xs) => (xs.length < 2 || xs[1] === 1 ? 1 : NaN),
    real: (o, xs) => { const i = xs[1]; return i === undefined || o.toNumber(i) === 1 ? o.num(1) : o.nan(); },
    positivity: 'always', ofEntries: true, vectorArgument: true, entryArgument: 1,
    derivativeRule: 'd.softmax-entry', specialValueRules: ['sv.softmax-single', 'sv.softmax-equal-entries'],
  },
  {
    name: 'sign', aliases: ['sgn'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'sign' }, domain: 'all', title: 'sign function',
    kink: { at: 'zero', continuous: false, below: '-1', above: '1', convention: "PyTorch takes sign'(x) = 0 everywhere, 0 included" },
    evaluate: (xs) => Math.sign(a0(xs)), real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => o.num(1), () => o.num(-1), () => o.num(0)); },
    derivativeRule: 'd.sign', specialValueRules: ['pw.sign-positive', 'pw.sign-negative'],
  },
  // Heaviside step; step(0) = 1/2 is one convention among several, and the
  // derivative rules state the point where it matters as "does not exist".
  {
    name: 'step', aliases: ['heaviside', 'H'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'step' }, domain: 'all', title: 'Heaviside step (1 for x > 0, 0 for x < 0)',
    kink: { at: 'zero', continuous: false, below: '0', above: '1' },
    evaluate: (xs) => { const x = a0(xs); return x > 0 ? 1 : x < 0 ? 0 : 0.5; }, real: (o, xs) => { const u = r0(xs, o); return bySign(o, u, () => o.num(1), () => o.num(0), () => o.num(0.5)); },
    derivativeRule: 'd.step', specialValueRules: ['pw.step-positive', 'pw.step-negative'],
  },
  {
    name: 'delta', aliases: ['kronecker'], minArgs: 2, maxArgs: 2, latex: { form: 'delta' }, domain: 'all', title: 'Kronecker delta (1 if i = j, else 0)',
    evaluate: (xs) => (a0(xs) === xs[1] ? 1 : 0), real: (o, xs) => { const d = o.sign(o.sub(r0(xs, o), xs[1] ?? o.nan())); return Number.isNaN(d) ? o.nan() : o.num(d === 0 ? 1 : 0); },
    // Its arguments are indices, constants for every derivative (d.const, d.index).
    nerdamer: { spelling: 'delta({0},{1})' },
  },
  // sum(body, k, lo, hi) = Σ_{k=lo}^{hi} body: k is bound inside body.
  {
    name: 'sum', aliases: [], minArgs: 4, maxArgs: 4, latex: { form: 'sum' }, domain: 'all', title: 'finite sum over an index', binds: 1, evaluate: () => NaN,
    positivity: 'with-argument', nerdamer: { spelling: 'sum({0},{1},{2},{3})' },
    derivativeRule: 'd.under-sum',
  },
  // maxover(body, k, lo, hi) = max_{k=lo}^{hi} body, \max_j z_j; a minimum is
  // −maxover(−body, …). No derivative rule: at a tie it has a kink, so a
  // derivative of it stays undecided. An empty range has no value (NaN).
  {
    name: 'maxover', aliases: [], minArgs: 4, maxArgs: 4, latex: { form: 'sum', command: '\\max' }, domain: 'all', title: 'maximum over an index', binds: 1, evaluate: () => NaN,
  },
];

/**
 * How tall a call prints, for the printers' brackets: `line` (\sin(x)),
 * `raised` above the line (e^{x}, \sqrt{x}: an exponent holding one is no
 * longer short), `big` (\sum: arguments holding one get \left( \right)).
 */
export function latexHeight(f: FunctionSpec): 'line' | 'raised' | 'big' {
  switch (f.latex.form) {
    case 'sum':
      return 'big';
    case 'exp':
    case 'sqrt':
      return 'raised';
    default:
      return 'line';
  }
}

const BY_NAME = new Map<string, FunctionSpec>();
for (const f of FUNCTIONS) {
  BY_NAME.set(f.name, f);
  for (const a of f.aliases) BY_NAME.set(a, f);
}

/** lookupFunction('ln')?.name === 'log' */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * How a matrix operation prints: `product` in the order written (W x,
 * W*x), `transpose` as a power (W^\top, W^T), `entry` as
 * \left[M\right]_{i j}, `call` by its name (\operatorname{diag}(v)).
 */
export type MatrixPrintForm = 'product' | 'transpose' | 'entry' | 'call' | 'hadamard' | 'entry-power' | 'entry-sum' | 'ones' | 'identity' | 'pullback';

/**
 * A matrix operation: a call that is not elementwise, so it is never `mul`
 * (commutative) and needs declared shapes to be evaluated (src/matrix
 * infers its shape and lowers it to components).
 */
export interface MatrixFunctionSpec {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly title: string;
  /** Argument and result shapes, for people: 'A: m×n, B: n×p -> m×p'. */
  readonly signature: string;
  readonly print: MatrixPrintForm;
  /** For print `call`: the LaTeX operator name (\\operatorname{tr}); the plain name otherwise. */
  readonly latexName?: string;
}

/** The matrix operations, part of the function table: plain spellings, arity, shapes, printing. */
export const MATRIX_FUNCTIONS: ReadonlyMap<string, MatrixFunctionSpec> = new Map(
  (
    [
      { name: 'matmul', minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, title: 'matrix product in the order written (W*x once shapes are declared)', signature: 'A: m×n, B: n×p, … -> m×p', print: 'product' },
      { name: 'transpose', minArgs: 1, maxArgs: 1, title: 'transpose (W^T once shapes are declared)', signature: 'A: m×n -> n×m', print: 'transpose' },
      { name: 'diag', minArgs: 1, maxArgs: 1, title: 'diagonal matrix of a vector', signature: 'v: n -> n×n', print: 'call' },
      { name: 'entry', minArgs: 3, maxArgs: 3, title: 'entry (i, j) of a matrix expression, a scalar: entry(W*x, i, 1)', signature: 'M: m×n, i, j -> scalar', print: 'entry' },
      { name: 'hadamard', minArgs: 2, maxArgs: 2, title: 'elementwise (Hadamard) product A ⊙ B; a scalar factor broadcasts', signature: 'A: m×n, B: m×n -> m×n', print: 'hadamard' },
      { name: 'epow', minArgs: 2, maxArgs: 2, title: 'entrywise (Hadamard) power A^{∘n}: every entry to the power n (x^2 of a vector is not read, it may mean x^T x)', signature: 'A: m×n, n -> m×n', print: 'entry-power' },
      { name: 'trace', minArgs: 1, maxArgs: 1, title: 'trace: the sum of the diagonal entries', signature: 'A: n×n -> scalar', print: 'call', latexName: 'tr' },
      // sum(u) with one argument is read as sumall(u); sum(body, k, lo, hi) stays the finite sum over an index.
      { name: 'sumall', minArgs: 1, maxArgs: 1, title: 'sum of all entries, written sum(u)', signature: 'A: m×n -> scalar', print: 'entry-sum' },
      { name: 'ones', minArgs: 1, maxArgs: 1, title: 'the ones vector 1_n of a size n, or the all-ones matrix shaped like a matrix argument', signature: 'n -> n; A: m×n -> m×n', print: 'ones' },
      { name: 'identity', minArgs: 1, maxArgs: 1, title: 'the identity matrix I_n of a size n, or of the rows of a matrix argument', signature: 'n -> n×n; A: n×p -> n×n', print: 'identity' },
      // The rule engine's reverse-mode form: vjp(G, F, X) is ∂⟨G, F⟩/∂X, shaped like X, with ⟨G, F⟩ = sum(G ⊙ F) (a scalar G broadcasts).
      { name: 'vjp', minArgs: 3, maxArgs: 3, title: 'the gradient by X of the inner product ⟨G, F⟩ = sum(G ⊙ F): backpropagating G through F (matrix-calculus rules)', signature: 'G, F: same shape (or G scalar), X -> shape of X', print: 'pullback' },
    ] as const satisfies readonly MatrixFunctionSpec[]
  ).map((f) => [f.name, f]),
);

/** The LaTeX operator name of a matrix call printed by name: tr for trace, diag for diag. */
export function matrixLatexName(fn: string): string {
  return MATRIX_FUNCTIONS.get(fn)?.latexName ?? fn;
}

/** How a call prints if it is a matrix operation (product, transpose, entry), else undefined. */
export function matrixPrintForm(fn: string): MatrixPrintForm | undefined {
  return MATRIX_FUNCTIONS.get(fn)?.print;
}

/** Named constants: the symbol `pi`; Euler's e is written exp(1). */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI]]);

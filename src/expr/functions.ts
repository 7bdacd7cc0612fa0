/**
 * The table of known functions: one entry per function, shared by the
 * parsers (names, aliases, arity), the printers (how to typeset) and the
 * numeric evaluator (value, domain). Derivative knowledge is NOT here: it
 * lives in rules/derivative.rules.
 *
 * Adding a function = one entry here + its derivative rule in rules/.
 */

/** How a function is typeset in LaTeX. */
export type LatexForm =
  | { readonly form: 'command'; readonly command: string } // \sin(x), \sigma(x), \max\{a, b\}
  | { readonly form: 'operatorname'; readonly name: string } // \operatorname{softplus}(x)
  | { readonly form: 'exp' } // e^{x}
  | { readonly form: 'sqrt' } // \sqrt{x}
  | { readonly form: 'abs' } // \left|x\right|
  | { readonly form: 'delta' } // \delta_{i j}
  | { readonly form: 'sum' }; // \sum_{k=1}^{c} body

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
  /** Continuous there (a corner: relu, abs, max) or not (a jump: step, sign). */
  readonly continuous: boolean;
  readonly below: string;
  readonly above: string;
  /** What automatic differentiation in the usual frameworks uses at the point, when it is settled. */
  readonly convention?: string;
}

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
  /** Where the function is not differentiable (kinks and jumps); undefined = differentiable wherever it is defined. */
  readonly kink?: Kink;
  readonly evaluate: (args: readonly number[]) => number;
}

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
  { name: 'exp', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'exp' }, domain: 'all', title: 'exponential', evaluate: (xs) => Math.exp(a0(xs)) },
  { name: 'log', aliases: ['ln'], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\log' }, domain: 'positive', title: 'natural logarithm', evaluate: (xs) => Math.log(a0(xs)) },
  { name: 'sqrt', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'sqrt' }, domain: 'nonnegative', title: 'square root', evaluate: (xs) => Math.sqrt(a0(xs)) },
  { name: 'sin', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\sin' }, domain: 'all', title: 'sine', evaluate: (xs) => Math.sin(a0(xs)) },
  { name: 'cos', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\cos' }, domain: 'all', title: 'cosine', evaluate: (xs) => Math.cos(a0(xs)) },
  { name: 'tan', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\tan' }, domain: 'all', title: 'tangent', evaluate: (xs) => Math.tan(a0(xs)) },
  { name: 'tanh', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\tanh' }, domain: 'all', title: 'hyperbolic tangent', evaluate: (xs) => Math.tanh(a0(xs)) },
  { name: 'sigma', aliases: ['sigmoid'], minArgs: 1, maxArgs: 1, latex: { form: 'command', command: '\\sigma' }, domain: 'all', title: 'logistic sigmoid 1/(1+e^{-x})', evaluate: (xs) => sigmoid(a0(xs)) },
  { name: 'softplus', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'softplus' }, domain: 'all', title: 'softplus log(1+e^x)', evaluate: (xs) => softplus(a0(xs)) },
  { name: 'relu', aliases: ['ReLU'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'ReLU' }, domain: 'all', title: 'rectified linear unit max(0, x)', kink: { at: 'zero', continuous: true, below: '0', above: 'u', convention: "PyTorch, TensorFlow and JAX take relu'(0) = 0" }, evaluate: (xs) => Math.max(0, a0(xs)) },
  { name: 'max', aliases: [], minArgs: 2, maxArgs: 2, latex: { form: 'command', command: '\\max' }, braces: true, domain: 'all', title: 'maximum', kink: { at: 'tie', continuous: true, below: 'v', above: 'u', convention: 'PyTorch (torch.maximum) gives each argument half the gradient at a tie' }, evaluate: (xs) => Math.max(a0(xs), xs[1] ?? NaN) },
  { name: 'min', aliases: [], minArgs: 2, maxArgs: 2, latex: { form: 'command', command: '\\min' }, braces: true, domain: 'all', title: 'minimum', kink: { at: 'tie', continuous: true, below: 'u', above: 'v', convention: 'PyTorch (torch.minimum) gives each argument half the gradient at a tie' }, evaluate: (xs) => Math.min(a0(xs), xs[1] ?? NaN) },
  { name: 'abs', aliases: [], minArgs: 1, maxArgs: 1, latex: { form: 'abs' }, domain: 'all', title: 'absolute value', kink: { at: 'zero', continuous: true, below: '-u', above: 'u', convention: 'PyTorch takes the derivative of |x| at 0 to be sign(0) = 0' }, evaluate: (xs) => Math.abs(a0(xs)) },
  { name: 'sign', aliases: ['sgn'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'sign' }, domain: 'all', title: 'sign function', kink: { at: 'zero', continuous: false, below: '-1', above: '1', convention: "PyTorch takes sign'(x) = 0 everywhere, 0 included" }, evaluate: (xs) => Math.sign(a0(xs)) },
  // Heaviside step; step(0) = 1/2 is one convention among several, and the
  // derivative rules state the point where it matters as "does not exist".
  { name: 'step', aliases: ['heaviside', 'H'], minArgs: 1, maxArgs: 1, latex: { form: 'operatorname', name: 'step' }, domain: 'all', title: 'Heaviside step (1 for x > 0, 0 for x < 0)', kink: { at: 'zero', continuous: false, below: '0', above: '1' }, evaluate: (xs) => { const x = a0(xs); return x > 0 ? 1 : x < 0 ? 0 : 0.5; } },
  { name: 'delta', aliases: ['kronecker'], minArgs: 2, maxArgs: 2, latex: { form: 'delta' }, domain: 'all', title: 'Kronecker delta (1 if i = j, else 0)', evaluate: (xs) => (a0(xs) === xs[1] ? 1 : 0) },
  // sum(body, k, lo, hi) = Σ_{k=lo}^{hi} body: k is bound inside body.
  { name: 'sum', aliases: [], minArgs: 4, maxArgs: 4, latex: { form: 'sum' }, domain: 'all', title: 'finite sum over an index', binds: 1, evaluate: () => NaN },
];

const BY_NAME = new Map<string, FunctionSpec>();
for (const f of FUNCTIONS) {
  BY_NAME.set(f.name, f);
  for (const a of f.aliases) BY_NAME.set(a, f);
}

/** lookupFunction('ln')?.name === 'log' */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name);
}

/** Named constants: the symbol `pi`; Euler's e is written exp(1). */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI]]);

/**
 * Reading vectors and matrices when no shapes are declared. Textbook
 * notation marks them by convention: a transpose (x^T, x^\top), a capital
 * next to another factor (W x, A B), a matrix call (matmul, diag). Such
 * products are not commutative, so the judge must not decide them with
 * scalar algebra; ordinary capitals used as scalars (1/K, a cost C alone, a
 * loss L, the bound N of a sum) are not in a product with another symbol and
 * stay scalars.
 *
 *     transposeReading(sym('x'))                    // true: x^T is a transpose
 *     orderSensitiveProducts(parsePlain('B*A*x'))   // ['B*A*x' as an Expr]
 */
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { isMatrixCall } from '../matrix/matrix-calls.js';
import { children, some } from '../expr/traverse.js';

/**
 * Capital Greek letters that name matrices in course notes (Σ a covariance, Λ
 * a diagonal of eigenvalues, Θ, Ω, Φ, Ψ feature and weight matrices). Not Δ
 * (an increment: Δw), Π (a product) or Γ (the gamma function).
 */
const MATRIX_GREEK: ReadonlySet<string> = new Set(['Sigma', 'Lambda', 'Theta', 'Omega', 'Phi', 'Psi', 'Xi', 'Upsilon']);

/** Lower-case Greek letters, which name vectors as often as numbers (μ a mean, θ parameters): next to a matrix they may be arrays. */
const GREEK_LOWER = /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega)$/;

/** Does e look like a matrix (or an expression of matrices): a single capital letter, a matrix call, or built of them? */
export function looksLikeMatrix(e: Expr): boolean {
  switch (e.kind) {
    case 'sym':
      return /^[A-Z]$/.test(e.name) || MATRIX_GREEK.has(e.name);
    case 'call':
      return isMatrixCall(e);
    case 'add':
      return e.args.some(looksLikeMatrix);
    case 'mul':
      return e.args.some(looksLikeMatrix);
    case 'neg':
      return looksLikeMatrix(e.arg);
    case 'pow':
      return looksLikeMatrix(e.base);
    case 'deriv':
      return looksLikeMatrix(e.body);
    default:
      return false;
  }
}

/** A factor that may be a vector or a matrix: a bare Latin letter (x, W), or something that looks like a matrix. */
function mayBeArray(e: Expr): boolean {
  if (e.kind === 'sym') return ((/^[A-Za-z]$/.test(e.name) && e.name !== 'e') || GREEK_LOWER.test(e.name) || MATRIX_GREEK.has(e.name)) && e.sub.length === 0;
  return looksLikeMatrix(e);
}

/**
 * Is base^T a transpose rather than a power with exponent T (without declared
 * shapes)? Yes on a Latin letter (x^T, W^T) and on what looks like a matrix
 * ((A + B)^T); no on numbers, Greek letters and other groups (\gamma^T, 2^T).
 */
export function transposeReading(base: Expr): boolean {
  if (base.kind === 'sym') return /^[A-Za-z]$/.test(base.name) && base.name !== 'e';
  return looksLikeMatrix(base);
}

/** Is the symbol T, bare (the exponent of x^T)? */
export function isBareT(e: Expr): boolean {
  return e.kind === 'sym' && e.name === 'T' && e.sub.length === 0 && e.sup.length === 0;
}

/**
 * The subterms whose meaning depends on reading letters as matrices: products
 * with a matrix-looking factor and another factor that may be an array
 * (B*A*x, W*x, A*B), every transpose or matrix call, and norms of letters
 * (‖x‖). Empty when scalar algebra is safe.
 */
export function orderSensitiveProducts(e: Expr): Expr[] {
  const out: Expr[] = [];
  const walk = (x: Expr): void => {
    // ‖x‖, LSE(z), softmax(z) of a letter: a function of every entry (the table's ofEntries), so the
    // letter is a vector by this notation, and ‖x‖ is not |x| (nor LSE(z) = z) unless it has one entry.
    // LSE(2z), softmax(w x): a function meant of a vector, whatever its argument looks like (a number aside).
    const spec = x.kind === 'call' ? lookupFunction(x.fn) : undefined;
    const arg = x.kind === 'call' ? x.args[0] : undefined;
    if (spec?.ofEntries === true && arg !== undefined && (mayBeArray(arg) || (spec.vectorArgument === true && some(arg, (y) => y.kind === 'sym')))) {
      out.push(x);
      return;
    }
    if (isMatrixCall(x)) {
      out.push(x);
      return;
    }
    if (x.kind === 'mul' && x.args.some(looksLikeMatrix) && x.args.filter(mayBeArray).length >= 2) {
      out.push(x);
      return;
    }
    for (const c of children(x)) walk(c);
  };
  walk(e);
  return out;
}

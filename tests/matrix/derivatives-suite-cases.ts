/**
 * The acceptance suite of matrix derivatives as data: expression, variable,
 * shapes, and the form a textbook prints (Petersen & Pedersen, The Matrix
 * Cookbook; Goodfellow et al., Deep Learning §6.5; Bishop, PRML §3.1, §4.3).
 * Used by tests/matrix/derivatives-suite.test.ts and tests/bench/matrix-derive.bench.ts.
 */
export interface Case {
  readonly name: string;
  readonly expr: string;
  readonly wrt: string;
  readonly shapes: string;
  /** The form a textbook prints, in the plain syntax under the shapes. */
  readonly textbook: string;
}

const LS = 'X: n x d, w: d, y: n';
const NET = 'W: h x n, x: n, b: h, V: k x h, c: k, y: k';

export const CASES: readonly Case[] = [
  // Linear and affine maps, linear forms (Matrix Cookbook §2.4.1).
  { name: 'Jacobian of a linear map', expr: 'W*x', wrt: 'x', shapes: 'W: m x n, x: n', textbook: 'W' },
  { name: 'Jacobian of an affine map', expr: 'W*x + b', wrt: 'x', shapes: 'W: m x n, x: n, b: m', textbook: 'W' },
  { name: 'Jacobian of a product of maps', expr: 'A*B*x', wrt: 'x', shapes: 'A: m x p, B: p x n, x: n', textbook: 'A*B' },
  { name: 'Jacobian of a scaled affine map', expr: '2*W*x - b', wrt: 'x', shapes: 'W: m x n, x: n, b: m', textbook: '2*W' },
  { name: 'gradient of a linear form a^T x', expr: 'transpose(a)*x', wrt: 'x', shapes: 'a: n, x: n', textbook: 'a' },
  { name: 'gradient of a linear form x^T a', expr: 'transpose(x)*a', wrt: 'x', shapes: 'a: n, x: n', textbook: 'a' },
  { name: 'gradient of a bilinear form by its matrix', expr: 'transpose(a)*W*b', wrt: 'W', shapes: 'a: m, W: m x n, b: n', textbook: 'a*b^T' },
  { name: 'gradient of the sum of W x by W', expr: 'sum(W*x)', wrt: 'W', shapes: 'W: m x n, x: n', textbook: 'ones(m)*x^T' },
  { name: 'gradient of the sum of W x by x', expr: 'sum(W*x)', wrt: 'x', shapes: 'W: m x n, x: n', textbook: 'W^T*ones(m)' },
  // Quadratic forms (Matrix Cookbook (81), (84)).
  { name: 'gradient of a quadratic form', expr: 'transpose(x)*A*x', wrt: 'x', shapes: 'A: n x n, x: n', textbook: '(A + A^T)*x' },
  { name: 'gradient of x^T x', expr: 'transpose(x)*x', wrt: 'x', shapes: 'x: n', textbook: '2*x' },
  { name: 'gradient of a quadratic form by its matrix', expr: 'transpose(x)*A*x', wrt: 'A', shapes: 'A: n x n, x: n', textbook: 'x*x^T' },
  { name: 'gradient of |W x|^2 by x', expr: 'transpose(W*x)*(W*x)', wrt: 'x', shapes: 'W: m x n, x: n', textbook: '2*W^T*W*x' },
  { name: 'gradient of |W x|^2 by W', expr: 'transpose(W*x)*(W*x)', wrt: 'W', shapes: 'W: m x n, x: n', textbook: '2*W*x*x^T' },
  { name: 'gradient of (x^T x)^2', expr: 'transpose(x)*x*transpose(x)*x', wrt: 'x', shapes: 'x: n', textbook: '4*(x^T*x)*x' },
  // Least squares and ridge (Bishop (3.13); Goodfellow §5.1.4).
  { name: 'least squares', expr: 'transpose(X*w - y)*(X*w - y)', wrt: 'w', shapes: LS, textbook: '2*X^T*(X*w - y)' },
  { name: 'least squares halved', expr: 'transpose(X*w - y)*(X*w - y)/2', wrt: 'w', shapes: LS, textbook: 'X^T*(X*w - y)' },
  { name: 'mean squared error', expr: 'transpose(X*w - y)*(X*w - y)/n', wrt: 'w', shapes: LS, textbook: '2/n*X^T*(X*w - y)' },
  { name: 'least squares with an entrywise square', expr: 'sum(epow(X*w - y, 2))', wrt: 'w', shapes: LS, textbook: '2*X^T*(X*w - y)' },
  { name: 'ridge regression', expr: 'transpose(X*w - y)*(X*w - y) + lambda*transpose(w)*w', wrt: 'w', shapes: LS, textbook: '2*X^T*(X*w - y) + 2*lambda*w' },
  // Frobenius norms written as traces and sums of entries (Matrix Cookbook (103), (110)).
  { name: 'Frobenius least squares as a trace', expr: 'trace(transpose(X*W - Y)*(X*W - Y))', wrt: 'W', shapes: 'X: n x d, W: d x k, Y: n x k', textbook: '2*X^T*(X*W - Y)' },
  { name: 'Frobenius least squares as a sum of entries', expr: 'sum(hadamard(X*W - Y, X*W - Y))', wrt: 'W', shapes: 'X: n x d, W: d x k, Y: n x k', textbook: '2*X^T*(X*W - Y)' },
  { name: 'Frobenius ridge', expr: 'trace(transpose(X*W - Y)*(X*W - Y)) + lambda*trace(transpose(W)*W)', wrt: 'W', shapes: 'X: n x d, W: d x k, Y: n x k', textbook: '2*X^T*(X*W - Y) + 2*lambda*W' },
  { name: 'squared Frobenius norm', expr: 'trace(X*transpose(X))', wrt: 'X', shapes: 'X: m x n', textbook: '2*X' },
  // Traces (Matrix Cookbook (100), (101), (117)).
  { name: 'trace of A X', expr: 'trace(A*X)', wrt: 'X', shapes: 'A: n x m, X: m x n', textbook: 'A^T' },
  { name: 'trace of X A', expr: 'trace(X*A)', wrt: 'X', shapes: 'X: m x n, A: n x m', textbook: 'A^T' },
  { name: 'trace of X^T A', expr: 'trace(transpose(X)*A)', wrt: 'X', shapes: 'X: m x n, A: m x n', textbook: 'A' },
  { name: 'trace of X^T A X', expr: 'trace(transpose(X)*A*X)', wrt: 'X', shapes: 'X: m x n, A: m x m', textbook: '(A + A^T)*X' },
  // Elementwise functions.
  { name: 'sum of exponentials', expr: 'sum(exp(x))', wrt: 'x', shapes: 'x: n', textbook: 'exp(x)' },
  { name: 'sum of logarithms', expr: 'sum(log(x))', wrt: 'x', shapes: 'x: n', textbook: 'epow(x, -1)' },
  { name: 'sum of cubes', expr: 'sum(epow(x, 3))', wrt: 'x', shapes: 'x: n', textbook: '3*epow(x, 2)' },
  { name: 'sigmoid layer summed, by W', expr: 'sum(sigma(W*x + b))', wrt: 'W', shapes: 'W: m x n, x: n, b: m', textbook: 'hadamard(sigma(W*x + b), 1 - sigma(W*x + b))*x^T' },
  { name: 'tanh layer summed, by b', expr: 'sum(tanh(W*x + b))', wrt: 'b', shapes: 'W: m x n, x: n, b: m', textbook: '1 - hadamard(tanh(W*x + b), tanh(W*x + b))' },
  { name: 'ReLU layer summed, by W', expr: 'sum(relu(W*x + b))', wrt: 'W', shapes: 'W: m x n, x: n, b: m', textbook: 'step(W*x + b)*x^T' },
  { name: 'softplus layer summed, by x', expr: 'sum(softplus(W*x))', wrt: 'x', shapes: 'W: m x n, x: n', textbook: 'W^T*sigma(W*x)' },
  { name: 'tanh layer read out by a, by W', expr: 'transpose(a)*tanh(W*x)', wrt: 'W', shapes: 'W: m x n, x: n, a: m', textbook: 'hadamard(a, 1 - hadamard(tanh(W*x), tanh(W*x)))*x^T' },
  // Jacobians of elementwise layers, diag(f'(s)) W (Goodfellow §6.5.2), and the softmax Jacobian diag(y) - y y^T.
  { name: 'Jacobian of a sigmoid layer', expr: 'sigma(W*x)', wrt: 'x', shapes: 'W: m x n, x: n', textbook: 'diag(hadamard(sigma(W*x), 1 - sigma(W*x)))*W' },
  { name: 'Jacobian of a tanh layer', expr: 'tanh(W*x + b)', wrt: 'x', shapes: 'W: m x n, x: n, b: m', textbook: 'diag(1 - hadamard(tanh(W*x + b), tanh(W*x + b)))*W' },
  { name: 'Jacobian of a ReLU layer', expr: 'relu(W*x)', wrt: 'x', shapes: 'W: m x n, x: n', textbook: 'diag(step(W*x))*W' },
  { name: 'Jacobian of the elementwise exponential', expr: 'exp(x)', wrt: 'x', shapes: 'x: n', textbook: 'diag(exp(x))' },
  { name: 'chain rule for Jacobians', expr: 'V*exp(W*x)', wrt: 'x', shapes: 'V: p x m, W: m x n, x: n', textbook: 'V*diag(exp(W*x))*W' },
  { name: 'softmax Jacobian', expr: 'exp(s)/sum(exp(s))', wrt: 's', shapes: 's: n', textbook: 'diag(exp(s)/sum(exp(s))) - exp(s)/sum(exp(s))*(exp(s)/sum(exp(s)))^T' },
  // Logistic and softmax regression, binary cross-entropy (Bishop (4.91), (4.109); the softmax form with sum(y) = 1 written out).
  { name: 'logistic regression', expr: '-(transpose(y)*log(sigma(X*w)) + transpose(1 - y)*log(1 - sigma(X*w)))/n', wrt: 'w', shapes: LS, textbook: 'X^T*(sigma(X*w) - y)/n' },
  { name: 'binary cross-entropy of a sigmoid layer, by b', expr: '-(transpose(y)*log(sigma(W*x + b)) + transpose(1 - y)*log(1 - sigma(W*x + b)))/h', wrt: 'b', shapes: 'W: h x n, x: n, b: h, y: h', textbook: '(sigma(W*x + b) - y)/h' },
  { name: 'softmax regression, one sample', expr: '-transpose(y)*log(exp(W*x)/sum(exp(W*x)))', wrt: 'W', shapes: 'W: k x n, x: n, y: k', textbook: '(sum(y)*exp(W*x)/sum(exp(W*x)) - y)*x^T' },
  // One and two hidden layers with squared error.
  { name: 'one ReLU layer read out by v', expr: 'transpose(v)*relu(W*x + b)', wrt: 'W', shapes: 'W: h x n, x: n, b: h, v: h', textbook: 'hadamard(v, step(W*x + b))*x^T' },
  { name: 'two layers, tanh, squared error, by V', expr: 'transpose(V*tanh(W*x + b) + c - y)*(V*tanh(W*x + b) + c - y)/2', wrt: 'V', shapes: NET, textbook: '(V*tanh(W*x + b) + c - y)*tanh(W*x + b)^T' },
  { name: 'two layers, tanh, squared error, by W', expr: 'transpose(V*tanh(W*x + b) + c - y)*(V*tanh(W*x + b) + c - y)/2', wrt: 'W', shapes: NET, textbook: 'hadamard(V^T*(V*tanh(W*x + b) + c - y), 1 - hadamard(tanh(W*x + b), tanh(W*x + b)))*x^T' },
  { name: 'two layers, tanh, squared error, by c', expr: 'transpose(V*tanh(W*x + b) + c - y)*(V*tanh(W*x + b) + c - y)/2', wrt: 'c', shapes: NET, textbook: 'V*tanh(W*x + b) + c - y' },
  { name: 'two layers, ReLU then sigmoid, summed, by W', expr: 'sum(sigma(V*relu(W*x + b) + c))', wrt: 'W', shapes: NET, textbook: 'hadamard(V^T*hadamard(sigma(V*relu(W*x + b) + c), 1 - sigma(V*relu(W*x + b) + c)), step(W*x + b))*x^T' },
  { name: 'two layers, 3 ReLU, squared error, by b', expr: 'transpose(V*(3*relu(W*x + b)) + c - y)*(V*(3*relu(W*x + b)) + c - y)', wrt: 'b', shapes: NET, textbook: '6*hadamard(V^T*(V*(3*relu(W*x + b)) + c - y), step(W*x + b))' },
  { name: 'two hidden ReLU layers read out by a', expr: 'transpose(a)*relu(V*relu(W*x))', wrt: 'W', shapes: 'W: h x n, x: n, V: k x h, a: k', textbook: 'hadamard(V^T*hadamard(a, step(V*relu(W*x))), step(W*x))*x^T' },
  { name: 'two layers, sigmoid output, binary cross-entropy, by c', expr: '-(transpose(y)*log(sigma(V*tanh(W*x + b) + c)) + transpose(1 - y)*log(1 - sigma(V*tanh(W*x + b) + c)))/k', wrt: 'c', shapes: NET, textbook: '(sigma(V*tanh(W*x + b) + c) - y)/k' },
];


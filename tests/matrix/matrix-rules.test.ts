/**
 * Every rule of rules/matrix-calculus.rules is an identity between components:
 * each is applied to an instance written here (shaped symbols, so its shape
 * guards are exercised) and the rewritten term is compared with its
 * replacement entry by entry at two sets of distinct sizes. The table must
 * name every rule of the matrix rule sets, so a new rule without an instance
 * fails. (The scalar rules have tests/properties/rules-sound.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mul, num, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { sizeNames } from '../../src/matrix-check/check-matrix-equal.js';
import { distinctSizeInstances } from '../../src/matrix-check/finite-differences.js';
import { quickMatrixEqual } from '../../src/matrix-check/quick-matrix-equal.js';
import { parsePlain } from '../../src/parse/index.js';
import { rewriteOnce } from '../../src/rewrite/apply.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { defaultRulesDir, loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { shapedDiffResult } from '../../src/derive/shaped-diff-result.js';

const SHAPES = 'A: m x n, C: m x n, X: m x n, G: m x n, S: n x n, W: m x n, x: n, a: n, u: m, v: m';

/** One term each rule rewrites at its root. */
const INSTANCES: Readonly<Record<string, string>> = {
  'mat.gradient-start': 'd(transpose(a)*x, x)',
  'mat.vjp-constant': 'vjp(G, A, X)',
  'mat.vjp-norm': 'vjp(2, norm(X), X)',
  'mat.vjp-norm1': 'vjp(2, norm1(x), x)',
  'mat.norm-squared': 'norm(X)^2',
  'mat.vjp-variable': 'vjp(G, X, X)',
  'mat.vjp-variable-ones': 'vjp(2, X, X)',
  'mat.vjp-broadcast-product-3': 'vjp(3, W*S*x, x)',
  'mat.vjp-linear-right-3': 'vjp(u, W*S*x, x)',
  'mat.vjp-linear-left-3': 'vjp(G, X*S*S, X)',
  'mat.vjp-product-3': 'vjp(1, transpose(x)*S*x, x)',
  'mat.vjp-product-4': 'vjp(1, transpose(x)*S*S*x, x)',
  'mat.vjp-broadcast-product': 'vjp(3, W*x, x)',
  'mat.vjp-linear-right': 'vjp(u, W*x, x)',
  'mat.vjp-linear-left': 'vjp(G, X*S, X)',
  'mat.vjp-product': 'vjp(1, transpose(x)*x, x)',
  'mat.vjp-transpose': 'vjp(transpose(G), transpose(X), X)',
  'mat.vjp-sum': 'vjp(G, X + C, X)',
  'mat.vjp-sum-broadcast': 'vjp(G, sum(X) + X, X)',
  'mat.vjp-negation': 'vjp(G, -X, X)',
  'mat.vjp-scalar-multiple': 'vjp(G, 2*X, X)',
  'mat.vjp-scalar-product': 'vjp(G, sum(X)*X, X)',
  'mat.vjp-quotient': 'vjp(G, X/2, X)',
  'mat.vjp-quotient-rule': 'vjp(G, X/sum(exp(X)), X)',
  'mat.vjp-hadamard-right': 'vjp(G, hadamard(C, X), X)',
  'mat.vjp-hadamard-left': 'vjp(G, hadamard(X, C), X)',
  'mat.vjp-hadamard': 'vjp(G, hadamard(X, X), X)',
  'mat.vjp-entry-sum': 'vjp(2, sum(X), X)',
  'mat.vjp-trace': 'vjp(2, trace(S), S)',
  'mat.vjp-sigma': 'vjp(G, sigma(X), X)',
  'mat.vjp-tanh': 'vjp(G, tanh(X), X)',
  'mat.vjp-relu': 'vjp(G, relu(X), X)',
  'mat.vjp-exp': 'vjp(G, exp(X), X)',
  'mat.vjp-log': 'vjp(u, log(v), v)',
  'mat.vjp-log-scalar': 'vjp(2, log(sum(exp(v))), v)',
  'mat.vjp-softplus': 'vjp(G, softplus(X), X)',
  'mat.vjp-power': 'vjp(u, epow(v, 3), v)',
  'mat.vjp-power-scalar': 'vjp(2, (transpose(v)*v)^3, v)',
  'mat.jacobian-constant': 'd(u, x)',
  'mat.jacobian-variable': 'd(x, x)',
  'mat.jacobian-linear-map-3': 'd(W*S*x, x)',
  'mat.jacobian-linear-map': 'd(W*x, x)',
  'mat.jacobian-sum': 'd(W*x + u, x)',
  'mat.jacobian-negation': 'd(-x, x)',
  'mat.jacobian-scalar-multiple': 'd(2*x, x)',
  'mat.jacobian-quotient': 'd(x/2, x)',
  'mat.jacobian-quotient-rule': 'd(x/sum(exp(x)), x)',
  'mat.jacobian-sigma': 'd(sigma(x), x)',
  'mat.jacobian-tanh': 'd(tanh(x), x)',
  'mat.jacobian-relu': 'd(relu(x), x)',
  'mat.jacobian-exp': 'd(exp(x), x)',
  'mat.jacobian-softplus': 'd(softplus(x), x)',
  'mat.vjp-lse': 'vjp(2, lse(W*x), x)',
  'mat.vjp-softmax': 'vjp(v, softmax(W*x), x)',
  'mat.jacobian-softmax': 'd(softmax(W*x), x)',
  'vec.lse-scalar': 'lse(transpose(a)*x)',
  'vec.softmax-scalar': 'softmax(transpose(a)*x)',
  'sv.lse-equal-entries': 'lse(sum(exp(u))*ones(n))',
  'sv.softmax-equal-entries': 'softmax(sum(exp(u))*ones(n))',
  'vec.softmax-sums-to-one': 'sum(softmax(W*x))',
  'vec.softmax-shift': 'softmax(x + sum(exp(u))*ones(x))',
  'vec.lse-shift': 'lse(x + sum(exp(u))*ones(x))',
  'vec.log-softmax': 'log(softmax(W*x, 2))',
  'vec.softmax-exp-lse': 'exp(entry(W*x, 2, 1) - lse(W*x))',
  'mat.add-zero': 'X + 0',
  'mat.times-zero': '0*X',
  'mat.times-one': '1*X',
  'mat.double-negation': '-(-X)',
  'mat.power-one': '(transpose(v)*v)^1',
  'mat.entry-power-one': 'epow(X, 1)',
  'mat.matmul-scalar-left': 'matmul(transpose(a)*x, transpose(u))',
  'mat.matmul-scalar-right': 'matmul(u, transpose(a)*x)',
  'mat.matmul-identity-right': 'X*identity(n)',
  'mat.matmul-identity-left': 'identity(m)*X',
  'mat.matmul-identity-right-3': 'W*S*identity(n)',
  'mat.matmul-multiple-right': 'matmul(W, 2*S)',
  'mat.matmul-multiple-left': 'matmul(2*W, S)',
  'mat.matmul-negation-right': 'matmul(W, -S)',
  'mat.matmul-flatten-right': 'matmul(W, matmul(S, x))',
  'mat.matmul-flatten-left': 'matmul(matmul(W, S), x)',
  'mat.hadamard-multiple-left': 'hadamard(2*X, C)',
  'mat.hadamard-multiple-right': 'hadamard(X, 2*C)',
  'mat.transpose-identity': 'transpose(identity(n))',
  'mat.transpose-diag': 'transpose(diag(u))',
  'mat.divide-by-number': 'X/2',
  'mat.diag-quotient': 'diag(u)/sum(exp(u))',
  'mat.outer-quotient': 'u*transpose(v)/sum(exp(u))^2',
  'mat.transpose-product-3': 'transpose(W*S*x)',
  'mat.hadamard-scalar-left': 'hadamard(2, X)',
  'mat.hadamard-scalar-right': 'hadamard(X, 2)',
  'mat.hadamard-ones': 'hadamard(X, ones(C))',
  'mat.entry-sum-scalar': 'sum(transpose(u)*v)',
  'mat.inner-product': 'sum(hadamard(u, v))',
  'mat.transpose-transpose': 'transpose(transpose(X))',
  'mat.transpose-scalar': 'transpose(transpose(u)*v)',
  'mat.twice': 'X + X',
  'mat.collect-one': '2*X + X',
  'mat.collect': '2*X + 3*X',
  'mat.multiply-numbers': '2*3*X',
  'mat.factor-right': 'A*S + C*S',
  'mat.transpose-product': 'transpose(W*x)',
  'mat.transpose-multiple': 'transpose(2*X)',
  'mat.transpose-negation': 'transpose(-X)',
  'mat.scalar-inner-factor': 'u*transpose(a)*x',
  'mat.transpose-hadamard': 'transpose(hadamard(X, C))',
};

const library = loadRuleLibrary();
const matrixRules = library.rules.filter((r) => r.set.startsWith('matrix-'));
const ctx = shapeContext([SHAPES]);
const instances = distinctSizeInstances(sizeNames(ctx));

describe('the matrix-calculus rules, entry by entry', () => {
  it('should have an instance for every rule of the matrix rule sets', () => {
    expect(matrixRules.length).toBeGreaterThan(60);
    expect(matrixRules.map((r) => r.id).filter((id) => INSTANCES[id] === undefined)).toEqual([]);
  });

  for (const rule of matrixRules) {
    it(`should hold: ${rule.id} on ${INSTANCES[rule.id] ?? '(no instance)'}`, () => {
      const redex = parsePlain(INSTANCES[rule.id] ?? '', { shapes: ctx });
      const rw = rewriteOnce(redex, [rule], { shapes: ctx });
      expect(rw, `${rule.id} does not rewrite its instance`).toBeDefined();
      const contractum = rw?.contractum as Expr;
      const rhs = contractum.kind === 'num' && contractum.n === 0n ? mul(num(0), redex) : contractum;
      expect(quickMatrixEqual(redex, rhs, ctx, instances).verdict).toBe('holds');
    });
  }

  it('should refuse a rule whose guard on shapes fails: x^T x is not rewritten by the Jacobian sum rule', () => {
    const rule = matrixRules.find((r) => r.id === 'mat.jacobian-sum');
    expect(rule).toBeDefined();
    const term = parsePlain('d(transpose(x)*x + transpose(a)*x, x)', { shapes: ctx });
    expect(rewriteOnce(term, rule === undefined ? [] : [rule], { shapes: ctx })).toBeUndefined();
  });
});

describe('a wrong matrix rule is caught at its step', () => {
  /** A copy of rules/ with one rule line changed. */
  function rulesWith(id: string, from: string, to: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-rules-'));
    cpSync(defaultRulesDir(), dir, { recursive: true });
    const file = join(dir, 'matrix-calculus.rules');
    const lines = readFileSync(file, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith(`${id} `));
    expect(lines[k]).toContain(from);
    lines[k] = (lines[k] as string).replace(from, to);
    writeFileSync(file, lines.join('\n'));
    return dir;
  }

  it('should fail the step of a linear-map rule that forgets the transpose (A G instead of A^T G)', () => {
    const engine = createEngine({ rulesDir: rulesWith('mat.vjp-linear-right', 'vjp(matmul(transpose(u), g), v, x)', 'vjp(matmul(u, g), v, x)') });
    const shapes = shapeContext(['A: n x n, x: n']);
    const o = shapedDiffResult('sum(A*x)', parsePlain('sum(A*x)', { shapes }), [sym('x')], shapes, { engine });
    expect(o.verdict).toBe('fails');
    const steps = (o.json as { steps: { rule: string; check: string }[] }).steps;
    expect(steps.filter((s) => s.check !== 'holds').map((s) => s.rule)).toContain('mat.vjp-linear-right');
    expect(o.text).toMatch(/\nsteps: step \d+ \(mat\.vjp-linear-right\) fails: entry/);
    expect(o.text).toMatch(/\nfinite differences: fails: /);
  });

  it('should fail the step of a product rule with the factors in the wrong order', () => {
    const engine = createEngine({ rulesDir: rulesWith('mat.vjp-linear-left', 'vjp(matmul(g, transpose(v)), u, x)', 'vjp(matmul(transpose(v), g), u, x)') });
    const shapes = shapeContext(['W: n x n, x: n, a: n']);
    const o = shapedDiffResult('a^T W x', parsePlain('transpose(a)*W*x', { shapes }), [sym('W')], shapes, { engine });
    expect(o.verdict).not.toBe('holds');
    const steps = (o.json as { steps?: { rule: string; check: string }[] }).steps ?? [];
    expect(steps.filter((s) => s.check !== 'holds').map((s) => s.rule)).toContain('mat.vjp-linear-left');
  });
});

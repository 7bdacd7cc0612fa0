/**
 * Backpropagation in matrix form (rules/derivations/two-layer-network.yaml):
 * every variant checks entry by entry, a tampered step fails at that step
 * and nowhere else, the closed forms agree with the index-notation
 * derivation (two-layer-backprop), and the default variant prints through
 * text, KaTeX, `gradtex render` and `gradtex md`.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mul, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { mapBottomUp } from '../../src/expr/traverse.js';
import { computeNamed, derivationsDir, loadNamedSpec, NamedSpecError, namedToText, parseNamedSpec, partToLatex, unfold, verifyNamed, type VerifiedNamed } from '../../src/derive/named/index.js';
import { openChainExpr } from '../../src/derive/named/matrix-chain.js';
import { entryOf, FreshIndices } from '../../src/matrix/lower.js';
import { checkMatrixEqual } from '../../src/matrix-check/check-matrix-equal.js';
import { parseIdentities } from '../../src/matrix-check/identities.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';

const engine = createEngine();
const FILE = join(derivationsDir(), 'two-layer-network.yaml');
const SOURCE = readFileSync(FILE, 'utf8');

function run(params: Record<string, string> = {}, source = SOURCE): VerifiedNamed {
  return verifyNamed(computeNamed(engine, parseNamedSpec('two-layer-network', 'two-layer-network.yaml', source, params)), { points: 6 });
}

/** The derivation file with one step's text replaced (exactly once). */
function tampered(from: string, to: string, source = SOURCE): string {
  expect(source.split(from)).toHaveLength(2);
  return source.replace(from, to);
}

const index = (v: VerifiedNamed, id: string): number => v.parts.findIndex((p) => p.computed.part.id === id);

const DEFAULT = run();

describe('two-layer-network: the default variant (3·ReLU, identity, squared error)', () => {
  it('should check every step of every part entry by entry', () => {
    // A part whose every step writes out definitions or earlier results is proved (and sampled all the same).
    expect(DEFAULT.verdict).toBe('holds');
    expect(DEFAULT.parts.every((p) => p.verdict === 'holds' || (p.verdict === 'proved' && p.provedBy === 'steps'))).toBe(true);
    // Each chain step was compared at several sizes, distinct sizes included.
    // A step between scalars only (f'(t), the loss of one entry) names no sizes: the check says the sides are scalar.
    const texts = DEFAULT.parts.flatMap((p) => p.stepTexts ?? []);
    // Each names the sizes it uses (usedContext), at two instances or more.
    const sized = texts.filter((t) => /agree at \d+ random points over sizes \{[^}]*\}, \{[^}]*\}/.test(t));
    for (const t of texts) if (!sized.includes(t)) expect(t).toMatch(/^both sides are scalar; all 1 entries agree at \d+ random points/);
    expect(sized.length).toBeGreaterThanOrEqual(texts.length - 3);
  });

  it('should print the forward pass, the module Jacobians and the four gradients with their sizes', () => {
    const text = namedToText(DEFAULT);
    for (const line of [
      '= W^{(1)}*x + b^{(1)}    [Forward pass (definition); size m]',
      '= 3*relu(s^{(1)})    [The chosen functions: f = 3·ReLU, g = identity; size m]',
      '= W^{(2)}*a^{(1)} + b^{(2)}    [Forward pass (definition); size K]',
      '= 1/2*(ytilde - y)^T*(ytilde - y)    [Forward pass (definition); size scalar]',
      '= diag(3*step(s^{(1)}))    [Derivative of the chosen function, entry by entry; size m×m]',
      '= d(ytilde, s^{(2)})^T*d(C, ytilde)    [Chain rule for a gradient through u = F(s): the transposed Jacobian times the gradient by u; size K]',
      '= (ytilde - y)*a^{(1)}^T    [δ as derived above; size K×m]',
      '= d(a^{(1)}, s^{(1)})^T*d(s^{(2)}, a^{(1)})^T*d(C, s^{(2)})',
      '= hadamard(W^{(2)}^T*(ytilde - y), 3*step(s^{(1)}))    [δ as derived above; size m]',
      '= diag(3*step(s^{(1)}))*W^{(2)}^T*(ytilde - y)*x^T    [A diagonal matrix times a vector is the elementwise product; size m×n]',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toContain('answer: diag(3*step(s^{(1)}))*W^{(2)}^T*(ytilde - y)*x^T');
    expect(text).toContain('numerator layout');
  });

  it("should state ReLU's kink and the frameworks' convention separately", () => {
    const text = namedToText(DEFAULT);
    expect(text).toContain("hypothesis: 3·ReLU has a kink at 0: f′(0) does not exist (left derivative 0, right 3). PyTorch, TensorFlow and JAX take f′(0) = 0");
  });

  it('should give every part LaTeX that KaTeX renders with throwOnError', () => {
    for (const p of DEFAULT.parts) {
      const tex = partToLatex(p, 'aligned');
      expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true }), p.computed.part.id).not.toThrow();
    }
    const w1 = DEFAULT.parts[index(DEFAULT, 'grad-w1')];
    expect(w1 && partToLatex(w1, 'aligned')).toContain('\\frac{\\partial C}{\\partial W^{(1)}}');
  });
});

describe('two-layer-network: a tampered step fails at that step only', () => {
  /** Every failing step of the derivation: part id and step number (from 1). */
  const failing = (v: VerifiedNamed): string[] => v.parts.flatMap((p) => p.steps.flatMap((s, k) => (s.verdict === 'fails' ? [`${p.computed.part.id} step ${k + 1}`] : [])));
  const LAST_W1 = 'to: "diag({{f.primematrix}})*transpose(W^{(2)})*$delta2*transpose(x)"';
  const LAST_W2 = 'to: $delta2*transpose(a^{(1)})';

  it('should fail a transposed factor (W⁽²⁾ for W⁽²⁾ᵀ in ∂C/∂W⁽¹⁾) at that step: the shapes do not fit', () => {
    const v = run({}, tampered(LAST_W1, 'to: "diag({{f.primematrix}})*W^{(2)}*$delta2*transpose(x)"'));
    expect(v.verdict).toBe('fails');
    expect(failing(v)).toEqual(['grad-w1 step 3']);
    expect(v.failure).toEqual({ part: index(v, 'grad-w1'), step: 2 });
    expect(namedToText(v)).toMatch(/<- step 3 FAILED: the shapes do not fit: .*cannot multiply diag\(3\*step\(s\^\{\(1\)\}\)\) \(m×m\) by W\^\{\(2\)\} \(K×m\)/);
  });

  it('should fail a product in the wrong order (a⁽¹⁾ᵀ δ₂ for δ₂ a⁽¹⁾ᵀ) at that step: the shapes do not fit', () => {
    const v = run({}, tampered(LAST_W2, 'to: transpose(a^{(1)})*$delta2'));
    expect(failing(v)).toEqual(['grad-w2 step 2']);
    expect(v.failure).toEqual({ part: index(v, 'grad-w2'), step: 1 });
  });

  it('should fail a transposed result (x δ₁ᵀ for δ₁ xᵀ): the shapes differ', () => {
    const v = run({}, tampered(LAST_W1, 'to: "x*transpose(diag({{f.primematrix}})*transpose(W^{(2)})*$delta2)"'));
    expect(failing(v)).toEqual(['grad-w1 step 3']);
    expect(v.parts[index(v, 'grad-w1')]?.stepTexts?.[2]).toMatch(/the shapes differ: the left side is m×n, the right side n×m/);
  });

  // With K = m every product below has a shape: the mistake shows in the entries.
  const square = SOURCE.replace('W^{(2)}: K x m, b^{(2)}: K, s^{(2)}: K, ytilde: K, y: K', 'W^{(2)}: m x m, b^{(2)}: m, s^{(2)}: m, ytilde: m, y: m').replaceAll('identity(K)', 'identity(m)').replaceAll('ones(K)', 'ones(m)');

  it('should fail a transposed factor by its entries when the shapes allow it (K = m)', () => {
    expect(run({}, square).verdict).toBe('holds');
    const v = run({}, tampered(LAST_W1, 'to: "diag({{f.primematrix}})*W^{(2)}*$delta2*transpose(x)"', square));
    expect(failing(v)).toEqual(['grad-w1 step 3']);
    expect(v.parts[index(v, 'grad-w1')]?.stepTexts?.[2]).toMatch(/^entry \(\d, \d\) differs with m = \d, n = \d/);
  });

  it('should fail a product in the wrong order by its entries when the shapes allow it (K = m)', () => {
    const v = run({}, tampered(LAST_W2, 'to: a^{(1)}*transpose($delta2)', square));
    expect(failing(v)).toEqual(['grad-w2 step 2']);
  });

  it('should fail a step in the middle changed through the API (Jacobians multiplied in the wrong order), and only that step', () => {
    const computed = computeNamed(engine, parseNamedSpec('two-layer-network', 'two-layer-network.yaml', square));
    const k = computed.parts.findIndex((p) => p.part.id === 'delta1');
    const wrongOrder = parsePlain('transpose(W^{(2)})*diag(step(s^{(1)}))*d(C, s^{(2)})', { shapes: computed.parts[k]?.chain?.context.shapes ?? new Map() });
    const parts = computed.parts.map((p, i) => (i !== k ? p : { ...p, derivation: { ...p.derivation, steps: p.derivation.steps.map((s, j) => (j === 1 ? { ...s, contractum: wrongOrder } : s)) } }));
    const v = verifyNamed({ ...computed, parts }, { points: 6 });
    expect(failing(v)).toEqual(['delta1 step 2']);
  });
});

describe('two-layer-network: the variants', () => {
  it('should check tanh with a sigmoid output and the squared error', () => {
    const v = run({ f: 'tanh', g: 'sigma' });
    expect(v.verdict).toBe('holds');
    expect(namedToText(v)).toContain('= hadamard(W^{(2)}^T*hadamard(ytilde - y, hadamard(ytilde, ones(K) - ytilde)), ones(m) - hadamard(a^{(1)}, a^{(1)}))');
  });

  it('should check ReLU with a sigmoid output and the cross-entropy averaged over K outputs: δ₂ = (ỹ − y)/K', () => {
    const v = run({ f: 'relu', g: 'sigma', loss: 'bce' });
    expect(v.verdict).toBe('holds');
    expect(v.parts[index(v, 'delta2')]?.computed.derivation.steps.at(-1)?.rule).toBe('bp.sigma-bce');
    expect(namedToText(v)).toContain('= 1/K*(ytilde - y)    [σ′ = ỹ ⊙ (1 − ỹ) cancels the denominator of the cross-entropy gradient; size K]');
  });

  it('should refuse the cross-entropy with an identity output, and unknown parameters or choices', () => {
    expect(() => run({ loss: 'bce' })).toThrow(/loss = bce requires g=sigma/);
    expect(() => run({ f: 'gelu' })).toThrow(/'gelu' is not a choice of f: choose one of relu, 3relu, tanh/);
    expect(() => run({ h: 'x' })).toThrow(NamedSpecError);
  });

  it('should choose the variant on the command line', async () => {
    const r = await cli(['derive', 'two-layer-network', '--param', 'f=tanh,g=sigma', '--points', '4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Variant: tanh hidden layer, sigmoid σ output, squared error');
    const bad = await cli(['derive', 'two-layer-network', '--param', 'loss=bce']);
    expect(bad.code).toBe(2);
  });
});

describe('two-layer-network against the index-notation derivation (two-layer-backprop)', () => {
  const spec = loadNamedSpec('two-layer-backprop');
  if (spec === undefined) throw new Error('two-layer-backprop is missing');
  const components = computeNamed(engine, spec);
  /** Entry (p, q) of a closed form of the matrix derivation, in components, with K named o as there. */
  const entry = (v: VerifiedNamed, id: string, p: Expr, q: Expr): Expr => {
    const chain = v.computed.parts[0]?.chain?.context;
    const part = v.computed.parts.find((x) => x.part.id === id);
    if (chain === undefined || part === undefined) throw new Error(`no part ${id}`);
    const open = openChainExpr(part.derivation.result, chain, [], undefined);
    if ('undecided' in open) throw new Error(open.undecided);
    const prepared = chain.vocabulary.prepare(open, chain.shapes);
    const lowered = chain.vocabulary.entryMeaning(entryOf(prepared.expr, p, q, prepared.ctx, new FreshIndices([prepared.expr, p, q], prepared.ctx)));
    return mapBottomUp(lowered, (x) => (x.kind === 'sym' && x.name === 'K' && x.sub.length === 0 ? sym('o') : x));
  };
  const variants: readonly [string, () => VerifiedNamed, string, string][] = [
    ['3·ReLU, identity, squared error', () => DEFAULT, 'relu', '1'],
    // The index derivation's cross-entropy is summed over the o outputs, this one averaged: o times this one is that one.
    ['tanh, σ, binary cross-entropy (o times the average is the sum)', () => run({ f: 'tanh', g: 'sigma', loss: 'bce' }), 'bce', 'o'],
  ];
  for (const [what, variant, prefix, factor] of variants) {
    it(`should give ∂C/∂W⁽²⁾, ∂C/∂b⁽²⁾, ∂C/∂W⁽¹⁾, ∂C/∂b⁽¹⁾ entry by entry as the component results (${what})`, () => {
      const v = variant();
      expect(v.verdict).toBe('holds');
      for (const [mine, theirs, p, q] of [
        ['grad-w2', `${prefix}-w2`, 'p', 'q'],
        ['grad-b2', `${prefix}-b2`, 'p', '1'],
        ['grad-w1', `${prefix}-w1`, 'p', 'q'],
        ['grad-b1', `${prefix}-b1`, 'p', '1'],
      ] as const) {
        const component = components.parts.find((x) => x.part.id === theirs)?.derivation.result;
        if (component === undefined) throw new Error(`no part ${theirs}`);
        const right = unfold(component, components.unfoldings);
        const left = (i: string, j: string): Expr => mul(parsePlain(factor), entry(v, mine, parsePlain(i), parsePlain(j)));
        expect(checkEqualNumeric(left(p, q), right, { points: 12, seed: 3 }).verdict, `${mine} = ${theirs}`).toBe('holds');
        // The same comparison can fail: the transposed entry is another number.
        if (q !== '1') expect(checkEqualNumeric(left(q, p), right, { points: 12, seed: 3 }).verdict, `${mine} transposed`).toBe('fails');
      }
    });
  }
});

describe('rules/backprop.identities', () => {
  const text = readFileSync(join(derivationsDir(), '..', 'backprop.identities'), 'utf8');
  const identities = parseIdentities('rules/backprop.identities', text);
  it('should hold every identity entry by entry at several sizes', () => {
    expect(identities.length).toBeGreaterThanOrEqual(8);
    for (const id of identities) expect(checkMatrixEqual(id.lhs, id.rhs, id.shapes, { points: 3 }).verdict, id.id).toBe('holds');
  });
  it('should catch the chain rule written with the Jacobian not transposed (square, so the shapes fit)', () => {
    const [wrong] = parseIdentities('t', ['@shapes W: m x m, s: m, y: m', 'bp.wrong   d(1/2*(exp(W*s) - y)^T*(exp(W*s) - y), s) = diag(exp(W*s))*W*(exp(W*s) - y)   "t"   latex "t"'].join('\n'));
    expect(wrong && checkMatrixEqual(wrong.lhs, wrong.rhs, wrong.shapes, { points: 3 }).verdict).toBe('fails');
  });
});

describe('two-layer-network through gradtex render and gradtex md', () => {
  it('should render the example problem set (md, html, tex) with every answer verified', async () => {
    const out = mkdtempSync(join(tmpdir(), 'twolayer-'));
    const r = await cli(['render', join(import.meta.dirname, '..', '..', 'examples', 'problem-sets', 'two-layer-network.yaml'), '--to', 'md,tex', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'two-layer-network.md'), 'utf8');
    expect(md).toContain('\\frac{\\partial C}{\\partial W^{(1)}}');
    expect(md).not.toMatch(/FAIL/);
    expect([...md.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].length).toBeGreaterThanOrEqual(16);
    for (const [, block] of md.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)) expect(() => katex.renderToString(block ?? "", { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it('should work it out in a derive block of a Markdown note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twolayer-md-'));
    const note = join(dir, 'note.md');
    writeFileSync(note, '# Backprop\n\n```derive\ntwo-layer-network\n```\n');
    const r = await cli(['md', note, '-o', join(dir, 'note.html')]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'note.html'), 'utf8');
    expect(html).toContain('katex');
    expect(html).not.toContain('katex-error');
  });
});

describe('softmax-regression-matrix: the gradient derived in matrix form', () => {
  const source = readFileSync(join(derivationsDir(), 'softmax-regression-matrix.yaml'), 'utf8');
  const verify = (text: string): VerifiedNamed => verifyNamed(computeNamed(engine, parseNamedSpec('softmax-regression-matrix', 'softmax-regression-matrix.yaml', text)), { points: 4 });
  const v = verify(source);

  it('should reach −(1/n) Xᵀ(Y − Ŷ) + αW through named steps, each checked entry by entry', () => {
    expect(v.verdict).toBe('holds');
    const w = v.parts[index(v, 'gradient-weight')];
    expect(w?.computed.derivation.steps.map((s) => s.rule)).toEqual(['bp.sum-rule', 'bp.grad-weight-batch', 'bp.grad-weight-penalty', 'bp.logits-gradient', 'bp.rearrange']);
    expect(namedToText(v)).toContain('answer: -1/n*X^T*(Y - Yhat) + alpha*W');
  });

  it('should agree, entry (q, l), with the index-notation derivation softmax-regression-gradient', () => {
    const components = computeNamed(engine, loadNamedSpec('softmax-regression-gradient') ?? parseNamedSpec('x', 'x', 'title: x\nparts:\n  - claim: 0\n    equals: 0'));
    const theirs = components.parts.find((p) => p.part.id === 'gradient-weight-textbook')?.derivation.result;
    const ctx = v.computed.parts[0]?.chain?.context;
    const mine = v.parts[index(v, 'gradient-weight')]?.computed.derivation.result;
    if (theirs === undefined || ctx === undefined || mine === undefined) throw new Error('missing parts');
    const [q, l] = [parsePlain('q'), parsePlain('l')];
    const lowered = entryOf(mine, q, l, ctx.shapes, new FreshIndices([mine, q, l], ctx.shapes));
    expect(checkEqualNumeric(unfold(lowered, components.unfoldings), unfold(theirs, components.unfoldings), { points: 12, seed: 5 }).verdict).toBe('holds');
    const swapped = entryOf(mine, l, q, ctx.shapes, new FreshIndices([mine, q, l], ctx.shapes));
    expect(checkEqualNumeric(unfold(swapped, components.unfoldings), unfold(theirs, components.unfoldings), { points: 12, seed: 5 }).verdict).toBe('fails');
  });

  it('should fail a step with the data matrix not transposed, or the factors of the bias gradient swapped, at that step', () => {
    const t1 = verify(source.replace('to: transpose(X)*d(L, Z) + alpha*W', 'to: X*d(L, Z) + alpha*W'));
    expect(t1.failure).toEqual({ part: index(t1, 'gradient-weight'), step: 2 });
    const t2 = verify(source.replace('to: transpose(d(L, Z))*ones(n) + d(R, b)', 'to: transpose(ones(n))*d(L, Z) + d(R, b)'));
    expect(t2.failure).toEqual({ part: index(t2, 'gradient-bias'), step: 1 });
  });
});

describe('linear-map-jacobians: the chain rule for Jacobians in matrix form', () => {
  it('should derive ∂(W⁽²⁾W⁽¹⁾x)/∂x = W⁽²⁾W⁽¹⁾ from the two Jacobians, and fail the product in the other order', () => {
    const v = verifyNamed(computeNamed(engine, loadNamedSpec('linear-map-jacobians') ?? parseNamedSpec('x', 'x', 'title: x\nparts:\n  - claim: 0\n    equals: 0')), { points: 4 });
    for (const id of ['inner-chain', 'outer-chain', 'composition-chain']) expect(v.parts[index(v, id)]?.verdict, id).toBe('holds');
    const source = readFileSync(join(derivationsDir(), 'linear-map-jacobians.yaml'), 'utf8');
    const wrong = verifyNamed(computeNamed(engine, parseNamedSpec('linear-map-jacobians', 'l.yaml', source.replace('to: d(y, u)*d(u, x)', 'to: d(u, x)*d(y, u)'))), { points: 4 });
    expect(wrong.failure).toEqual({ part: index(wrong, 'composition-chain'), step: 0 });
  });
});

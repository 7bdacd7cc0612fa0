/**
 * The problem-set specs of the four seed assignments (examples/problem-sets):
 * every problem answered, every answer verified, and every number the
 * documents print equal, to 1e-9, to a value worked out here by hand (the
 * formulas in the comments), not by gradtex's evaluator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/document/spec.js';
import { solveSpec, type SolvedSpec, type TaskResult } from '../../src/document/solve.js';
import { createEngine } from '../../src/rewrite/engine.js';

const root = join(import.meta.dirname, '..', '..');
const engine = createEngine();

const solved = new Map<string, SolvedSpec>();

/** Solved once per spec: two tests of one homework share the work. */
function solve(stem: string): SolvedSpec {
  const file = join(root, 'examples', 'problem-sets', `${stem}.yaml`);
  const s = solved.get(stem) ?? solveSpec(engine, file, parseSpec(file, readFileSync(file, 'utf8')));
  solved.set(stem, s);
  return s;
}

const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

/** The numbers a problem prints, in order: values, then the value at the point of each derivative. */
function numbers(results: readonly TaskResult[]): number[] {
  const out: number[] = [];
  for (const r of results) {
    if (r.kind === 'value') out.push(r.approx);
    if (r.kind === 'derivation') for (const o of r.outcomes) if (o.json.approx !== undefined) out.push(o.json.approx);
  }
  return out;
}

function expectClose(got: readonly number[], want: readonly number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - (want[i] as number)), `number ${i + 1}: ${g} vs ${want[i]}`).toBeLessThan(1e-9));
}

/** Nothing fails, nothing is undecided or unread: every task of every problem gave a verified answer or a sentence. */
function expectAllAnswered(s: SolvedSpec): void {
  expect(s.allVerified).toBe(true);
  for (const p of s.problems) {
    expect(p.results.length, p.title).toBeGreaterThan(0);
    for (const r of p.results) {
      if (r.kind === 'checked') {
        expect(r.report.notRead, p.title).toEqual([]);
        for (const c of r.report.chains) for (const st of c.steps) expect(['proved', 'holds', 'definition'], `${p.title}: ${st.lhs} ${st.rel} ${st.rhs}`).toContain(st.verdict);
      }
      if (r.kind === 'construct') expect(r.report.status, p.title).toBe('proved');
      if (r.kind === 'graph') expect(r.report.status, p.title).toBe('agrees');
      if (r.kind === 'derivation') for (const o of r.outcomes) expect(['proved', 'holds'], p.title).toContain(o.verdict);
      if (r.kind === 'named') expect(['proved', 'holds'], p.title).toContain(r.verified.verdict);
      if (r.kind === 'shaped') expect(['proved', 'holds'], p.title).toContain(r.outcome.verdict);
    }
  }
}

const problem = (s: SolvedSpec, title: RegExp): TaskResult[] => {
  const p = s.problems.find((x) => title.test(x.title));
  if (p === undefined) throw new Error(`no problem ${title}`);
  return [...p.results];
};

describe('the seed problem sets', () => {
  it('CS5388 Assignment 1: every problem answered; the numbers match hand computation', () => {
    const s = solve('cs5388-assignment-1');
    expectAllAnswered(s);
    // Problem 1 at x = (-1, 3, 4, 5, -5, 7): u = 5(max(x1,x2) x3/x4 - (x5+x6)) = 5(3·4/5 - 2) = 2, z = ln 2 + 1/2,
    // ∂f/∂x_k = σ(z)(1 - σ(z)) / u · ∂u/∂x_k with ∂u/∂x = (0, 5·4/5, 5·3/5, -5·3·4/25, -5, -5).
    const z = Math.log(2) + 0.5;
    const c = (sigma(z) * (1 - sigma(z))) / 2;
    expectClose(numbers(problem(s, /^Gradients/)), [0, 4 * c, 3 * c, -2.4 * c, -5 * c, -5 * c]);
    // Problem 3: hinge over the wrong classes with s_y = 2; softmax of (2, 4.5, 1, 3.5).
    const Z = Math.exp(2) + Math.exp(4.5) + Math.exp(1) + Math.exp(3.5);
    expectClose(numbers(problem(s, /SVM/)), [(4.5 - 2 + 1) + 0 + (3.5 - 2 + 1), Math.exp(2) / Z, -Math.log(Math.exp(2) / Z), Math.exp(4.5) / Z, Math.exp(1) / Z, Math.exp(3.5) / Z, Math.log(Z) - 2]);
    // softmax(s) from the score vector: a table of the four probabilities, each e^{s_k}/Z.
    const softmax = problem(s, /SVM/).find((r) => r.kind === 'finding');
    const probabilities = softmax?.kind === 'finding' ? softmax.report.paragraphs.flatMap((p) => (p.kind === 'table' ? (p.values ?? []).map((row) => row[3] ?? NaN) : [])) : [];
    expectClose(probabilities, [2, 4.5, 1, 3.5].map((v) => Math.exp(v) / Z));
    // Problem 4: predictions 2.5, 1, 2.5; losses 1.5², 2², 2.5²; λ(w1² + w2²) = 0.1 · 1.25.
    expectClose(numbers(problem(s, /L2 loss/)), [2.25, 4, 6.25, 12.5 / 3, 0.125, 12.5 / 3 + 0.125]);
    // From the data as vectors: the intermediate p = 0.5·1 + 1·2 + 0 = 2.5, then (1.5² + 2² + 2.5²)/3 = 12.5/3.
    const onData = problem(s, /L2 loss/).find((r) => r.kind === 'finding');
    expectClose(onData?.kind === 'finding' ? onData.report.paragraphs.flatMap((p) => (p.kind === 'table' ? (p.values ?? []).map((row) => row[3] ?? NaN) : [])) : [], [2.5, 12.5 / 3]);
    // Problem 6 at (2, 1): ∂f1/∂w = (2w1/(w1²+w2²) + e^w2, 2w2/(w1²+w2²) + w1 e^w2), ∂f2/∂w = (sin w2 - sin w1, w1 cos w2).
    const J = [[4 / 5 + Math.E, 2 / 5 + 2 * Math.E], [Math.sin(1) - Math.sin(2), 2 * Math.cos(1)]];
    expectClose(numbers(problem(s, /graph/)), J.flat());
    const graph = problem(s, /graph/).find((r) => r.kind === 'graph');
    if (graph?.kind !== 'graph') throw new Error('no graph');
    expectClose(graph.report.jacobian.flatMap((row) => row.map((e) => e.forward)), J.flat());
    expectClose(graph.report.jacobian.flatMap((row) => row.map((e) => e.reverse)), J.flat());
    // f(2, 1) = (ln 5 + 2e, 2 sin 1 + cos 2): the output nodes of the forward pass.
    const outputs = graph.report.nodes.filter((n) => graph.report.outputNames.some((o) => n.name === o || n.aliases.includes(o))).map((n) => n.value);
    expectClose(outputs.sort((a, b) => a - b), [Math.log(5) + 2 * Math.E, 2 * Math.sin(1) + Math.cos(2)].sort((a, b) => a - b));
  });

  it('Fall 2022 Homework 1: every problem answered (l1 loss gradient with sizes, the box network, the softmax Jacobian)', () => {
    const s = solve('dl-fall-2022-homework-1');
    expectAllAnswered(s);
    const box = problem(s, /box/).filter((r) => r.kind === 'construct');
    expect(box.length).toBe(2);
  });

  it('CS4644 Problem Set 1: every problem answered; DAG iff topological order proved by exhaustion over 66066 graphs, said to be a finite check', () => {
    const s = solve('cs4644-problem-set-1');
    expectAllAnswered(s);
    const dag = problem(s, /acyclic/);
    const finding = dag.find((r) => r.kind === 'finding');
    expect(finding?.kind === 'finding' ? finding.report.status : undefined).toBe('proved');
    expect(finding?.kind === 'finding' ? finding.report.summary : '').toMatch(/proved by exhaustion over all 66066 directed graphs on ≤ 4 vertices .* A finite check, not a proof for all n/);
  });

  it('CS541 Homework 2: every problem answered; the XOR gradient vanishes at (0, 0, 1/2)', () => {
    const s = solve('cs541-homework-2');
    expectAllAnswered(s);
    // ∂/∂w1, ∂/∂w2, ∂/∂b of the mean squared error over the XOR points at w = 0, b = 1/2: all 0 by hand.
    expectClose(numbers(problem(s, /XOR/)), [0, 0, 0]);
    // -(1 - σ(b))·1 - (1 - σ(b))·(-1) = 0 and -2(1 - σ(b)) at b = 3.
    expectClose(numbers(problem(s, /positive/)), [0, -2 * (1 - sigma(3))]);
  });

  it('CS541 Homework 2 (c): w converges for (1,0), (-1,0) and not for (1,1), (2,3); the runs match NumPy to 1e-9', () => {
    const findings = problem(solve('cs541-homework-2'), /positive/).flatMap((r) => (r.kind === 'finding' ? [r.report] : []));
    expect(findings).toHaveLength(2);
    const [converges, diverges] = findings;
    const proved = (r: typeof converges): string[] => (r?.paragraphs ?? []).flatMap((p) => (p.kind === 'verdict' && p.verdict === 'proved' ? [p.text] : []));
    expect(proved(converges).some((t) => t.startsWith('w stays exactly 0 at every step, for every learning rate'))).toBe(true);
    expect(proved(diverges).filter((t) => /^w[12] → \+∞ for every learning rate/.test(t))).toHaveLength(2);
    // The hypothesis of each answer with its exact certificate: 0 in the relative interior of the hull (weights), 0 outside (a direction u).
    expect(proved(converges)).toContain('0 is in the relative interior of the convex hull of the points: weights λ = (1/2, 1/2), each > 0, with Σ λ_i x_i = 0 (checked exactly)');
    expect(proved(diverges)).toContain('w is unbounded for every learning rate η > 0: 0 is not in the convex hull of the points, certified by u = (1, 0) with u·x_i ≥ 1 for every point (checked exactly), so u·w ≥ b → ∞');
    // (w1, w2, b) after 10000 steps at rates 0.1, 1, 10: tests/reference/experiment_reference.py (NumPy).
    // By hand for the last: the first step from 0 is 10 · ½ · mean((1,1,1), (2,3,1)) = (7.5, 10, 5), after which σ(−z) < 2e-10.
    const numpy = [
      [[0, 0, 6.902148466225869], [0, 0, 9.209950947000781], [0, 0, 11.514569628654604]],
      [[2.4388415391327363, 2.616537926318132, 2.261145151947369], [3.205599784508989, 3.477005133492814, 2.9341944355251934], [7.500008458536366, 10.000008458536367, 5.000008458536366]],
    ];
    findings.forEach((r, k) => {
      const finals = r.paragraphs.flatMap((p) => (p.kind === 'table' && p.caption.startsWith('Learning rate') && p.values !== undefined ? [p.values.map((row) => row[3] ?? NaN)] : []));
      expect(finals).toHaveLength(3);
      finals.forEach((got, i) => expectClose(got, numpy[k]?.[i] ?? []));
    });
  });

  it('two-layer network homework: forward and backward pass, the activation derivatives including GELU, the three losses from their update rules', () => {
    const s = solve('two-layer-network');
    expectAllAnswered(s);
    expect(problem(s, /Activation/).filter((r) => r.kind === 'derivation').length).toBe(4);
    expect(problem(s, /update rules/).filter((r) => r.kind === 'named').length).toBe(3);
  });
});

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { neg } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { solveLinear } from '../../src/derive/named/solve-linear.js';
import { mapBottomUp } from '../../src/expr/traverse.js';
import { computeNamed, loadNamedSpec, namedDerivationNames, parseNamedSpec, partToLatex, unfold, parseDefinition, verifyNamed, NamedSpecError, namedToText, answerOf, type ComputedNamed, type NamedSpec } from '../../src/derive/named/index.js';
import { parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';

const engine = createEngine();
const names = namedDerivationNames();
/** Few points keep the suite fast; the default (24) runs in the CLI and in the golden-answer test. */
const POINTS = '6';

function spec(name: string): NamedSpec {
  const s = loadNamedSpec(name);
  if (s === undefined) throw new Error(`missing ${name}`);
  return s;
}

/** A copy of a spec with one claim's right side changed. */
function withClaim(s: NamedSpec, id: string, equals: (old: string) => string): NamedSpec {
  return { ...s, parts: s.parts.map((p) => (p.id === id && p.kind === 'claim' ? { ...p, equals: equals(p.equals) } : p)) };
}

/** A copy of a computation with one step's result replaced (as a buggy rule would produce). */
function withStep(c: ComputedNamed, part: number, step: number, change: (e: Expr) => Expr): ComputedNamed {
  return {
    ...c,
    parts: c.parts.map((p, i) => {
      if (i !== part) return p;
      const steps = p.derivation.steps.map((s, j) => (j === step ? { ...s, contractum: change(s.contractum) } : s));
      return { ...p, derivation: { ...p.derivation, steps } };
    }),
  };
}

const swap = (a: string, b: string) => (e: Expr): Expr => {
  const x = parsePlain(a);
  const y = parsePlain(b);
  const hole = parsePlain('hole');
  return mapBottomUp(mapBottomUp(mapBottomUp(e, (t) => (equal(t, x) ? hole : t)), (t) => (equal(t, y) ? x : t)), (t) => (equal(t, hole) ? y : t));
};

describe('named derivations', () => {
  it('should ship at least the sigmoid, tanh, softplus and softmax derivations', () => {
    for (const n of ['sigmoid', 'tanh', 'softplus', 'softmax-jacobian']) expect(names).toContain(n);
  });

  it('should list every named derivation with its title', async () => {
    const r = await cli(['derive', '--list']);
    expect(r.code).toBe(0);
    for (const n of names) expect(r.stdout).toMatch(new RegExp(`^${n} +\\S`, 'm'));
  });

  for (const name of names) {
    describe(name, () => {
      it('should print JSON in the diff contract with every step proved or numeric', async () => {
        const r = await cli(['derive', name, '--format', 'json', '--points', POINTS]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const j = JSON.parse(r.stdout);
        expect(j.verification.verdict).toMatch(/^(proved|numeric)$/);
        expect(j.stop).toBe('normal-form');
        expect(typeof j.result).toBe('string');
        expect(() => parsePlain(j.result)).not.toThrow();
        expect(j.steps.length).toBeGreaterThan(0);
        for (const s of j.steps) {
          expect(s.rule).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
          expect(s.verdict).toMatch(/^(proved|numeric)$/);
          expect(() => katex.renderToString(s.latex, { throwOnError: true })).not.toThrow();
        }
        for (const p of j.parts) expect(p.verification.verdict, p.id).toMatch(/^(proved|numeric)$/);
      });

      it('should print text ending in the computed answer and LaTeX in align*', async () => {
        const t = await cli(['derive', name, '--points', POINTS]);
        expect(t.code).toBe(0);
        const answer = answerOf(verifyNamed(computeNamed(engine, spec(name)), { points: 2 }));
        expect(t.stdout).toContain(`answer: ${toPlain(answer ?? parsePlain('0'))}\n`);
        const l = await cli(['derive', name, '--format', 'latex', '--points', POINTS]);
        expect(l.code).toBe(0);
        expect(l.stdout).toContain('\\begin{align*}');
      });

      it('should give every part LaTeX that KaTeX renders (aligned)', () => {
        const v = verifyNamed(computeNamed(engine, spec(name)), { points: 6 });
        for (const p of v.parts) {
          const tex = partToLatex(p, 'aligned');
          expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true }), p.computed.part.id).not.toThrow();
        }
      });
    });
  }
});

describe('injected errors are reported at the step that has them', () => {
  it('should fail a claim whose sign is flipped, and only that part', () => {
    // tanh(x) = 2σ(2x) − 1 is a rule now (act.tanh-sigma); ADALINE's bias gradient in terms of s is still a typed-in claim.
    const s = withClaim(spec('adaline-loss'), 'bias-named', (e) => `-(${e})`);
    const v = verifyNamed(computeNamed(engine, s));
    expect(v.verdict).toBe('fails');
    const failed = v.parts.filter((p) => p.verdict === 'fails').map((p) => p.computed.part.id);
    expect(failed).toEqual(['bias-named']);
    expect(v.failure).toEqual({ part: s.parts.findIndex((p) => p.id === 'bias-named'), step: 0 });
  });

  it('should fail a claim with swapped indices (softmax: y_i d log y_j instead of y_i d log y_i)', () => {
    const s = withClaim(spec('softmax-jacobian'), 'log-unfold', (e) => e.replace('log(exp(z_i)', 'log(exp(z_j)'));
    const v = verifyNamed(computeNamed(engine, s));
    expect(v.failure?.part).toBe(s.parts.findIndex((p) => p.id === 'log-unfold'));
    expect(v.parts.filter((p) => p.verdict === 'fails').map((p) => p.computed.part.id)).toEqual(['log-unfold']);
  });

  it('should fail exactly the step whose result has its indices swapped', () => {
    const c = computeNamed(engine, spec('softmax-jacobian'));
    const part = c.parts.findIndex((p) => p.part.id === 'named');
    const last = (c.parts[part]?.derivation.steps.length ?? 0) - 1;
    const v = verifyNamed(withStep(c, part, last, swap('y_i', 'y_j')));
    const checks = v.parts[part]?.steps.map((s) => s.verdict) ?? [];
    expect(checks[last]).toBe('fails');
    expect(checks.filter((x) => x === 'fails')).toHaveLength(1);
    expect(v.failure).toEqual({ part, step: last });
  });

  it('should fail exactly the step whose result has a flipped sign', () => {
    const c = computeNamed(engine, spec('sigmoid'));
    const v = verifyNamed(withStep(c, 0, 0, (e) => neg(e)));
    expect(v.parts[0]?.steps[0]?.verdict).toBe('fails');
    expect(v.parts[0]?.steps.slice(1).every((s) => s.verdict === 'holds')).toBe(true);
    expect(v.failure).toEqual({ part: 0, step: 0 });
  });

  it('should fail a claim with the 1/n dropped (softmax regression, matrix form)', () => {
    const s = withClaim(spec('softmax-regression-gradient'), 'gradient-matrix', (e) => e.replace('-1/n*sum', '-sum'));
    const v = verifyNamed(computeNamed(engine, s), { points: 6 });
    expect(v.parts.filter((p) => p.verdict === 'fails').map((p) => p.computed.part.id)).toEqual(['gradient-matrix']);
  });

  it('should fail a claim with swapped indices (softmax regression: W_{lq} for W_{ql})', () => {
    const s = withClaim(spec('softmax-regression-gradient'), 'gradient-matrix', (e) => e.replace('W_{ql}', 'W_{lq}'));
    const v = verifyNamed(computeNamed(engine, s), { points: 6 });
    expect(v.parts.filter((p) => p.verdict === 'fails').map((p) => p.computed.part.id)).toEqual(['gradient-matrix']);
  });

  for (const name of names) {
    it(`should fail exactly the step of ${name} whose result has its sign flipped`, () => {
      const c = computeNamed(engine, spec(name));
      const part = c.parts.findIndex((p) => p.part.kind !== 'claim' && p.derivation.steps.some((st) => !(st.contractum.kind === 'num' && st.contractum.n === 0n)));
      const steps = c.parts[part]?.derivation.steps ?? [];
      const step = steps.findIndex((st) => !(st.contractum.kind === 'num' && st.contractum.n === 0n));
      const v = verifyNamed(withStep(c, part, step, (e) => neg(e)), { points: 6 });
      expect(v.failure).toEqual({ part, step });
      expect(v.parts[part]?.steps.filter((x) => x.verdict === 'fails')).toHaveLength(1);
    });
  }

  it('should name the failing part and step in the text report', () => {
    const s = withClaim(spec('adaline-loss'), 'bias-named', (e) => `-(${e})`);
    const text = namedToText(verifyNamed(computeNamed(engine, s)));
    const n = s.parts.findIndex((p) => p.id === 'bias-named') + 1;
    expect(text).toMatch(/= .*y - s.* <- step 1 FAILED at /);
    expect(text).toContain(`check: fails (part ${n}, step 1)`);
  });
});

describe('solving linear systems exactly', () => {
  const a = parsePlain('a') as Sym;
  const b = parsePlain('b') as Sym;
  it('should solve in exact fractions, zero included', () => {
    const r = solveLinear(engine, [parsePlain('a + b - 1'), parsePlain('a - 2*b - 1/3')], [a, b]);
    expect(r.map((u) => toPlain(u.value))).toEqual(['7/9', '2/9']);
    expect(solveLinear(engine, [parsePlain('a + b'), parsePlain('a - b')], [a, b]).map((u) => toPlain(u.value))).toEqual(['0', '0']);
  });

  it('should refuse a singular or non-linear system', () => {
    expect(() => solveLinear(engine, [parsePlain('a + b - 1'), parsePlain('2*a + 2*b')], [a, b])).toThrow(/singular/);
    expect(() => solveLinear(engine, [parsePlain('a*b - 1'), parsePlain('a - b')], [a, b])).toThrow(/equation 1 is not linear/);
    expect(() => solveLinear(engine, [parsePlain('a - c'), parsePlain('a - b')], [a, b])).toThrow(/rational coefficients/);
  });

  it('should fit the constant 1/2 to XOR, with the gradient vanishing there', () => {
    const v = verifyNamed(computeNamed(engine, spec('xor-linear-least-squares')));
    const solve = v.parts.find((p) => p.computed.part.id === 'solve');
    expect(solve?.computed.solution?.map((u) => `${toPlain(u.unknown)}=${toPlain(u.value)}`)).toEqual(['w_1=0', 'w_2=0', 'b=1/2']);
    expect(solve?.steps.every((st) => st.verdict === 'holds')).toBe(true);
    expect(toPlain(solve?.computed.derivation.result ?? parsePlain('0'))).toBe('1/2');
  });
});

describe('hypotheses', () => {
  it('should fail the step that uses one-hot labels when the checks may draw any labels', () => {
    const s = spec('softmax-cross-entropy');
    const v = verifyNamed(computeNamed(engine, { ...s, hypotheses: [] }));
    const part = s.parts.findIndex((p) => p.id === 'one-hot');
    const rules = v.computed.parts[part]?.derivation.steps.map((st) => st.rule) ?? [];
    expect(v.failure).toEqual({ part, step: rules.indexOf('hyp.one-hot') });
  });
});

describe('definitions and spec errors', () => {
  it('should unfold a defined indexed symbol with its own index, keeping the bound index apart', () => {
    const d = parseDefinition('y_i = exp(z_i)/sum(exp(z_k), k, 1, c)');
    expect(toPlain(unfold(parsePlain('y_j + y_2'), [d]))).toBe('exp(z_j)/sum(exp(z_k), k, 1, c) + exp(z_2)/sum(exp(z_k), k, 1, c)');
    // y_k inside a sum over k: the definition's own k must not capture it.
    const inner = unfold(parsePlain('sum(y_k, k, 1, c)'), [d]);
    expect(toPlain(inner)).toBe("sum(exp(z_k)/sum(exp(z_k'), k', 1, c), k, 1, c)");
  });

  it('should name the line and column of a mistake in a derivation file', () => {
    const text = 'title: T\nparts:\n  - rewrite: x + 0\n';
    expect(() => parseNamedSpec('t', 'rules/derivations/t.yaml', text)).toThrow(NamedSpecError);
    expect(() => parseNamedSpec('t', 'rules/derivations/t.yaml', text)).toThrow(/^rules\/derivations\/t\.yaml:3:5: a rewrite part needs 'with/);
  });

  it('should report an unknown rule set and a reference to a later part as user errors', () => {
    const bad = parseNamedSpec('t', 't.yaml', 'title: T\nparts:\n  - rewrite: x + 0\n    with: [nonsense]\n');
    expect(() => computeNamed(engine, bad)).toThrow(/t\.yaml:3:5: unknown rule set 'nonsense'; known sets: .*simplify/);
    const later = parseNamedSpec('t', 't.yaml', 'title: T\nparts:\n  - claim: $b\n    equals: 1\n  - id: b\n    claim: 1\n    equals: 1\n');
    expect(() => computeNamed(engine, later)).toThrow(/no earlier part has id 'b'/);
  });

  it('should refuse an unknown name with exit code 2 and the list of known ones', async () => {
    const r = await cli(['derive', 'no-such-thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no derivation called 'no-such-thing'");
    expect(r.stderr).toContain('sigmoid');
  });
});

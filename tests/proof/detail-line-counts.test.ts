/**
 * How long the writeups are at each detail level: the displayed lines of the
 * derivations a course asks for, against the lengths a textbook prints and
 * against today's counts, so that a change that lengthens them fails here.
 * A line is one `= …` line of a derivation (src/proof/group-steps.ts); the
 * lines of a merged group are checked as one step (see the last test).
 *
 * Figures at the time of writing (brief / standard / full):
 * - sigmoid from its definition: 3 / 4 / 13
 * - softmax Jacobian per case (the part and its "in terms of y" part):
 *   general 4 / 10, i = j 2 / 6, i ≠ j 2 / 3, log-derivative route 6 / 16
 * - softmax-regression gradient: by w 4 / 22, by b 3 / 13, the whole 8 / 37
 *   (its algebra parts are marked `brief: join`: at brief they continue the
 *   differentiation as one line, src/derive/named/brief-join.ts)
 * - composite gradient of the first problem set, per variable: 3 / ≤ 9
 */
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/derive/differentiate.js';
import { joinBriefParts } from '../../src/derive/named/brief-join.js';
import { computeNamed, loadNamedSpec, verifyNamed, type ComputedNamed } from '../../src/derive/named/index.js';
import { sym } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';
import { groupSteps, type Detail } from '../../src/proof/group-steps.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

function computed(name: string): ComputedNamed {
  const spec = loadNamedSpec(name);
  if (spec === undefined) throw new Error(`missing ${name}`);
  return computeNamed(engine, spec);
}

/** Displayed lines of the named parts (all parts when none are named). */
function lines(c: ComputedNamed, detail: Detail, ids?: readonly string[]): number {
  const parts = c.parts.filter((p) => ids === undefined || ids.includes(p.part.id));
  if (ids !== undefined) expect(parts.map((p) => p.part.id).sort()).toEqual([...ids].sort());
  return parts.reduce((n, p) => n + groupSteps(p.derivation.steps, { detail }).length, 0);
}

/**
 * Displayed lines at brief as the printers show them: after the parts marked
 * `brief: join` are joined to the part before (a joined part counts with its host).
 */
function briefLines(c: ComputedNamed, ids?: readonly string[]): number {
  const joined = joinBriefParts(c);
  const hosts = new Set<string>();
  let host = '';
  for (const p of c.parts) {
    if (!p.part.briefJoin) host = p.part.id;
    if (ids === undefined || ids.includes(p.part.id)) hosts.add(host);
  }
  return joined.parts.filter((p) => hosts.has(p.part.id)).reduce((n, p) => n + groupSteps(p.derivation.steps, { detail: 'brief' }).length, 0);
}

describe('line counts of the course derivations (a longer writeup fails here)', () => {
  const sigmoid = computed('sigmoid');
  const jacobian = computed('softmax-jacobian');
  const regression = computed('softmax-regression-gradient');

  it('the sigmoid derivative from its definition: at most 4 lines in brief (3), 4 in standard', () => {
    expect(lines(sigmoid, 'brief', ['from-definition'])).toBeLessThanOrEqual(3);
    expect(lines(sigmoid, 'standard', ['from-definition'])).toBeLessThanOrEqual(4);
    expect(lines(sigmoid, 'full', ['from-definition'])).toBeGreaterThan(lines(sigmoid, 'standard', ['from-definition']));
  });

  it('the softmax Jacobian: at most 8 lines per case in brief', () => {
    const cases: [string[], number, number][] = [
      [['quotient', 'named'], 4, 10],
      [['case-equal', 'case-equal-named'], 2, 6],
      [['case-different', 'case-different-named'], 2, 3],
      [['log-trick', 'log-unfold', 'log-route', 'log-route-named'], 6, 16],
    ];
    for (const [ids, brief, standard] of cases) {
      expect(lines(jacobian, 'brief', ids), ids.join('+')).toBeLessThanOrEqual(Math.min(brief, 8));
      expect(lines(jacobian, 'standard', ids), ids.join('+')).toBeLessThanOrEqual(standard);
    }
  });

  it('the softmax-regression gradient: at most 12 lines in brief (8: the algebra parts join the differentiation)', () => {
    const weight = ['gradient-weight', 'weight-expand', 'weight-sift', 'gradient-weight-named', 'gradient-weight-textbook', 'gradient-matrix'];
    const bias = ['gradient-bias', 'bias-expand', 'bias-sift', 'bias-labels', 'gradient-bias-textbook'];
    expect(briefLines(regression, weight)).toBeLessThanOrEqual(4);
    expect(briefLines(regression, bias)).toBeLessThanOrEqual(3);
    expect(briefLines(regression)).toBeLessThanOrEqual(12);
    expect(briefLines(regression)).toBeLessThanOrEqual(8);
    expect(lines(regression, 'standard', weight)).toBeLessThanOrEqual(22);
    expect(lines(regression, 'standard', bias)).toBeLessThanOrEqual(13);
    expect(lines(regression, 'standard')).toBeLessThanOrEqual(37);
  });

  it('the composite gradient of the first problem set: at most 10 lines per variable (brief 3)', () => {
    const f = parsePlain('sigma(log(5*(max(x1, x2)*x3/x4 - (x5 + x6))) + 1/2)');
    for (const x of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']) {
      const steps = differentiate(engine, f, [sym(x)]).steps;
      expect(groupSteps(steps, { detail: 'brief' }).length, x).toBeLessThanOrEqual(3);
      expect(groupSteps(steps, { detail: 'standard' }).length, x).toBeLessThanOrEqual(9);
    }
  });

  it('every brief line of these derivations is checked as one step and holds', () => {
    for (const c of [sigmoid, jacobian]) {
      const v = verifyNamed(c, { detail: 'brief', points: 6 });
      const merged = v.parts.flatMap((p) => p.lines.filter((l) => l.to > l.from));
      expect(merged.length).toBeGreaterThan(0);
      expect(merged.every((l) => l.verdict.verdict === 'holds'), c.spec.name).toBe(true);
      expect(v.verdict === 'holds' || v.verdict === 'proved').toBe(true);
    }
  });
});

describe('brief: join (a spec part shown as one more line of the part before it)', () => {
  const regression = computed('softmax-regression-gradient');

  it('shows the joined parts as lines of their host at brief only, each merged line checked and holding', () => {
    const brief = verifyNamed(regression, { detail: 'brief', points: 6 });
    const standard = verifyNamed(regression, { detail: 'standard', points: 6 });
    expect(brief.parts.map((p) => p.computed.part.id)).toEqual(['gradient-weight', 'gradient-matrix', 'gradient-bias', 'gradient-matrix-form']);
    expect(standard.parts.length).toBe(regression.parts.length);
    // the host part now ends where the last joined part ended
    const weight = brief.parts[0];
    expect(weight?.computed.derivation.result).toEqual(regression.parts.find((p) => p.part.id === 'gradient-weight-textbook')?.derivation.result);
    expect(brief.parts.flatMap((p) => p.lines).every((l) => l.verdict.verdict === 'holds')).toBe(true);
    expect(brief.verdict).toBe('holds');
  });

  it('reports a joined line that does not follow: a wrong joined claim fails at brief too', () => {
    const parts = regression.parts.map((p) => {
      if (p.part.id !== 'gradient-weight-textbook') return p;
      const step = p.derivation.steps[0];
      if (step === undefined) throw new Error('claim without a step');
      // the textbook answer with the sign of the data term flipped
      const wrong = parsePlain('1/n*sum(x_q^{(i)}*(y_l^{(i)} - yhat_l^{(i)}), i, 1, n) + alpha*w_q^{(l)}');
      return { ...p, derivation: { ...p.derivation, steps: [{ ...step, after: wrong, contractum: wrong }], result: wrong } };
    });
    const broken = { ...regression, parts };
    const v = verifyNamed(broken, { detail: 'brief', points: 6 });
    expect(v.verdict).toBe('fails');
    expect(v.failure?.part).toBe(0);
  });

  it('refuses a spec whose joined part does not start where the part before ended, with its line', () => {
    const spec = loadNamedSpec('softmax-regression-gradient');
    if (spec === undefined) throw new Error('missing spec');
    // the joined claim now starts from the differentiation's result, not from the part just before it
    const moved = { ...spec, parts: spec.parts.map((p) => (p.id === 'gradient-weight-textbook' && p.kind === 'claim' ? { ...p, expr: '$gradient-weight' } : p)) };
    expect(() => computeNamed(engine, moved)).toThrow(/softmax-regression-gradient\.yaml:\d+:\d+.*brief: join' needs this part to start where the part before ended/);
  });
});

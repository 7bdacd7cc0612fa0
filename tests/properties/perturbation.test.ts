/**
 * Issue #9's property, on random trees with a fixed seed, through the judge
 * `gradtex equal` uses (default points, nerdamer on):
 *
 * - `e = e + g` for a nonzero perturbation g (tiny: 10^-12·x, e^-1000;
 *   localised: exp(-1000 (x - 0.3)^2); far out: relu(x - 50); index-dependent:
 *   delta(i, 3)) is never `proved` nor `holds`;
 * - a true rewrite of e (an identity applied to e, with the left side's domain
 *   inside the right side's) is never `fails`.
 *
 * Only the generator's domain is tuned: e must be defined (every subterm
 * finite, not astronomically large) at a point where g is nonzero, so that
 * `e = e + g` is false. Cases the engine still gets wrong are listed in
 * tests/fixtures/adversarial/known-perturbation-failures.json; the test fails
 * on any other, and on a listed one now judged right (the list only shrinks).
 * `UPDATE_KNOWN=1 npx vitest run tests/properties/perturbation.test.ts`
 * rewrites the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { add } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { substitute } from '../../src/expr/substitute.js';
import { children } from '../../src/expr/traverse.js';
import { evaluate } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { arbExpr } from './arbitrary-expr.js';

const SEED = 90909;
const RUNS = 120;
const knownFile = join(import.meta.dirname, '..', 'fixtures', 'adversarial', 'known-perturbation-failures.json');
const update = process.env['UPDATE_KNOWN'] === '1';

interface Known {
  readonly relation: string;
  readonly verdict: string;
}

type Point = Readonly<Record<string, number>>;

/** A perturbation and points where it is nonzero (e must be defined at one of them). */
interface Perturbation {
  readonly g: string;
  readonly where: readonly Point[];
}

const GRID: readonly Point[] = [-2.5, -0.7, 0.3, 1.1, 2.9].flatMap((x) => [-1.3, 0.6, 2.2].map((y) => ({ x, y, i: 3 })));

const PERTURBATIONS: readonly Perturbation[] = [
  { g: '1', where: GRID },
  { g: '10^(-12)', where: GRID },
  { g: '10^(-12)*x', where: GRID },
  { g: '10^(-20)*x', where: GRID },
  { g: 'exp(-1000)', where: GRID },
  { g: 'exp(-1000)*y', where: GRID },
  { g: 'x*10^(-15) + y*10^(-15)', where: GRID.filter((p) => (p['x'] ?? 0) + (p['y'] ?? 0) !== 0) },
  { g: 'exp(-1000*(x - 0.3)^2)', where: GRID },
  { g: 'exp(-10000*(y + 0.7)^2)', where: GRID },
  { g: 'exp(-1000*((x - 1.1)^2 + (y - 0.6)^2))', where: GRID },
  { g: 'delta(i, 3)', where: GRID },
  { g: 'delta(i, 7)*(1 + x^2)', where: GRID.map((p) => ({ ...p, i: 7 })) },
  { g: 'relu(x - 50)', where: [60, 100, 1000].flatMap((x) => [-1, 0.5, 3].map((y) => ({ x, y, i: 1 }))) },
  { g: 'relu(-y - 1000)', where: [-0.5, 1, 2].flatMap((x) => [-1500, -3000].map((y) => ({ x, y, i: 1 }))) },
  { g: 'sin(x)*10^(-9)', where: GRID },
];

/** True rewrites: the left side's domain is that of e (or smaller), inside the right side's. */
const REWRITES: readonly (readonly [string, string])[] = [
  ['(E + 1)^2', 'E^2 + 2*E + 1'],
  ['sin(E)^2 + cos(E)^2', '1'],
  ['E - E', '0'],
  ['E*(1 + y^2)/(1 + y^2)', 'E'],
  ['(E + y) - y', 'E'],
  ['sigma(E)', '1/(1 + exp(-E))'],
  ['tanh(E)', '2*sigma(2*E) - 1'],
  ['abs(E)^2', 'E^2'],
  ['relu(E) - relu(-E)', 'E'],
  ['max(E, y) + min(E, y)', 'E + y'],
  ['exp(E)*exp(-E)', '1'],
  ['2*E', 'E + E'],
  ['E^2 - y^2', '(E - y)*(E + y)'],
  ['log(exp(E))', 'E'],
  ['E/4 + E/4', 'E/2'],
];

function valueAt(e: Expr, p: Point): number {
  try {
    return evaluate(e, new Map(Object.entries(p)));
  } catch {
    return NaN;
  }
}

function subterms(e: Expr): Expr[] {
  return [e, ...children(e).flatMap(subterms)];
}

/**
 * Defined at one of the points: every subterm finite and of moderate size
 * there (a float value of e alone can hide an undefined part: (y/0)^-50
 * evaluates to 0).
 */
function definedSomewhere(e: Expr, points: readonly Point[]): boolean {
  const parts = subterms(e);
  return points.some((p) =>
    parts.every((s) => {
      const v = valueAt(s, p);
      return Number.isFinite(v) && Math.abs(v) < 1e6;
    }),
  );
}

const arbE = arbExpr({ depth: 3, vars: ['x', 'y'] });

const perturbed = fc
  .tuple(arbE, fc.constantFrom(...PERTURBATIONS))
  .filter(([e, p]) => definedSomewhere(e, p.where))
  .map(([e, p]) => [e, add(e, parsePlain(p.g))] as const);

const rewritten = fc
  .tuple(arbE, fc.constantFrom(...REWRITES))
  .filter(([e]) => definedSomewhere(e, GRID))
  .map(([e, [l, r]]) => {
    const at = new Map([['E', e]]);
    return [substitute(parsePlain(l), at), substitute(parsePlain(r), at)] as const;
  });

const KNOWN = JSON.parse(readFileSync(knownFile, 'utf8')) as readonly Known[];

describe('equal e = e + g and true rewrites of e (issue #9 property)', () => {
  const checker = createChecker(createEngine());
  const wrongFalse: Known[] = [];
  const wrongTrue: Known[] = [];
  /** Every case by its text, to judge a listed one again. */
  const cases = new Map<string, { lhs: Expr; rhs: Expr; truth: boolean }>();
  let judged = 0;

  beforeAll(() => {
    const counts: Record<string, number> = {};
    const tally = (kind: string, verdict: string): void => void (counts[`${kind}:${verdict}`] = (counts[`${kind}:${verdict}`] ?? 0) + 1);
    for (const [lhs, rhs] of fc.sample(perturbed, { seed: SEED, numRuns: RUNS })) {
      const j = judgeStep(checker, lhs, '=', rhs);
      cases.set(`${toPlain(lhs)} = ${toPlain(rhs)}`, { lhs, rhs, truth: false });
      tally('perturbed', j.verdict);
      if (j.verdict === 'proved' || j.verdict === 'holds') wrongFalse.push({ relation: `${toPlain(lhs)} = ${toPlain(rhs)}`, verdict: j.verdict });
      judged++;
    }
    for (const [lhs, rhs] of fc.sample(rewritten, { seed: SEED + 1, numRuns: RUNS })) {
      const j = judgeStep(checker, lhs, '=', rhs);
      cases.set(`${toPlain(lhs)} = ${toPlain(rhs)}`, { lhs, rhs, truth: true });
      tally('rewrite', j.verdict);
      if (j.verdict === 'fails') wrongTrue.push({ relation: `${toPlain(lhs)} = ${toPlain(rhs)}`, verdict: j.verdict });
      judged++;
    }
    console.log(`perturbation property: ${JSON.stringify(counts)}`);
    if (update) writeFileSync(knownFile, JSON.stringify([...wrongFalse, ...wrongTrue], null, 1) + '\n');
  }, 120_000);

  const known = (): Set<string> => new Set((update ? [...wrongFalse, ...wrongTrue] : KNOWN).map((k) => k.relation));

  it('should judge both kinds of case', () => {
    expect(judged).toBe(2 * RUNS);
  });

  it('should never call e = e + g proved or holding for a nonzero perturbation g (except the known list)', () => {
    const k = known();
    expect(wrongFalse.filter((w) => !k.has(w.relation)).map((w) => `${w.relation}: ${w.verdict}`)).toEqual([]);
  });

  it('should never fail a true rewrite of e (except the known list)', () => {
    const k = known();
    expect(wrongTrue.filter((w) => !k.has(w.relation)).map((w) => `${w.relation}: ${w.verdict}`)).toEqual([]);
  });

  it('should list only cases still misjudged (the list only shrinks)', () => {
    const now = new Set([...wrongFalse, ...wrongTrue].map((w) => w.relation));
    // Verdicts can depend on the machine's load (a wall-clock rewrite budget): a case counts as fixed only when a second judgement agrees.
    const stillWrong = (text: string): boolean => {
      const c = cases.get(text);
      if (c === undefined) return false;
      const v = judgeStep(checker, c.lhs, '=', c.rhs).verdict;
      return c.truth ? v === 'fails' : v === 'proved' || v === 'holds';
    };
    const stale = KNOWN.filter((k) => !update && !now.has(k.relation) && !stillWrong(k.relation));
    expect(stale.map((k) => `${k.relation} (${k.verdict}) is now right: remove it from known-perturbation-failures.json`)).toEqual([]);
  });
});

/**
 * Every derivation replays: each recorded step, re-applied by its rule id at
 * its path, gives exactly the recorded result. Over the deep-learning suite
 * (derivatives and the simplified references), every named derivation, the
 * examples (diff requests, problem sets) and random trees; and replay itself must catch a tampered derivation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/derive/differentiate.js';
import { CLAIM_RULES, computeNamed, loadNamedSpec, namedDerivationNames } from '../../src/derive/named/index.js';
import { num, sym } from '../../src/expr/build.js';
import type { Sym } from '../../src/expr/node.js';
import { parsePlain } from '../../src/parse/index.js';
import { describeReplayFailure, replay } from '../../src/proof/replay.js';
import type { Derivation } from '../../src/proof/step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { ruleApplier } from '../../src/rewrite/rule-applier.js';
import { simplify } from '../../src/simplify/simplify.js';
import { solveSpec } from '../../src/document/solve.js';
import { parseSpec } from '../../src/document/spec.js';
import { loadSuite } from '../derive/suite-cases.js';
import { arbExpr } from '../properties/arbitrary-expr.js';

const engine = createEngine();
const library = ruleApplier(engine.library.rules);

/** The failures of one derivation, as lines naming the case, step, rule id and path. */
function failuresOf(name: string, d: Derivation, apply = library, claims?: ReadonlySet<string>): string[] {
  return replay(d, apply, claims === undefined ? {} : { claims }).failures.map((f) => `${name}: ${describeReplayFailure(f)}`);
}

describe('replaying the derive suite', () => {
  const suite = loadSuite();

  it('should reproduce every step of every derivative in suite.jsonl', () => {
    expect(suite.length).toBeGreaterThan(60);
    let steps = 0;
    const failures = suite.flatMap((c) => {
      const d = differentiate(engine, parsePlain(c.expr), c.wrt.map((w) => parsePlain(w) as Sym));
      steps += d.steps.length;
      return failuresOf(c.id, d);
    });
    expect(failures).toEqual([]);
    expect(steps).toBeGreaterThan(900);
  });

  it('should reproduce every step of simplifying each reference answer', () => {
    const failures = suite.flatMap((c) => failuresOf(`${c.id} (reference)`, simplify(engine, parsePlain(c.reference))));
    expect(failures).toEqual([]);
  });
});

describe('replaying the named derivations', () => {
  const names = namedDerivationNames();

  it('should reproduce every rewrite step of every part, and count the claims as claims', () => {
    expect(names.length).toBeGreaterThan(10);
    let replayed = 0;
    let claims = 0;
    const failures: string[] = [];
    for (const name of names) {
      const spec = loadNamedSpec(name);
      if (spec === undefined) {
        failures.push(`${name}: listed but not loaded`);
        continue;
      }
      const computed = computeNamed(engine, spec);
      for (const p of computed.parts) {
        const apply = ruleApplier([...computed.ownRules, ...engine.library.rules], p.definitions === undefined ? {} : { definitions: p.definitions });
        const report = replay(p.derivation, apply, { claims: CLAIM_RULES });
        replayed += report.replayed;
        claims += report.claims;
        failures.push(...report.failures.map((f) => `${name} part ${p.part.id ?? p.part.kind}: ${describeReplayFailure(f)}`));
      }
    }
    expect(failures).toEqual([]);
    expect(replayed).toBeGreaterThan(200);
    expect(claims).toBeGreaterThan(0);
  });
});

describe('replaying the examples', () => {
  const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

  it('should reproduce the derivatives of examples/diff and the derivations and simplifications of every example problem set', () => {
    const failures: string[] = [];
    let derivations = 0;
    for (const line of readFileSync(join(examples, 'diff', 'problem-set-requests.jsonl'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      // `wrt`: one derivative by these variables in turn; `grad`: one derivative per variable.
      const r = JSON.parse(line) as { id: string; expr: string; wrt?: string[]; grad?: string[] };
      const variable = (w: string): Sym => parsePlain(w) as Sym;
      const wrts = r.wrt !== undefined ? [r.wrt.map(variable)] : (r.grad ?? []).map((w) => [variable(w)]);
      expect(wrts.length).toBeGreaterThan(0);
      for (const wrt of wrts) (failures.push(...failuresOf(r.id, differentiate(engine, parsePlain(r.expr), wrt))), derivations++);
    }
    const dir = join(examples, 'problem-sets');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const solved = solveSpec(engine, file, parseSpec(file, readFileSync(join(dir, file), 'utf8')));
      solved.problems.forEach((problem, i) => {
        for (const r of problem.results) {
          const name = `${file} problem ${i + 1}`;
          if (r.kind === 'derivation') for (const o of r.outcomes) (failures.push(...failuresOf(name, o.derivation)), derivations++);
          if (r.kind === 'simplification') (failures.push(...failuresOf(name, r.derivation)), derivations++);
        }
      });
    }
    expect(failures).toEqual([]);
    expect(derivations).toBeGreaterThan(10);
  });
});

describe('replaying derivations of random trees', () => {
  it('should reproduce every step of differentiating and simplifying them', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 3, vars: ['x', 'y'] }), (e) => {
        const d = differentiate(engine, e, [sym('x')]);
        expect(failuresOf('d/dx', d)).toEqual([]);
        expect(failuresOf('simplify', simplify(engine, d.result))).toEqual([]);
      }),
      { seed: 9191, numRuns: 60 },
    );
  });
});

describe('replay', () => {
  const d = differentiate(engine, parsePlain('sigma(2*x)'), [sym('x')]);
  const [first, second] = d.steps;
  if (first === undefined || second === undefined) throw new Error('expected at least two steps');

  it('should replay an untouched derivation', () => {
    const r = replay(d, library);
    expect(r.failures).toEqual([]);
    expect(r.replayed).toBe(d.steps.length);
  });

  it('should fail a step whose contractum was changed, naming its rule and path', () => {
    const tampered = { ...d, steps: [{ ...first, contractum: num(7), after: num(7) }, ...d.steps.slice(1)] };
    const lines = failuresOf('t', tampered);
    expect(lines[0]).toMatch(new RegExp(`^t: step 1 \\(${first.rule.replace('.', '\\.')} at .*\\): the rule gives .*, the step records 7$`));
  });

  it('should fail a step recorded with a rule that does not rewrite there, and an unknown rule id', () => {
    const wrongRule = { ...d, steps: [{ ...first, rule: 'alg.add-zero' }, ...d.steps.slice(1)] };
    expect(replay(wrongRule, library).failures[0]?.reason).toMatch(/does not rewrite/);
    const unknown = { ...d, steps: [{ ...first, rule: 'no.such-rule' }, ...d.steps.slice(1)] };
    expect(replay(unknown, library).failures[0]).toMatchObject({ step: 0, rule: 'no.such-rule', reason: 'no rule has this id' });
  });

  it('should fail a path that does not exist and a step that starts elsewhere', () => {
    const badPath = { ...d, steps: [{ ...first, path: [5, 5] }, ...d.steps.slice(1)] };
    expect(replay(badPath, library).failures[0]?.reason).toMatch(/no subterm at this path/);
    const skipped = { ...d, steps: d.steps.slice(1) };
    expect(replay(skipped, library).failures[0]).toMatchObject({ step: 0, rule: second.rule });
    expect(replay(skipped, library).failures[0]?.reason).toMatch(/starts from .*, but the previous step ended with/);
  });

  it('should fail a result that is not where the steps end', () => {
    const r = replay({ ...d, result: num(0) }, library);
    expect(r.failures).toEqual([{ step: d.steps.length, rule: '(result)', path: [], reason: expect.stringMatching(/is not where the steps end/) as unknown as string }]);
  });

  it('should count a declared claim without replaying it, and fail it when undeclared', () => {
    const claim = { ...first, rule: 'claim.numeric' };
    const withClaim = { ...d, steps: [claim, ...d.steps.slice(1)] };
    expect(replay(withClaim, library, { claims: new Set(['claim.numeric']) })).toMatchObject({ claims: 1, failures: [] });
    expect(replay(withClaim, library).failures[0]?.reason).toBe('no rule has this id');
  });
});

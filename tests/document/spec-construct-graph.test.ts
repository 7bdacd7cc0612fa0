/** `construct:` and `graph:` tasks in a problem-set spec: read, solved, and refused at their line when wrong. */
import { describe, expect, it } from 'vitest';
import { parseSpec, SpecError } from '../../src/document/spec.js';
import { solveSpec } from '../../src/document/solve.js';
import { buildBlocks } from '../../src/document/blocks.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();
const spec = (tasks: string): string => `title: t\nproblems:\n  - title: p\n    tasks:\n${tasks}`;

function errorOf(text: string, solve = false): string {
  try {
    const s = parseSpec('s.yaml', text);
    if (solve) solveSpec(engine, 's.yaml', s);
  } catch (e) {
    if (e instanceof SpecError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('construct and graph tasks in a spec', () => {
  it('should solve a construction and show its verdict as a check line', () => {
    const s = solveSpec(engine, 's.yaml', parseSpec('s.yaml', spec('      - construct:\n          truth: A xor B\n')));
    const r = s.problems[0]?.results[0];
    expect(r?.kind).toBe('construct');
    if (r?.kind !== 'construct') return;
    expect(r.report.status).toBe('proved');
    const checks = buildBlocks(s).filter((b) => b.kind === 'check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((b) => b.kind === 'check' && !b.failed)).toBe(true);
    expect(s.allVerified).toBe(true);
  });

  it("should mark a user's wrong network as failed and the spec as not verified", () => {
    const s = solveSpec(engine, 's.yaml', parseSpec('s.yaml', spec("      - construct:\n          truth: A and B\n          check: 'y = step(A + B - 1/2)'\n")));
    const r = s.problems[0]?.results[0];
    expect(r?.kind === 'construct' && r.report.status).toBe('fails');
    expect(s.allVerified).toBe(false);
    expect(buildBlocks(s).some((b) => b.kind === 'check' && b.failed)).toBe(true);
  });

  it('should draw a graph: definitions, a figure, the tables and the check', () => {
    const s = solveSpec(engine, 's.yaml', parseSpec('s.yaml', spec("      - graph: 'f = x*y + sin(x)'\n        at: x=2, y=3\n")));
    const kinds = buildBlocks(s).map((b) => b.kind);
    expect(kinds).toContain('figure');
    expect(kinds.filter((k) => k === 'table').length).toBeGreaterThanOrEqual(4);
    expect(kinds[kinds.length - 1]).toBe('check');
  });

  it('should refuse a misspelt option at its line:col', () => {
    expect(errorOf(spec('      - construct:\n          truht: A xor B\n'))).toMatch(/^s\.yaml:6:11: 'construct' has no 'truht'/);
    expect(errorOf(spec("      - graph: 'f = x'\n        step: 2\n"))).toMatch(/^s\.yaml:6:9: a 'graph' task has no 'step'/);
  });

  it('should refuse what construct and graph cannot do at the task', () => {
    expect(errorOf(spec('      - construct:\n          truth: A and\n'), true)).toMatch(/^s\.yaml:5:9: construct: /);
    expect(errorOf(spec('      - construct:\n          truth: A\n          box: 0 < x < 1\n'), true)).toMatch(/^s\.yaml:5:9: construct: give exactly one of truth, table, box/);
    expect(errorOf(spec("      - graph: 'f = tanh(x)'\n        at: x=1\n        ops: '+,*'\n"), true)).toMatch(/^s\.yaml:5:9: graph: /);
  });

  it('should name the line of a YAML syntax error (not 1:1)', () => {
    expect(errorOf(spec('      - text: a line: with a colon\n'))).toMatch(/^s\.yaml:5:15: /);
  });
});

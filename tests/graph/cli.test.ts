/** `gradtex graph` on the command line: formats, exit codes, and one-line errors with line:col for bad input. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { SHARED_A, VECTOR_F } from './seeds.js';

describe('gradtex graph', () => {
  it('should print every table and say what was checked', async () => {
    const r = await cli(['graph', VECTOR_F.input, ...VECTOR_F.args]);
    expect(r.code, r.stderr).toBe(0);
    for (const caption of ['Nodes: forward pass at w_1 = 2, w_2 = 1', 'Forward mode', 'Reverse mode', 'Jacobian', 'Finite differences: forward, step 0.001']) expect(r.stdout).toContain(caption);
    expect(r.stdout).toContain("against the engine's symbolic derivative");
    expect(r.stdout).toContain('all agree.');
    expect(r.stdout).toMatch(/\nf_1 +4\/5 \+ exp\(1\) ≈ 3\.518281828 +2\/5 \+ 2\*exp\(1\) ≈ 5\.836563657\n/);
  });

  it('should give JSON with the Jacobian, the layout and no NaN', async () => {
    const r = await cli(['graph', SHARED_A.input, ...SHARED_A.args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { jacobian: { forward: number; value: number; agrees: boolean }[][]; nodes: { name: string; position: { x: number } | null }[]; allAgree: boolean };
    expect(data.jacobian[0]?.map((e) => e.value)).toEqual([104, 22, 22]);
    expect(data.nodes.map((n) => n.name)).toEqual(['x', 'y', 'z', 'v_1', 'a', 'v_2', 'b', 'v_3', 'w']);
    expect(data.nodes.every((n) => n.position !== null)).toBe(true);
    expect(data.allAgree).toBe(true);
  });

  it('should read a single expression as the output f', async () => {
    const r = await cli(['graph', 'x^2*y', '--at', 'x=3,y=2', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { outputs: { name: string }[]; jacobian: { exact: { plain: string } }[][] };
    expect(data.outputs.map((o) => o.name)).toEqual(['f']);
    expect(data.jacobian[0]?.map((e) => e.exact.plain)).toEqual(['12', '9']);
  });

  it('should decompose x^2 into x*x when --ops has * but not square', async () => {
    const r = await cli(['graph', 'x^2 + x', '--at', 'x=3', '--ops', '+,*', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { nodes: { op: string; inputs: number[] }[] };
    expect(data.nodes.map((n) => n.op)).toEqual(['input', '*', '+']);
    expect(data.nodes[1]?.inputs).toEqual([0, 0]);
  });

  it('should claim no derivative at a kink and exit 3 (undecided), keeping the smooth entries', async () => {
    const r = await cli(['graph', 'relu(x)*y', '--at', 'x=0,y=2', '--format', 'json']);
    expect(r.code).toBe(3);
    const data = JSON.parse(r.stdout) as { jacobian: { status: string; note: string | null; value: number | null }[][]; status: string };
    expect(data.jacobian[0]?.map((e) => e.status)).toEqual(['not-differentiable', 'agrees']);
    expect(data.jacobian[0]?.[0]?.note).toBe('not differentiable at x = 0 (left derivative 0, right derivative 2)');
    expect(data.jacobian[0]?.[0]?.value).toBeNull();
    expect(data.status).toBe('undecided');
  });

  it('should not let 0·NaN from a flat direction spoil another (x^y at x = 0: ∂/∂x = 0, ∂/∂y not finite)', async () => {
    const r = await cli(['graph', 'x^y', '--at', 'x=0,y=2', '--format', 'json']);
    expect(r.code).toBe(3);
    const data = JSON.parse(r.stdout) as { jacobian: { status: string; forward: number | null; reverse: number | null }[][] };
    expect(data.jacobian[0]?.map((e) => [e.status, e.forward, e.reverse])).toEqual([
      ['agrees', 0, 0],
      ['not-finite', null, null],
    ]);
  });

  for (const [file, at, w] of [
    ['vector-function.txt', 'w_1=2,w_2=1', 'f_2'],
    ['shared-subexpression.txt', 'x=1,y=2,z=3', 'w'],
  ] as const) {
    it(`should run examples/graph/${file} from standard input`, async () => {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'graph', file), 'utf8');
      const r = await cli(['graph', '-', '--at', at, '--format', 'json'], text);
      expect(r.code, r.stderr).toBe(0);
      const data = JSON.parse(r.stdout) as { outputs: { name: string }[]; status: string };
      expect(data.outputs.at(-1)?.name).toBe(w);
      expect(data.status).toBe('agrees');
    });
  }

  // a_{k+1} = sin(a_k · a_k): 25 definitions, a graph of 50 nodes, an expression of 2^26 nodes when written out.
  const doubling = ['a1 = sin(x)', ...Array.from({ length: 24 }, (_, i) => `a${i + 2} = sin(a${i + 1}*a${i + 1})`)].join('; ');

  it('should say "not checked" (exit 3), not hang, when an output is too large written out', async () => {
    const r = await cli(['graph', doubling, '--at', 'x=0.5', '--format', 'json']);
    expect(r.code, r.stderr).toBe(3);
    const data = JSON.parse(r.stdout) as { nodes: { checked: boolean }[]; jacobian: { status: string; note: string }[][] };
    expect(data.nodes.length).toBe(50);
    expect(data.nodes.filter((n) => n.checked).length).toBeGreaterThan(10);
    expect(data.jacobian[0]?.[0]?.status).toBe('unchecked');
    expect(data.jacobian[0]?.[0]?.note).toMatch(/^not checked: the output written out has about \d+ nodes, more than the 400/);
  });

  const bad: [string, string[], RegExp][] = [
    ['a graph too large to read', [Array.from({ length: 200 }, (_, i) => `sin(x*${i + 1})`).join(' + '), '--at', 'x=1'], /^gradtex: the graph has more than 300 nodes/],
    ['a node outside its domain in a graph too large to write out', [`${doubling}; b = ln(a25 - 5)`, '--at', 'x=0.5'], /^gradtex: --at x = 0.5: the node b = log\(v_\d+\) is not a finite number \(v_\d+ = -[\d.]+\): the point is outside the domain$/],
    ['a parse error, at line:col of the whole input', ['a = x*y; w = a*)', '--at', 'x=1,y=2'], /^gradtex: definition of w: 1:16: expected an expression after '\*', found '\)'/],
    ['a parse error on a later line', ['a = x*y\nw = (a', '--at', 'x=1,y=2'], /^gradtex: definition of w: 2:7: /],
    ['a name used before its definition', ['w = a + 1; a = x', '--at', 'x=1'], /^gradtex: 1:1: a is used before/],
    ['a name defined twice', ['a = x; a = x + 1', '--at', 'x=1'], /^gradtex: 1:7: a is defined twice/],
    ['a node kind --ops does not allow', [VECTOR_F.input, '--at', 'w1=2,w2=1', '--ops', '+,square,ln,*,sin,cos'], /^gradtex: --ops does not allow the node kind 'exp' that exp\(w_2\) needs/],
    ['an unknown node kind', ['x + 1', '--at', 'x=1', '--ops', '+,frobnicate'], /^gradtex: --ops: unknown node kind 'frobnicate'/],
    ['a missing value', ['x*y', '--at', 'x=1'], /^gradtex: no value for y: add --at y=…/],
    ['a point outside the domain', ['ln(x)', '--at', 'x=-1'], /^gradtex: --at x = -1: outside the domain of f = log\(x\)/],
    ['a bad step', ['x', '--at', 'x=1', '--fd-step', '-1'], /expected a positive number/],
  ];
  for (const [what, args, message] of bad) {
    it(`should refuse ${what} with one line and exit 2`, async () => {
      const r = await cli(['graph', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')[0]).toMatch(message);
    });
  }
});

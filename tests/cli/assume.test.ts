import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('--assume lists are read strictly: what is not understood or empty is an error', () => {
  const bad: [string, RegExp][] = [
    ['x in [2, 1]', /^gradtex: --assume: 'x in \[2, 1\]' leaves no value for x\n$/],
    ['0 < x < 0', /^gradtex: --assume: '0 < x < 0' leaves no value for x\n$/],
    ['x in {}', /^gradtex: --assume: 'x in \{\}' leaves no value for x\n$/],
    ['n = 1', /^gradtex: --assume: 'n = 1' gives n one value, which is not a domain/],
    ['x > 0, foo bar', /^gradtex: --assume: cannot read 'foo bar'/],
    ['x in S', /^gradtex: --assume: cannot read the set in 'x in S'/],
    ['x > 1, x < 0', /^gradtex: --assume: x > 1 and x < 0 leave no value for x\n$/],
  ];
  for (const [assume, message] of bad) {
    it(`should refuse --assume '${assume}' with one line naming it, exit 2`, async () => {
      const r = await cli(['equal', 'sqrt(x^2)', 'x', '--assume', assume]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }

  it('should refuse them in gradtex check and in equal --batch lines too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-assume-'));
    const f = join(dir, 'a.md');
    writeFileSync(f, '$$x = x$$\n');
    const r = await cli(['check', f, '--assume', 'x in [2, 1]']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("gradtex: --assume: 'x in [2, 1]' leaves no value for x\n");
    const b = await cli(['equal', '--batch', '-'], '{"id": "a", "lhs": "x", "rhs": "x", "assume": "0 < x < 0"}\n');
    expect(JSON.parse(b.stdout)).toEqual({ id: 'a', error: "line 1: --assume: '0 < x < 0' leaves no value for x" });
  });

  it('should report contradicting facts of a document at the line and column of the later one, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-assume-'));
    const f = join(dir, 'c.md');
    writeFileSync(f, 'Let $x > 1$.\n\nAlso $x < 0$.\n\n$$\\sqrt{x^2} = x$$\n');
    const r = await cli(['check', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gradtex: ${f}:3:7: x > 1 (line 1) and x < 0 leave no value for x\n`);
  });

  it('should still take assumptions it understands, sets of the integers included', async () => {
    expect((await cli(['equal', 'sqrt(x^2)', 'x', '--assume', 'x > 0'])).code).toBe(0);
    expect((await cli(['equal', 'abs(k)', 'k', '--assume', 'k in Z'])).code).toBe(1);
    expect((await cli(['equal', 'abs(k)', 'k', '--assume', 'k in N'])).code).toBe(0);
  });
});

describe('--assume reads plain syntax as gradtex equal does', () => {
  it('should read log(sigma(z)) in a definition as a logarithm, and a shared relation over a list', async () => {
    const r = await cli(['equal', 'd(L, z)', 'sigma(z) - y', '--assume', 'L = -y*log(sigma(z)) - (1-y)*log(1 - sigma(z))']);
    expect(r.stdout).toMatch(/^(proved|holds):/m);
    expect(r.code).toBe(0);
    const s = await cli(['equal', 'sqrt(x^2*y^2)', 'x*y', '--assume', 'x, y > 0']);
    expect(s.code).toBe(0);
    const t = await cli(['equal', 'd(h, w)', '(1 - h^2)*x', '--assume', 'h = tanh(w x)']);
    expect(t.code).toBe(0);
  });
});

describe('--assume intersects the domains it gives one symbol', () => {
  it('should sample x > 0 and x < 5 inside (0, 5)', async () => {
    const r = await cli(['equal', 'sqrt((x - 5)^2)', '5 - x', '--assume', 'x > 0, x < 5']);
    expect(r.stdout).toMatch(/^holds:/m);
    expect(r.code).toBe(0);
  });
});

describe('gradtex equal lists the assumptions it used', () => {
  it('should name the definitions and domains that speak about the relation, and only those', async () => {
    const r = await cli(['equal', 'd(h, w)', '(1 - h^2)*x', '--assume', 'h = tanh(w*x + b), x > 0, q > 0']);
    expect(r.stdout).toContain('\nusing h = tanh(w*x + b), x > 0 (--assume)\n');
    const j = JSON.parse((await cli(['equal', 'sqrt(x^2)', 'x', '--assume', 'x > 0', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(j['facts']).toEqual(['x > 0']);
  });
});

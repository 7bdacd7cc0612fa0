/**
 * `gradtex rules` prints rules/REFERENCE.md: every rule set, the lemmas and
 * the matrix-calculus identities; `--dir` reads another folder, whose
 * identities file is optional.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRulesDir } from '../../src/rewrite/load-rules.js';
import { IDENTITIES_HEADING } from '../../src/rewrite/reference.js';
import { cli } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'gradtex-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A rules folder holding `files`. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const ONE_RULE = '@set simplify\n@vars u : expr\nalg.add-zero   u + 0 => u   "Adding zero"\n';

describe('gradtex rules', () => {
  it('should print rules/REFERENCE.md, lemmas and matrix-calculus identities included', async () => {
    const r = await cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(defaultRulesDir(), 'REFERENCE.md'), 'utf8'));
    expect(r.stdout).toContain('## Rule set `lemmas`');
    expect(r.stdout).toContain('| `le.am-gm` | AM-GM: sqrt(u) sqrt(v) <= (u + v)/2 for u, v > 0 | $\\sqrt{u}\\sqrt{v} \\le \\tfrac{u + v}{2}$ |');
    expect(r.stdout).toContain(`## ${IDENTITIES_HEADING}`);
    expect(r.stdout).toContain(
      '| `mat.grad-quadratic-form` | Gradient of a quadratic form | `d(x^T*A*x, x) = (A + A^T)*x` | `x: n`, `A: n x n` | $\\frac{\\partial (x^\\top A x)}{\\partial x} = (A + A^\\top) x$ | rules/matrix-calculus.identities:18 |',
    );
  });

  it('should leave the identities out for a --dir folder without matrix-calculus.identities', async () => {
    const r = await cli(['rules', '--dir', folder('plain', { 'a.rules': ONE_RULE })]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| `alg.add-zero` | Adding zero |');
    expect(r.stdout).not.toContain(IDENTITIES_HEADING);
  });

  it("should read a --dir folder's own identities", async () => {
    const dir = folder('own', {
      'a.rules': ONE_RULE,
      'matrix-calculus.identities': '@shapes A: n x p, B: p x q, C: n x n\nmat.t   transpose(A*B) = transpose(B)*transpose(A)   "Transpose of a product"   latex "(A B)^\\top = B^\\top A^\\top"\n',
    });
    const r = await cli(['rules', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`| \`mat.t\` | Transpose of a product | \`(A*B)^T = B^T*A^T\` | \`A: n x p\`, \`B: p x q\` | $(A B)^\\top = B^\\top A^\\top$ | ${join(dir, 'matrix-calculus.identities')}:2 |`);
  });

  it('should report a mistake in the identities file at file:line:col, exit 2', async () => {
    const dir = folder('bad', { 'a.rules': ONE_RULE, 'matrix-calculus.identities': '@shapes W: m x n, x: n\nmat.bad   d(W*x, x) = x*W   "t"   latex "x"\n' });
    const r = await cli(['rules', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'matrix-calculus.identities')}:2:25: cannot multiply x (n) by W (m×n)`);
    expect(r.stdout).toBe('');
  });
});

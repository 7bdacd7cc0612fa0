/** The LaTeX of both seed graphs compiles with pdflatex (no shell escape), without undefined commands, missing files or overfull lines; page 1 is kept as a PNG artifact. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { artifactsDir, hasCommand, requireOrSkip } from '../document/tools.js';
import { SHARED_A, VECTOR_F } from './seeds.js';

const tex = hasCommand('pdflatex');

describe('gradtex graph --format latex with pdflatex', () => {
  for (const seed of [VECTOR_F, SHARED_A]) {
    it(`should compile ${seed.name} cleanly`, async (ctx) => {
      requireOrSkip(ctx, tex, 'pdflatex');
      const dir = mkdtempSync(join(tmpdir(), 'gradtex-graph-pdf-'));
      const r = await cli(['graph', seed.input, ...seed.args, '--format', 'latex']);
      expect(r.code, r.stderr).toBe(0);
      writeFileSync(join(dir, `${seed.name}.tex`), r.stdout);
      const run = spawnSync('pdflatex', ['-no-shell-escape', '-interaction=nonstopmode', '-halt-on-error', `${seed.name}.tex`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stdout.slice(-2000)).toBe(0);
      expect(existsSync(join(dir, `${seed.name}.pdf`))).toBe(true);
      const log = readFileSync(join(dir, `${seed.name}.log`), 'latin1');
      expect(log).not.toMatch(/Undefined control sequence/);
      expect(log).not.toMatch(/File `[^']*' not found/);
      expect(log).not.toMatch(/Overfull \\hbox/);
      if (hasCommand('pdftoppm', ['-v'])) {
        spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', `${seed.name}.pdf`, join(artifactsDir(), `graph-${seed.name}-page1`)], { cwd: dir });
        expect(existsSync(join(artifactsDir(), `graph-${seed.name}-page1.png`))).toBe(true);
      }
    });
  }
});

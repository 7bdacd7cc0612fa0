/** The LaTeX fragments of `gradtex construct` compile with pdflatex inside a minimal document. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { hasCommand, requireOrSkip } from '../document/tools.js';

describe('construct LaTeX with pdflatex', () => {
  it('should compile the XOR, box and KL fragments', async (ctx) => {
    requireOrSkip(ctx, hasCommand('pdflatex'), 'pdflatex');
    const parts: string[] = [];
    for (const args of [['--truth', 'A xor B'], ['--box', '0 < x < 1, 0 < y < 2', '--height', '3'], ['--counterexample', 'KL(p,q) = KL(q,p)']]) {
      const r = await cli(['construct', ...args, '--format', 'latex']);
      expect(r.code, r.stderr).toBe(0);
      parts.push(r.stdout);
    }
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-construct-'));
    try {
      writeFileSync(join(dir, 'c.tex'), `\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n${parts.join('\n')}\n\\end{document}\n`);
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'c.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stdout.slice(-2000)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

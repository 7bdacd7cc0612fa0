/**
 * Pages without overflow: every named derivation, as the fragment
 * `gradtex derive NAME --format latex --fragment` prints, compiled inside a
 * minimal article (10 pt, LaTeX's narrowest default text), has no line that
 * runs more than a point into the margin and no undefined command. The
 * example documents are held to the same in tests/document/pdf.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeNamed, loadNamedSpec, namedDerivationNames, namedToLatex, verifyNamed } from '../../src/derive/named/index.js';
import { texFragment } from '../../src/document/fragment.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { overfullBoxes, undefinedCommands } from './tex-log.js';
import { hasCommand, requireOrSkip } from './tools.js';

const tex = hasCommand('pdflatex');

function pdflatex(dir: string, file: string): string {
  const r = spawnSync('pdflatex', ['-no-shell-escape', '-interaction=nonstopmode', '-halt-on-error', file], { cwd: dir, encoding: 'utf8', timeout: 300_000, env: { ...process.env, openin_any: 'p', openout_any: 'p', shell_escape: 'f' } });
  const logFile = join(dir, file.replace(/\.tex$/, '.log'));
  const log = existsSync(logFile) ? readFileSync(logFile, 'latin1') : '';
  expect(r.status, `pdflatex failed on ${file}: ${log.split('\n').find((l) => l.startsWith('! ')) ?? r.stdout.slice(-400)}`).toBe(0);
  return log;
}

describe('TeX logs', () => {
  it('should read overfull boxes over a point and undefined commands from a log', () => {
    const log = [
      'Overfull \\hbox (75.22612pt too wide) detected at line 117',
      'Overfull \\hbox (0.5pt too wide) in paragraph at lines 3--4',
      'Overfull \\hbox (1.6563pt too wide) detected at line 283',
      '! Undefined control sequence.',
      'l.12 \\foo',
    ].join('\n');
    expect(overfullBoxes(log)).toEqual([
      { points: 75.22612, where: 'detected at line 117' },
      { points: 1.6563, where: 'detected at line 283' },
    ]);
    expect(undefinedCommands(log)).toHaveLength(1);
    expect(overfullBoxes('Overfull \\vbox (3pt too high) has occurred')).toEqual([]);
  });
});

describe('Pages without overflow', () => {
  it('should typeset every named derivation as a fragment in a minimal article without overfull lines or undefined commands', { timeout: 900_000 }, async (ctx) => {
    requireOrSkip(ctx, tex, 'pdflatex');
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-overfull-'));
    const engine = createEngine();
    const names = namedDerivationNames();
    const inputs: string[] = [];
    for (const name of names) {
      const spec = loadNamedSpec(name, undefined, {});
      expect(spec, name).toBeDefined();
      if (spec === undefined) continue;
      writeFileSync(join(dir, `${name}.tex`), texFragment(namedToLatex(verifyNamed(computeNamed(engine, spec)), 'align*'), spec.title));
      // A marker in the log says which derivation a warning belongs to.
      inputs.push(`\\typeout{gradtex-derivation: ${name}}`, `\\input{${name}.tex}`, '\\clearpage');
    }
    writeFileSync(join(dir, 'all.tex'), ['\\documentclass{article}', '\\usepackage{amsmath,amssymb}', '\\begin{document}', ...inputs, '\\end{document}', ''].join('\n'));
    const log = pdflatex(dir, 'all.tex');
    expect(log).toContain(`gradtex-derivation: ${names[names.length - 1] ?? ''}`);
    // Each overfull line and undefined command, named with the derivation it belongs to.
    let current = '';
    const found: string[] = [];
    for (const line of log.split('\n')) {
      current = /^gradtex-derivation: (\S+)/.exec(line)?.[1] ?? current;
      for (const b of overfullBoxes(line)) found.push(`${current}: ${b.points} pt too wide ${b.where}`);
      if (undefinedCommands(line).length > 0) found.push(`${current}: ${line}`);
    }
    expect(found).toEqual([]);
    expect(overfullBoxes(log)).toEqual([]);
    expect(undefinedCommands(log)).toEqual([]);
  });
});

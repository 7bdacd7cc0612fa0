/**
 * Red-team session 6: outputs written over the user's own file through
 * another name of it. `md IN -o OUT` with OUT a hard link to IN, and `render`
 * with an --out folder that is a symbolic link to the spec's folder, wrote
 * over the input (the check compared resolved paths only).
 */
import { linkSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sameFile } from '../../src/cli/same-file.js';
import { cli } from './run.js';

const note = '# Note\n\n$$x + 1 = 1 + x$$\n';

describe('an output that is another name of the input', () => {
  it('sameFile sees a hard link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-rt6-'));
    const a = join(dir, 'a.md');
    writeFileSync(a, note);
    linkSync(a, join(dir, 'b.html'));
    writeFileSync(join(dir, 'c.html'), note);
    expect(sameFile(a, join(dir, 'b.html'))).toBe(true);
    expect(sameFile(a, join(dir, 'c.html'))).toBe(false);
    expect(sameFile(a, join(dir, 'missing.html'))).toBe(false);
  });
  it('md and check --format html refuse to write through a hard link to the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-rt6-'));
    const input = join(dir, 'hw.md');
    writeFileSync(input, note);
    linkSync(input, join(dir, 'hw.html'));
    const md = await cli(['md', input, '-o', join(dir, 'hw.html')]);
    expect(md.code).toBe(2);
    expect(md.stderr).toMatch(/refusing to overwrite the input/);
    const check = await cli(['check', input, '--format', 'html', '-o', join(dir, 'hw.html')]);
    expect(check.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(note);
  });
  it('render refuses an --out folder that links back to the spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-rt6-'));
    const spec = join(dir, 'x.md');
    writeFileSync(spec, 'title: T\nproblems: []\n');
    symlinkSync(dir, join(dir, 'out'));
    const r = await cli(['render', spec, '-o', join(dir, 'out'), '--to', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite/);
    expect(readFileSync(spec, 'utf8')).toBe('title: T\nproblems: []\n');
  });
});

import { copyFileSync, existsSync, symlinkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { htmlSafetyProblems } from '../document/output-safety.js';

const NOTE = join(import.meta.dirname, '..', '..', 'examples', 'notes', 'backprop-basics.md');
const WRONG = ['# Note', '', 'Some text.', '', '```check', 'x^2 - 1 = (x - 1)(x + 1)', '        = x^2 + 1', '```', ''].join('\n');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'gradtex-md-'));
}

describe('gradtex md', () => {
  it('should write the course note as a page that works offline', async () => {
    const dir = scratch();
    const out = join(dir, 'note.html');
    const r = await cli(['md', NOTE, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${NOTE}: every check holds\n  wrote ${out}\n`);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<title>Backpropagation basics: sigmoid, softmax and a worked gradient</title>');
    expect(page).toContain('<link rel="stylesheet" href="katex/katex.min.css">');
    expect(page).not.toContain('katex-error');
    expect(existsSync(join(dir, 'katex', 'katex.min.css'))).toBe(true);
    expect(existsSync(join(dir, 'katex', 'fonts', 'KaTeX_Main-Regular.woff2'))).toBe(true);
    expect(htmlSafetyProblems(page, { shellTags: ['meta', 'meta'] })).toEqual([]);
  }, 60_000);

  it('should write a page with no script address and no remote image, unless remote images are asked for', async () => {
    const dir = scratch();
    const input = join(dir, 'hostile.md');
    writeFileSync(input, '# H\n\n[a](javascript:alert(1)) ![p](https://evil.example/p.png) <script>alert(2)</script>\n');
    const r = await cli(['md', input, '-o', join(dir, 'h.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${input}:3:1: info: link address javascript:alert(1) removed`);
    expect(r.stderr).toContain(`${input}:3:26: info: remote image https://evil.example/p.png not loaded`);
    const page = readFileSync(join(dir, 'h.html'), 'utf8');
    expect(htmlSafetyProblems(page, { shellTags: ['meta', 'meta'] })).toEqual([]);
    expect(page).toContain('<a href="https://evil.example/p.png" class="gradtex-remote-image">p</a>');
    const allowed = await cli(['md', input, '-o', join(dir, 'r.html'), '--allow-remote-images']);
    expect(allowed.code).toBe(0);
    const remote = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(remote).toContain('<img src="https://evil.example/p.png" alt="p">');
    expect(htmlSafetyProblems(remote, { shellTags: ['meta', 'meta'], remoteImages: true })).toEqual([]);
    expect(remote).not.toMatch(/javascript:|<script/);
  });

  it('should print each failed step as file:line:col and exit 1, still writing the page', async () => {
    const dir = scratch();
    const input = join(dir, 'wrong.md');
    writeFileSync(input, WRONG);
    const r = await cli(['md', input, '-o', join(dir, 'wrong.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:11: warning: this step does not hold: `));
    expect(readFileSync(join(dir, 'wrong.html'), 'utf8')).toContain('gradtex-check failed');
  });

  it('should write nothing with --fail-on-error when a check fails', async () => {
    const dir = scratch();
    const input = join(dir, 'wrong.md');
    writeFileSync(input, WRONG);
    const r = await cli(['md', input, '-o', join(dir, 'wrong.html'), '--fail-on-error']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${input}:7:11: error: this step does not hold`);
    expect(r.stderr).toContain('nothing written (--fail-on-error)');
    expect(existsSync(join(dir, 'wrong.html'))).toBe(false);
  });

  it('should exit 2 for an input it cannot read', async () => {
    const r = await cli(['md', join(scratch(), 'missing.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradtex: cannot read .*missing\.md: /);
  });

  it('should refuse an output that is the input, however it is spelled or linked', async () => {
    const dir = scratch();
    const input = join(dir, 'note.md');
    copyFileSync(NOTE, input);
    const before = readFileSync(input, 'utf8');
    const link = join(dir, 'link.html');
    symlinkSync(input, link);
    for (const out of [input, `${dir}/./note.md`, link]) {
      const r = await cli(['md', input, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`gradtex: refusing to overwrite the input ${input}: choose another -o file\n`);
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('should write IN.html beside the input when -o is not given', async () => {
    const dir = scratch();
    const input = join(dir, 'small.md');
    writeFileSync(input, '```derive\nd/dx x^2\n```\n');
    const r = await cli(['md', input]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'small.html'), 'utf8')).toContain('<title>small.md</title>');
  });
});

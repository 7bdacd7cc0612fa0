/**
 * `--jobs N` for check FILE…, diff --batch, equal --batch and render SPEC…:
 * the work is spread over worker threads, and the output is the same as with
 * one job, in input order. Run as real processes on the bundle (what the
 * `gradtex` bin runs: the workers exist only there).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess, type CliResult } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'gradtex-jobs-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// A long file first and short ones after it: with two jobs the short ones finish first.
const long = write('long.md', Array.from({ length: 12 }, (_, k) => `$$\\frac{d}{dx} \\sin(${k + 2}x) = ${k + 2}\\cos(${k + 2}x)$$\n`).join('\n'));
const wrong = write('wrong.md', '$$(x+1)^2 = x^2 + x + 1$$\n');
const right = write('right.tex', '\\[ \\sigma(x)(1 - \\sigma(x)) = \\sigma(x) - \\sigma(x)^2 \\]\n');
const unclosed = write('unclosed.tex', 'Some text.\n\\begin{align}\n  x &= 1\n');
const short = write('short.md', '$$\\log(e^x) = x$$\n');

describe('gradtex check --jobs', () => {
  it('should print the same report with two jobs as with one, files in the order given', () => {
    const one = cliProcess(['check', long, wrong, right, short, '--jobs', '1']);
    const two = cliProcess(['check', long, wrong, right, short, '--jobs', '2']);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    const summaries = one.stdout.split('\n').filter((l) => / relations? found/.test(l)).map((l) => l.slice(0, l.indexOf(':')));
    expect(summaries).toEqual([long, wrong, right, short]);
  }, 120_000);

  it('should report a bad file with its line:col and exit 2, and still report every other file', () => {
    const one = cliProcess(['check', long, unclosed, short, '--jobs', '1']);
    const two = cliProcess(['check', long, unclosed, short, '--jobs', '2']);
    expect(two).toEqual(one);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(`gradtex: ${unclosed}:2:1: \\begin{align} is never closed (no \\end{align})\n`);
    expect(two.stdout).toContain(`${long}: 12 relations found`);
    expect(two.stdout).toContain(`${short}: 1 relation found`);
  }, 120_000);

  it('should report a file that does not exist and check the others', () => {
    const r = cliProcess(['check', short, join(dir, 'missing.md'), '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradtex: cannot read .*missing\.md: ENOENT/);
    expect(r.stdout).toContain(`${short}: 1 relation found`);
  }, 60_000);

  it.each([['0'], ['x'], ['1.5'], ['-1']])('should refuse --jobs %s with a one-line error and exit 2', (n) => {
    const r = cliProcess(['check', short, '--jobs', n]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^error: option '--jobs <n>' argument '.*' is invalid\. expected a whole number of jobs from 1 to 64/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  }, 60_000);
});

describe('gradtex diff --batch and equal --batch --jobs', () => {
  it('should answer a diff batch in input order, the same with three jobs as with one', () => {
    const requests = write('diff.jsonl', ['x^2', 'sin(x)*exp(x)', 'log(x)', 'tanh(x)^3', 'sigma(2*x)', 'x^x'].map((e, i) => JSON.stringify({ id: `r${i}`, expr: e, wrt: ['x'] })).join('\n') + '\n');
    // The same bytes but for "ms", the time each answer took.
    const timeless = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/"ms":[\d.e+-]+/g, '"ms":0') });
    const one = timeless(cliProcess(['diff', '--batch', requests, '--jobs', '1']));
    const three = timeless(cliProcess(['diff', '--batch', requests, '--jobs', '3']));
    expect(one.code).toBe(0);
    // Answers, not error lines (each request was differentiated).
    expect(one.stdout).not.toContain('"error"');
    expect(one.stdout).toContain('"ms":0');
    expect(three).toEqual(one);
    expect(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  }, 120_000);

  it('should answer an equal batch with a bad line in input order, the same with two jobs as with one', () => {
    const requests = write('equal.jsonl', ['{"id": "a", "lhs": "sigma(x)", "rhs": "1/(1+exp(-x))"}', 'not json', '{"id": "b", "lhs": "log(a*b)", "rhs": "log(a)+log(b)"}', '', '{"id": "c", "lhs": "(x+1)^2", "rhs": "x^2+1"}'].join('\n'));
    const one = cliProcess(['equal', '--batch', requests, '--jobs', '1']);
    const two = cliProcess(['equal', '--batch', requests, '--jobs', '2']);
    expect(two).toEqual(one);
    expect(one.code).toBe(1);
    expect(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'line 2', 'b', 'c']);
  }, 120_000);
});

describe('gradtex render --jobs', () => {
  it('should write the same files and print the same lines with two jobs as with one', () => {
    const specs = ['dl-fall-2022-homework-1.yaml', 'deep-learning-homework.yaml'].map((f) => join('examples', 'problem-sets', f));
    const out1 = join(dir, 'out1');
    const out2 = join(dir, 'out2');
    const one = cliProcess(['render', ...specs, '-o', out1, '--to', 'tex,md,html', '--jobs', '1']);
    const two = cliProcess(['render', ...specs, '-o', out2, '--to', 'tex,md,html', '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout.replaceAll(out1, out2));
    expect(readdirSync(out2).sort()).toEqual(readdirSync(out1).sort());
    for (const f of readdirSync(out1).filter((f) => f !== 'katex')) expect(readFileSync(join(out2, f), 'utf8')).toBe(readFileSync(join(out1, f), 'utf8'));
    // KaTeX's stylesheet and fonts, which both jobs' pages link to, copied whole (once, before the jobs start).
    const katex = dirname(createRequire(import.meta.url).resolve('katex'));
    const assets = ['katex.min.css', ...readdirSync(join(katex, 'fonts')).map((f) => join('fonts', f))];
    for (const out of [out1, out2]) for (const a of assets) expect(readFileSync(join(out, 'katex', a)).equals(readFileSync(join(katex, a))), `${out}/katex/${a}`).toBe(true);
  }, 240_000);
});

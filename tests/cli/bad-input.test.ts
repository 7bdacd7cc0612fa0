/**
 * Bad input gives one clear line on stderr with a position and exit 2, or a
 * correct answer; never a stack trace, a hang or a crash. These run the real
 * binary so exit codes and stderr are what a user sees.
 */
import { describe, expect, it } from 'vitest';
import { cliProcess } from './run.js';

function expectCleanError(r: { code: number; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('bad input', () => {
  it('should refuse to evaluate a derivative the rewrite budget did not finish, instead of substituting into d(f, x)', () => {
    // The fifth derivative of this product exhausts the rewrite fuel, and its
    // steps outgrow the derivation size limit (src/derive/limits.ts) first.
    expectCleanError(cliProcess(['diff', 'tanh(x)^3*exp(sigma(x^2))', '--wrt', 'x,x,x,x,x', '--at', 'x=1']), /did not finish within the rewrite budget|grew beyond/);
  });

  it('should report an unclosed parenthesis with line:col', () => {
    expectCleanError(cliProcess(['diff', '(x+1', '--wrt', 'x']), /1:5/);
  });

  it('should report an unknown function by name', () => {
    expectCleanError(cliProcess(['diff', 'foo(x)', '--wrt', 'x']), /foo/);
  });

  it('should report a missing exponent', () => {
    expectCleanError(cliProcess(['diff', 'x^', '--wrt', 'x']), /1:3/);
  });

  it('should report an incomplete LaTeX fraction', () => {
    expectCleanError(cliProcess(['diff', '\\frac{1}', '--wrt', 'x']), /1:\d+/);
  });

  it('should report an empty expression', () => {
    expectCleanError(cliProcess(['diff', '', '--wrt', 'x']), /empty/i);
  });

  it('should refuse 20,000-deep nesting with a position, not a stack overflow', () => {
    const deep = '('.repeat(20000) + 'x' + ')'.repeat(20000);
    expectCleanError(cliProcess(['diff', '-', '--wrt', 'x'], deep), /1:\d+/);
  });

  it('should answer or refuse a 1 MB expression on standard input without crashing', () => {
    const terms: string[] = [];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const t = `${(i % 97) + 1}*x^${(i % 5) + 1}`;
      terms.push(t);
      length += t.length + 1;
    }
    const r = cliProcess(['diff', '-', '--wrt', 'x', '--format', 'json', '--points', '2'], terms.join('+'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    else expect(JSON.parse(r.stdout).verification.verdict).not.toBe('failed');
  });

  it('should reject an unknown option with exit 2', () => {
    const r = cliProcess(['diff', 'x', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('should reject an unknown variable format in --at', () => {
    expectCleanError(cliProcess(['diff', 'x^2', '--wrt', 'x', '--at', 'x']), /--at/);
  });
});

/**
 * The acceptance corpus: real-style derivations in Markdown and LaTeX, with
 * definitions and domains in prose. Half are correct; the others carry one
 * injected error (or state a false claim), and manifest.json gives the line
 * where the first failing step is reported. Every injected error must be
 * located, and no step of a correct derivation may be reported failing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, documentKind, type DocumentReport, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { firstFailure } from '../../src/check/report.js';
import { createEngine } from '../../src/rewrite/engine.js';

interface Entry {
  readonly correct: boolean;
  readonly firstFailingLine?: number;
  readonly error?: string;
  readonly from?: string;
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'derivations');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, Entry>;
const files = readdirSync(dir).filter((f) => (f.endsWith('.md') || f.endsWith('.tex')) && f !== 'README.md').sort();
const checker = createChecker(createEngine());
const reports = new Map<string, DocumentReport>();
const reportOf = (f: string): DocumentReport => {
  let r = reports.get(f);
  if (r === undefined) {
    r = checkDocument(checker, readFileSync(join(dir, f), 'utf8'), documentKind(f));
    reports.set(f, r);
  }
  return r;
};
const steps = (r: DocumentReport): StepReport[] => r.chains.flatMap((c) => [...c.steps]);

describe('the derivation corpus', () => {
  it('should have at least 40 derivations in Markdown and LaTeX, about half of them wrong, all in the manifest', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(files)).toEqual(new Set(Object.keys(manifest)));
    const wrong = files.filter((f) => manifest[f]?.correct === false);
    expect(wrong.length).toBeGreaterThanOrEqual(20);
    expect(files.length - wrong.length).toBeGreaterThanOrEqual(20);
    expect(files.some((f) => f.endsWith('.tex'))).toBe(true);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
  });

  for (const f of files) {
    const entry = manifest[f];
    if (entry === undefined) continue;
    if (entry.correct) {
      it(`should report no failing step in ${f}`, () => {
        const r = reportOf(f);
        const fails = steps(r).filter((s) => s.verdict === 'fails');
        expect(fails.map((s) => `${s.line}:${s.col} ${s.lhs} ${s.rel} ${s.rhs}: ${s.evidence.summary}`)).toEqual([]);
        expect(steps(r).filter((s) => s.verdict !== 'definition').length).toBeGreaterThan(0);
      });
    } else {
      it(`should locate the error in ${f} (${entry.error ?? ''}) at line ${entry.firstFailingLine ?? '?'}`, () => {
        const first = firstFailure(reportOf(f));
        expect(first, 'no step was reported failing').toBeDefined();
        expect(first?.line).toBe(entry.firstFailingLine);
        expect(first?.evidence.lhsValue).not.toBe(first?.evidence.rhsValue);
      });
    }
  }

  it('should check the proof of ln x <= x - 1 through, the inequalities from the lemma', () => {
    const all = steps(reportOf('log-inequality.tex'));
    expect(all.filter((s) => s.verdict === 'fails' || s.verdict === 'undecided')).toEqual([]);
    const ineq = all.filter((s) => s.rel === '<=');
    expect(ineq.length).toBeGreaterThanOrEqual(2);
    for (const s of ineq) {
      expect(s.verdict).toBe('proved');
      expect(s.evidence.lemmas).toContain('le.log-below-line');
    }
  });

  it('should check the proof of KL(p, q) >= 0 through, termwise by ln u <= u - 1 and the sums being 1', () => {
    const all = steps(reportOf('kl-nonnegative.md'));
    expect(all.filter((s) => s.verdict === 'fails' || s.verdict === 'undecided')).toEqual([]);
    const termwise = all.find((s) => s.rel === '<=');
    expect(termwise?.verdict).toBe('proved');
    expect(termwise?.evidence.lemmas).toEqual(['le.log-below-line']);
    // The last step of the display chain; the inline conclusion after it, 'Therefore $D \\ge 0$', is judged too.
    const display = reportOf('kl-nonnegative.md').chains.filter((c) => c.inline !== true).flatMap((c) => c.steps);
    expect(display[display.length - 1]?.verdict).toBe('proved');
    expect(all.find((s) => s.line === 17)?.verdict).toMatch(/^(proved|holds)$/);
  });

  it('should show KL(p, q) = KL(q, p) failing at concrete distributions p and q', () => {
    const first = firstFailure(reportOf('kl-asymmetry.md'));
    const p = first?.evidence.point ?? {};
    const value = (k: string): number => p[k] ?? NaN;
    expect(value('p_{1}') + value('p_{2}')).toBeCloseTo(1, 12);
    expect(value('q_{1}') + value('q_{2}')).toBeCloseTo(1, 12);
    for (const k of ['p_{1}', 'p_{2}', 'q_{1}', 'q_{2}']) expect(value(k)).toBeGreaterThan(0);
    const kl = (a: number, b: number, c: number, d: number): number => a * Math.log(a / c) + b * Math.log(b / d);
    expect(first?.evidence.lhsValue).toBeCloseTo(kl(value('p_{1}'), value('p_{2}'), value('q_{1}'), value('q_{2}')), 9);
    expect(first?.evidence.rhsValue).toBeCloseTo(kl(value('q_{1}'), value('q_{2}'), value('p_{1}'), value('p_{2}')), 9);
  });
});

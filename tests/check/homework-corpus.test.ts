/**
 * The homework corpus of issue #10 (tests/fixtures/homework-corpus/): 37
 * documents written the way students and course notes write, every relation
 * labelled by hand. Scored against the contract and the targets:
 *
 * - soundness, asserted strictly: no wrong relation (nor an uncheckable one
 *   that is false) is `proved` or `holds`;
 * - the targets, asserted as a ratchet at the figures measured on the engine
 *   of the day (see RATCHET): every wrong relation `fails` at its own
 *   line:col, no correct relation `fails`, at least 90% of the correct ones
 *   `proved` or `holds`, every relation in the output (judged or not read).
 *   Raise a floor / lower a ceiling when the engine gets better; never the
 *   other way round.
 *
 * The figures are printed for quoting; HOMEWORK_CORPUS_PER_DOCUMENT=1 adds a
 * line per document, HOMEWORK_CORPUS_DUMP=FILE writes every match as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import {
  failsAtOwnPlace,
  figuresOf,
  formatFigures,
  formatPerDocument,
  formatScored,
  isClaim,
  isPositive,
  loadHomeworkCorpus,
  normalise,
  scoreFile,
  scoreReport,
  type Figures,
  type LabelledRelation,
  type Scored,
} from './homework-corpus.js';
import type { DocumentReport, StepReport } from '../../src/check/check-document.js';

/**
 * Measured on 2026-12-04 on the engine at 053c4d1 (before the issue #10
 * branches were merged; two runs gave the same figures). The targets
 * are in the comments. Merging the accounting and definitions work will move
 * these: re-measure then (the test prints "ratchet: … can rise/drop to …").
 */
const RATCHET = {
  /** Target: all 82 wrong relations (issue #10: "every wrong relation fails at its own line:col"); reached on the homework branch (cases by indicators, H_δ as a family, shapes of p and e_y). */
  wrongFailAtOwnPlaceAtLeast: 82,
  /**
   * Target: 0 ("no correct relation fails"). Loosened from 27 (measured before the accounting merge, when
   * inline math was never judged): since accounting, inline claims are judged, and values named in prose
   * without a premise word ("Numbers: $w = 2$, … give $\hat y = 5$") are claims about symbols the section
   * used, so the claims after them fail; main at 383a749 measured 73, 52 after the definitions merge, 53 once
   * every number given in prose (whatever the word before it) holds to the end of its sentence only; 22 on the
   * values branch, where a number given in prose is a worked example's value applied to the claims in its
   * scope (src/check/worked-example.ts), and the scorer gives a step at a relation's own line:col to it first.
   */
  correctFailAtMost: 0,
  /** Target: 90% of the 391 correct relations, 352 ("at least 90% of correct relations proved or holds"). */
  correctProvedOrHoldsAtLeast: 361,
  /** Target: 0 ("every relation appears in the output"): judged, or listed as not read. */
  missingAtMost: 0,
};

const corpus = loadHomeworkCorpus();
const claims = Object.values(corpus.manifest).flatMap((d) => d.relations.filter(isClaim));

describe('the homework corpus (issue #10)', () => {
  const scored: Scored[] = [];
  const unlabelled: { file: string; step: StepReport }[] = [];
  let f: Figures;

  beforeAll(() => {
    const checker = createChecker(createEngine());
    for (const file of corpus.files) {
      const r = scoreFile(corpus, file, checker);
      scored.push(...r.scored);
      unlabelled.push(...r.unlabelled.map((step) => ({ file, step })));
    }
    f = figuresOf(scored);
    console.log(`\nhomework corpus: ${corpus.files.length} documents\n${formatFigures(f)}`);
    if (process.env['HOMEWORK_CORPUS_PER_DOCUMENT'] === '1') console.log(`\n${formatPerDocument(scored)}`);
    const look = scored.filter(
      (s) =>
        (s.relation.label === 'wrong' && (isPositive(s.outcome) || s.outcome === 'definition')) ||
        (s.relation.label === 'correct' && s.outcome === 'fails') ||
        (s.relation.label === 'uncheckable' && s.relation.truth === false && isPositive(s.outcome)),
    );
    if (look.length > 0) console.log(`\nfindings (wrong proved/holds or taken as a definition, correct failing):\n${look.map(formatScored).join('\n')}`);
    console.log(`steps reported where no relation is labelled: ${unlabelled.length}`);
    const measured = { wrongFailAtOwnPlaceAtLeast: f.wrongFailAtOwnPlace, correctFailAtMost: f.correctFail, correctProvedOrHoldsAtLeast: f.correctProvedOrHolds, missingAtMost: f.missing };
    if (JSON.stringify(measured) !== JSON.stringify(RATCHET)) console.log(`measured today (RATCHET may only tighten towards the targets): ${JSON.stringify(measured)}`);
    const dump = process.env['HOMEWORK_CORPUS_DUMP'];
    if (dump !== undefined) writeFileSync(dump, JSON.stringify({ figures: f, scored, unlabelled }, null, 1) + '\n');
  }, 600_000);

  describe('the corpus itself', () => {
    it('should hold at least 32 documents, two thirds Markdown, with plain text and LaTeX, all in the manifest', () => {
      expect(corpus.files.length).toBeGreaterThanOrEqual(32);
      expect(new Set(corpus.files)).toEqual(new Set(Object.keys(corpus.manifest)));
      const md = corpus.files.filter((x) => x.endsWith('.md')).length;
      const tex = corpus.files.filter((x) => x.endsWith('.tex')).length;
      const txt = corpus.files.filter((x) => x.endsWith('.txt')).length;
      expect(md / corpus.files.length).toBeGreaterThan(0.55);
      expect(tex / corpus.files.length).toBeGreaterThan(0.25);
      expect(txt).toBeGreaterThanOrEqual(2);
    });

    it('should label at least 320 claims, 15-25% of the checkable ones wrong, each wrong one with a why', () => {
      expect(claims.length).toBeGreaterThanOrEqual(320);
      const wrong = claims.filter((r) => r.label === 'wrong');
      const checkable = claims.filter((r) => r.label !== 'uncheckable');
      expect(wrong.length / checkable.length).toBeGreaterThanOrEqual(0.15);
      expect(wrong.length / checkable.length).toBeLessThanOrEqual(0.25);
      expect(wrong.filter((r) => (r.why ?? '').length < 10)).toEqual([]);
      expect(claims.filter((r) => r.label === 'uncheckable').length).toBeGreaterThanOrEqual(10);
    });

    it('should place every label where its right-hand side is written, right after a relation symbol', () => {
      const bad: string[] = [];
      for (const file of corpus.files) {
        const lines = readFileSync(join(corpus.dir, file), 'utf8').split('\n');
        for (const r of corpus.manifest[file]?.relations ?? []) {
          const line = lines[r.line - 1] ?? '';
          const before = line.slice(0, r.col - 1).replace(/[\s&]+$/, '');
          if (!line.startsWith(r.rhs, r.col - 1) || !/(?:=|<|>|\\(?:le|leq|ge|geq|ne|neq|approx|sim|leqslant|geqslant))$/.test(before)) bad.push(`${file}:${r.line}:${r.col} ${r.rhs}`);
          if (normalise(r.rhs) === '') bad.push(`${file}:${r.line}:${r.col} empty snippet`);
        }
      }
      expect(bad).toEqual([]);
    });
  });

  describe('the matcher', () => {
    const rel = (line: number, col: number, rhs: string, label: LabelledRelation['label'] = 'correct'): LabelledRelation => ({ line, col, rel: '=', rhs, label });
    const step = (line: number, col: number, rhs: string, verdict: StepReport['verdict']): StepReport => ({ step: 1, line, col, lhs: 'a', rel: '=', rhs, verdict, evidence: { method: 'none', summary: verdict } });
    const report = (steps: StepReport[], notRead: DocumentReport['notRead'] = []): DocumentReport => ({ chains: [{ line: 1, col: 1, steps }], notRead, premises: [] });

    it('should match a step by line:col first, then by line and the start of its right side without layout', () => {
      const r = scoreReport('d.md', [rel(3, 5, 'x + 1'), rel(3, 20, '\\sigma(x)\\,(1 - x), \\qquad')], report([step(3, 21, 'sigma(x) (1-x)', 'holds'), step(3, 21, '\\sigma(x)  (1 - x)', 'fails'), step(3, 5, 'x+1', 'proved')]));
      expect(r.scored.map((s) => s.outcome)).toEqual(['proved', 'fails']);
      expect(r.unlabelled.map((s) => s.rhs)).toEqual(['sigma(x) (1-x)']);
      expect(failsAtOwnPlace(r.scored[1] as Scored)).toBe(false);
    });

    it('should match a not-read entry that covers the line and contains the snippet, and call the rest missing', () => {
      const nr = { line: 4, col: 1, latex: 'f(x) \\to 0\n\\lim_{x} g = 1', reason: 'uses \\lim' };
      const r = scoreReport('d.md', [rel(5, 14, '1', 'uncheckable'), rel(7, 3, 'y', 'wrong')], report([], [nr]));
      expect(r.scored.map((s) => s.outcome)).toEqual(['not-read', 'missing']);
    });
  });

  describe('soundness (strict)', () => {
    it('should never report a wrong relation proved or holds', () => {
      const bad = scored.filter((s) => s.relation.label === 'wrong' && isPositive(s.outcome));
      expect(bad.map(formatScored)).toEqual([]);
    });

    it('should never report an uncheckable relation that is false proved or holds', () => {
      const bad = scored.filter((s) => s.relation.label === 'uncheckable' && s.relation.truth === false && isPositive(s.outcome));
      expect(bad.map(formatScored)).toEqual([]);
    });
  });

  describe('targets of issue #10 (ratchet)', () => {
    it(`should report at least ${RATCHET.wrongFailAtOwnPlaceAtLeast} wrong relations failing at their own line:col (target: all)`, () => {
      expect(f.wrongFailAtOwnPlace).toBeGreaterThanOrEqual(RATCHET.wrongFailAtOwnPlaceAtLeast);
      if (f.wrongFailAtOwnPlace > RATCHET.wrongFailAtOwnPlaceAtLeast) console.log(`ratchet: wrongFailAtOwnPlaceAtLeast can rise to ${f.wrongFailAtOwnPlace}`);
    });

    it(`should report at most ${RATCHET.correctFailAtMost} correct relations failing (target: 0)`, () => {
      const bad = scored.filter((s) => s.relation.label === 'correct' && s.outcome === 'fails');
      expect(bad.length, bad.map(formatScored).join('\n')).toBeLessThanOrEqual(RATCHET.correctFailAtMost);
      if (bad.length < RATCHET.correctFailAtMost) console.log(`ratchet: correctFailAtMost can drop to ${bad.length}`);
    });

    it(`should prove or hold at least ${RATCHET.correctProvedOrHoldsAtLeast} correct relations (target: 90% of them)`, () => {
      expect(f.correctProvedOrHolds).toBeGreaterThanOrEqual(RATCHET.correctProvedOrHoldsAtLeast);
      if (f.correctProvedOrHolds > RATCHET.correctProvedOrHoldsAtLeast) console.log(`ratchet: correctProvedOrHoldsAtLeast can rise to ${f.correctProvedOrHolds}`);
    });

    it(`should leave at most ${RATCHET.missingAtMost} relations missing from the output (target: 0)`, () => {
      expect(f.missing).toBeLessThanOrEqual(RATCHET.missingAtMost);
      if (f.missing < RATCHET.missingAtMost) console.log(`ratchet: missingAtMost can drop to ${f.missing}`);
    });

    it('should count a wrong relation as located only when the failure is at its own line:col', () => {
      expect(f.wrongFailAtOwnPlace).toBe(scored.filter((s) => s.relation.label === 'wrong' && failsAtOwnPlace(s)).length);
      expect(f.wrongFailAtOwnPlace).toBeLessThanOrEqual(f.wrongFail);
    });
  });
});

/**
 * Reports in the compiler style people know, and as JSON:
 *
 *     notes.md:14:8: step 2 fails: \frac{d}{dx} x^3 = 3x
 *       at x = 0.5: left side = 0.75, right side = 1.5
 *       using x > 0 (line 3)
 *     notes.md: 7 steps: 4 proved, 2 hold, 1 fails, 0 undecided
 */
import type { DocumentReport, StepReport } from './check-document.js';
import { relationLatex } from './relation.js';

export interface FileReport {
  readonly file: string;
  readonly report: DocumentReport;
}

function allSteps(r: DocumentReport): StepReport[] {
  return r.chains.flatMap((c) => [...c.steps]);
}

/** Counts of judged steps by verdict (definitions are not steps). */
export function tally(r: DocumentReport): Record<'proved' | 'holds' | 'fails' | 'undecided', number> {
  const t = { proved: 0, holds: 0, fails: 0, undecided: 0 };
  for (const s of allSteps(r)) if (s.verdict !== 'definition') t[s.verdict]++;
  return t;
}

/** The first failing step of a document, in document order. */
export function firstFailure(r: DocumentReport): StepReport | undefined {
  return allSteps(r)
    .filter((s) => s.verdict === 'fails')
    .sort((a, b) => a.line - b.line || a.col - b.col)[0];
}

/**
 * Failing and undecided steps, one block each; every step with `verbose`;
 * then a summary line per file.
 */
/** The step as written, on one line: spacing commands (\\,) were blanked to keep offsets; runs of blanks read as one. */
function oneLine(latex: string): string {
  return latex.replace(/\s+/g, ' ').trim();
}

export function formatText(files: readonly FileReport[], verbose = false): string {
  const out: string[] = [];
  for (const { file, report } of files) {
    for (const s of allSteps(report)) {
      if (!verbose && (s.verdict === 'proved' || s.verdict === 'holds' || s.verdict === 'definition')) continue;
      const what = s.verdict === 'fails' ? 'fails' : s.verdict === 'undecided' ? 'is undecided' : s.verdict === 'definition' ? 'is a definition' : s.verdict;
      out.push(`${file}:${s.line}:${s.col}: step ${s.step} ${what}: ${oneLine(s.lhs)} ${relationLatex(s.rel)} ${oneLine(s.rhs)}`);
      out.push(`  ${s.evidence.summary}`);
      if (s.facts !== undefined && s.facts.length > 0) out.push(`  using ${s.facts.map((f) => `${f.fact} (${f.line === 0 ? 'command line' : `line ${f.line}`})`).join(', ')}`);
    }
    const t = tally(report);
    const n = t.proved + t.holds + t.fails + t.undecided;
    out.push(`${file}: ${n} step${n === 1 ? '' : 's'}: ${t.proved} proved, ${t.holds} hold, ${t.fails} fail${t.fails === 1 ? 's' : ''}, ${t.undecided} undecided`);
  }
  return out.join('\n') + '\n';
}

/** Per file, per chain, per step: {line, col, lhs, rel, rhs, verdict, evidence}. */
export function formatJson(files: readonly FileReport[]): string {
  return JSON.stringify({ files: files.map(({ file, report }) => ({ file, summary: tally(report), chains: report.chains, notRead: report.notRead })) }, null, 2) + '\n';
}

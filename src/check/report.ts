/**
 * Reports in the compiler style people know, and as JSON:
 *
 *     notes.md:14:8: step 2 fails: \frac{d}{dx} x^3 = 3x
 *       at x = 0.5: left side = 0.75, right side = 1.5
 *       using x > 0 (line 3)
 *     notes.md:20:1: not read: uses \Rightarrow, an implication, which gradtex does not judge …: x > 1 \Rightarrow x^2 > 1
 *     notes.md: 8 relations found: 4 proved, 2 hold, 1 fails, 0 undecided, 1 not read; 2 definitions, 1 assumption
 *
 * "Found" counts the claims and the relations not read; definitions and
 * assumptions (premises) are counted apart, since they are not claims.
 */
import type { DocumentReport, StepReport } from './document-report.js';
import { relationLatex } from '../parse/relation.js';

export interface FileReport {
  readonly file: string;
  readonly report: DocumentReport;
}

function allSteps(r: DocumentReport): StepReport[] {
  return r.chains.flatMap((c) => [...c.steps]);
}

/** What a document's relations came to: claims by verdict, relations not read, and premises apart. */
export interface Tally {
  readonly proved: number;
  readonly holds: number;
  readonly fails: number;
  readonly undecided: number;
  readonly notRead: number;
  /** Display definitions (`h = …` introducing h) and inline ones ("let $h = …$"). */
  readonly definitions: number;
  /** Inline domains and conditions ("for $x > 0$"). */
  readonly assumptions: number;
}

/** Counts of a document's relations. */
export function tally(r: DocumentReport): Tally {
  const t = { proved: 0, holds: 0, fails: 0, undecided: 0, notRead: r.notRead.length, definitions: 0, assumptions: 0 };
  for (const s of allSteps(r)) {
    if (s.verdict === 'definition') t.definitions++;
    else t[s.verdict]++;
  }
  for (const p of r.premises) {
    if (p.kind === 'definition') t.definitions++;
    else t.assumptions++;
  }
  return t;
}

/** The summary line of one file. */
export function summaryLine(file: string, t: Tally): string {
  const found = t.proved + t.holds + t.fails + t.undecided + t.notRead;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${file}: ${plural(found, 'relation')} found: ${t.proved} proved, ${t.holds} hold, ${t.fails} fail${t.fails === 1 ? 's' : ''}, ${t.undecided} undecided, ${t.notRead} not read; ${plural(t.definitions, 'definition')}, ${plural(t.assumptions, 'assumption')}`;
}

/** The first failing step of a document, in document order. */
export function firstFailure(r: DocumentReport): StepReport | undefined {
  return allSteps(r)
    .filter((s) => s.verdict === 'fails')
    .sort((a, b) => a.line - b.line || a.col - b.col)[0];
}

/** The step as written, on one line: spacing commands (\\,) were blanked to keep offsets; runs of blanks read as one. */
function oneLine(latex: string): string {
  return latex.replace(/\s+/g, ' ').trim();
}

/**
 * Failing and undecided steps and relations not read, one block each, in
 * document order; every step and premise with `verbose`; then a summary line
 * per file.
 */
export function formatText(files: readonly FileReport[], verbose = false): string {
  const out: string[] = [];
  for (const { file, report } of files) {
    const blocks: { line: number; col: number; text: string[] }[] = [];
    for (const n of report.notRead) blocks.push({ line: n.line, col: n.col, text: [`${file}:${n.line}:${n.col}: not read: ${n.reason}: ${oneLine(n.latex)}`] });
    if (verbose) for (const p of report.premises) blocks.push({ line: p.line, col: p.col, text: [`${file}:${p.line}:${p.col}: ${p.kind}: ${oneLine(p.latex)}`, `  ${p.summary}`] });
    for (const s of allSteps(report)) {
      if (!verbose && (s.verdict === 'proved' || s.verdict === 'holds' || s.verdict === 'definition')) continue;
      const what = s.verdict === 'fails' ? 'fails' : s.verdict === 'undecided' ? 'is undecided' : s.verdict === 'definition' ? 'is a definition' : s.verdict;
      const text = [`${file}:${s.line}:${s.col}: step ${s.step} ${what}: ${oneLine(s.lhs)} ${relationLatex(s.rel)} ${oneLine(s.rhs)}`, `  ${s.evidence.summary}`];
      if (s.facts !== undefined && s.facts.length > 0) text.push(`  using ${s.facts.map((f) => `${f.fact} (${f.line === 0 ? 'command line' : `line ${f.line}`})`).join(', ')}`);
      blocks.push({ line: s.line, col: s.col, text });
    }
    blocks.sort((a, b) => a.line - b.line || a.col - b.col);
    for (const b of blocks) out.push(...b.text);
    out.push(summaryLine(file, tally(report)));
  }
  return out.join('\n') + '\n';
}

/** Per file: the summary (tally), per chain per step {line, col, lhs, rel, rhs, verdict, evidence}, the premises, the relations not read. */
export function formatJson(files: readonly FileReport[]): string {
  return JSON.stringify({ files: files.map(({ file, report }) => ({ file, summary: tally(report), chains: report.chains, premises: report.premises, notRead: report.notRead })) }, null, 2) + '\n';
}

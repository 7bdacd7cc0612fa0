/**
 * Scoring gradtex on the homework corpus of issue #10
 * (tests/fixtures/homework-corpus/): documents written the way students and
 * course notes write, every relation labelled by hand in manifest.json.
 *
 * Each labelled relation is matched to what `checkDocument` (the JSON of
 * `gradtex check --format json`) reports for it: a judged step on its line
 * whose right side starts with the labelled snippet, or a `notRead` entry
 * covering its line whose latex contains the snippet; otherwise it is missing.
 *
 *     const corpus = loadHomeworkCorpus();
 *     const scored = corpus.files.flatMap((f) => scoreFile(corpus, f, checker).scored);
 *     console.log(formatFigures(figuresOf(scored)));
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, documentKind, DocumentError, type DocumentReport, type StepReport } from '../../src/check/check-document.js';
import type { Checker } from '../../src/check/judge-step.js';

export type Label = 'correct' | 'wrong' | 'uncheckable' | 'definition' | 'assumption';

export interface LabelledRelation {
  /** 1-based line and column where the right-hand side starts. */
  readonly line: number;
  readonly col: number;
  /** `=`, `<`, `>`, `<=`, `>=`, `!=`, `~=` (\approx) or `~` (\sim). */
  readonly rel: string;
  /** The start of the right-hand side exactly as written. */
  readonly rhs: string;
  readonly label: Label;
  /** Why a wrong relation is wrong. */
  readonly why?: string;
  /** For some uncheckable relations: the truth of the mathematics, to score a judgement made anyway. */
  readonly truth?: boolean;
}

export type Manifest = Record<string, { readonly relations: readonly LabelledRelation[] }>;

/** What gradtex reported for a labelled relation. */
export type Outcome = 'proved' | 'holds' | 'fails' | 'undecided' | 'definition' | 'not-read' | 'missing' | 'document-error';

export interface Scored {
  readonly file: string;
  readonly relation: LabelledRelation;
  readonly outcome: Outcome;
  /** Where the matched step was reported (a failing step must be at the relation's own line:col). */
  readonly at?: { readonly line: number; readonly col: number };
  /** The evidence or the not-read reason. */
  readonly summary?: string;
}

export interface FileScore {
  readonly scored: readonly Scored[];
  /** Steps reported where no labelled relation is: extraction noise (a relation split at a wrong place, a condition read as a claim). */
  readonly unlabelled: readonly StepReport[];
}

export interface HomeworkCorpus {
  readonly dir: string;
  readonly files: readonly string[];
  readonly manifest: Manifest;
}

const DOCUMENT = /\.(md|tex|txt)$/;

export function loadHomeworkCorpus(dir = join(import.meta.dirname, '..', 'fixtures', 'homework-corpus')): HomeworkCorpus {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files = readdirSync(dir)
    .filter((f) => DOCUMENT.test(f) && f !== 'README.md')
    .sort();
  return { dir, files, manifest };
}

/** Claims are what the targets speak about; definitions and assumptions are listed only so every relation is accounted for. */
export function isClaim(r: LabelledRelation): boolean {
  return r.label === 'correct' || r.label === 'wrong' || r.label === 'uncheckable';
}

/**
 * LaTeX compared without layout: spaces, thin spaces, quads and `&` removed
 * (the checker blanks them), trailing punctuation and row breaks dropped.
 */
export function normalise(latex: string): string {
  return latex
    .replace(/\\(?:q?quad|[,;:! ])/g, '')
    .replace(/[\s&]/g, '')
    .replace(/(?:\\\\|[.,;])+$/, '');
}

/** The step's right side and the snippet agree on their common length (the snippet may run past a side the checker cut shorter). */
function sameStart(rhs: string, snippet: string): boolean {
  const a = normalise(rhs);
  const b = normalise(snippet);
  const n = Math.min(a.length, b.length);
  return n > 0 && a.slice(0, n) === b.slice(0, n);
}

const CONNECTIVE = /\\(?:Rightarrow|Longrightarrow|implies|Leftarrow|Longleftarrow|impliedby|iff|Leftrightarrow|Longleftrightarrow)|[⇒⟹⇐⇔⟺]/g;

/** Is the snippet part of an implication step (either side, with the connective the manifest's snippet may carry left out)? */
function inImplication(s: StepReport, snippet: string): boolean {
  if (s.rel !== '=>' && s.rel !== '<=>') return false;
  const strip = (t: string): string => normalise(t).replace(CONNECTIVE, '');
  const b = strip(snippet);
  return b.length > 0 && (strip(s.lhs).includes(b) || strip(s.rhs).includes(b));
}

/**
 * Does a not-read relation end with the snippet's start, right after one of
 * its relation signs? `P(y = k \mid x) = p_k` not read is the relation whose
 * right side the manifest writes as `p_k = \frac{…}` (to the end of the line).
 */
function endsWithRightSide(latex: string, snippet: string): boolean {
  const a = normalise(latex);
  const b = normalise(snippet);
  for (const m of a.matchAll(/=|\\(?:le|ge|leq|geq|ne|neq|approx)(?![A-Za-z])|[<>]/g)) {
    const tail = a.slice((m.index ?? 0) + m[0].length);
    if (tail.length > 0 && b.startsWith(tail)) return true;
  }
  return false;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

/** Matches every labelled relation of one document to the report. */
export function scoreReport(file: string, relations: readonly LabelledRelation[], report: DocumentReport): FileScore {
  const steps = report.chains.flatMap((c) => [...c.steps]);
  // A step at a relation's own line:col is that relation's, before any other relation may take it by its right side.
  const own = new Map(relations.map((r) => [r, steps.find((s) => s.line === r.line && s.col === r.col)]));
  const used = new Set<StepReport>([...own.values()].filter((s): s is StepReport => s !== undefined));
  const scored: Scored[] = [];
  for (const r of relations) {
    const free = steps.filter((s) => !used.has(s) && s.line === r.line);
    const step = own.get(r) ?? free.find((s) => sameStart(s.rhs, r.rhs));
    if (step !== undefined) {
      used.add(step);
      scored.push({ file, relation: r, outcome: step.verdict, at: { line: step.line, col: step.col }, summary: step.evidence.summary });
      continue;
    }
    // A relation on either side of an implication judged as a whole (`g'(x) = 0 \Rightarrow x = 1`) appears in that step.
    const implication = steps.find((s) => s.line === r.line && inImplication(s, r.rhs));
    if (implication !== undefined) {
      scored.push({ file, relation: r, outcome: implication.verdict, at: { line: implication.line, col: implication.col }, summary: implication.evidence.summary });
      continue;
    }
    const nr = report.notRead.find((n) => n.line <= r.line && r.line <= n.line + lineCount(n.latex) && (normalise(n.latex).includes(normalise(r.rhs)) || endsWithRightSide(n.latex, r.rhs)));
    if (nr !== undefined) {
      scored.push({ file, relation: r, outcome: 'not-read', at: { line: nr.line, col: nr.col }, summary: nr.reason });
      continue;
    }
    // Inline math read as a premise (a definition or an assumption): accounted for, not judged.
    const premise = (report.premises ?? []).find((p) => p.line <= r.line && r.line <= p.line + lineCount(p.latex) && normalise(p.latex).includes(normalise(r.rhs)));
    if (premise !== undefined) scored.push({ file, relation: r, outcome: 'definition', at: { line: premise.line, col: premise.col }, summary: premise.summary });
    else scored.push({ file, relation: r, outcome: 'missing' });
  }
  return { scored, unlabelled: steps.filter((s) => !used.has(s)) };
}

/** Checks one document of the corpus and scores it; a DocumentError leaves every relation `document-error`. */
export function scoreFile(corpus: HomeworkCorpus, file: string, checker: Checker): FileScore {
  const relations = corpus.manifest[file]?.relations ?? [];
  const source = readFileSync(join(corpus.dir, file), 'utf8');
  try {
    return scoreReport(file, relations, checkDocument(checker, source, documentKind(file)));
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    const summary = `${e.line}:${e.col}: ${e.message}`;
    return { scored: relations.map((relation) => ({ file, relation, outcome: 'document-error' as const, summary })), unlabelled: [] };
  }
}

export const isPositive = (o: Outcome): boolean => o === 'proved' || o === 'holds';

/** A failing verdict reported at the relation's own line:col. */
export function failsAtOwnPlace(s: Scored): boolean {
  return s.outcome === 'fails' && s.at?.line === s.relation.line && s.at.col === s.relation.col;
}

export interface Figures {
  readonly documents: number;
  readonly claims: number;
  readonly correct: number;
  readonly wrong: number;
  readonly uncheckable: number;
  /** Wrong relations reported `fails` at their own line:col (target: all). */
  readonly wrongFailAtOwnPlace: number;
  /** Wrong relations reported `fails` anywhere (a different column: the relation was split differently). */
  readonly wrongFail: number;
  /** Soundness: must be 0. */
  readonly wrongProvedOrHolds: number;
  /** Target 0. */
  readonly correctFail: number;
  /** Target at least 90% of correct. */
  readonly correctProvedOrHolds: number;
  /** Uncheckable relations that are false as mathematics yet `proved`/`holds`: must be 0. */
  readonly uncheckableFalsePositive: number;
  /** Uncheckable relations judged anyway (proved, holds or fails) instead of refused. */
  readonly uncheckableJudged: number;
  /** Claims with no step and no not-read entry (target 0). */
  readonly missing: number;
  /** Claims taken as definitions (a claim the checker silently did not judge). */
  readonly claimsTakenAsDefinition: number;
  /** Claim outcomes by label. */
  readonly byLabel: Readonly<Record<'correct' | 'wrong' | 'uncheckable', Readonly<Record<Outcome, number>>>>;
  /** Definitions and assumptions with no trace in the output (informational). */
  readonly contextMissing: number;
}

const OUTCOMES: readonly Outcome[] = ['proved', 'holds', 'fails', 'undecided', 'definition', 'not-read', 'missing', 'document-error'];

function countOutcomes(list: readonly Scored[]): Record<Outcome, number> {
  const t = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const s of list) t[s.outcome]++;
  return t;
}

export function figuresOf(scored: readonly Scored[]): Figures {
  const claims = scored.filter((s) => isClaim(s.relation));
  const of = (l: Label): Scored[] => claims.filter((s) => s.relation.label === l);
  const correct = of('correct');
  const wrong = of('wrong');
  const uncheckable = of('uncheckable');
  return {
    documents: new Set(scored.map((s) => s.file)).size,
    claims: claims.length,
    correct: correct.length,
    wrong: wrong.length,
    uncheckable: uncheckable.length,
    wrongFailAtOwnPlace: wrong.filter(failsAtOwnPlace).length,
    wrongFail: wrong.filter((s) => s.outcome === 'fails').length,
    wrongProvedOrHolds: wrong.filter((s) => isPositive(s.outcome)).length,
    correctFail: correct.filter((s) => s.outcome === 'fails').length,
    correctProvedOrHolds: correct.filter((s) => isPositive(s.outcome)).length,
    uncheckableFalsePositive: uncheckable.filter((s) => s.relation.truth === false && isPositive(s.outcome)).length,
    uncheckableJudged: uncheckable.filter((s) => isPositive(s.outcome) || s.outcome === 'fails').length,
    missing: claims.filter((s) => s.outcome === 'missing').length,
    claimsTakenAsDefinition: claims.filter((s) => s.outcome === 'definition').length,
    byLabel: { correct: countOutcomes(correct), wrong: countOutcomes(wrong), uncheckable: countOutcomes(uncheckable) },
    contextMissing: scored.filter((s) => !isClaim(s.relation) && s.outcome === 'missing').length,
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** The summary table the lead quotes: one figure a line, target beside it. */
export function formatFigures(f: Figures): string {
  const rows: [string, string, string][] = [
    ['documents', `${f.documents}`, '>= 30'],
    ['relations (claims: correct + wrong + uncheckable)', `${f.claims} (${f.correct} + ${f.wrong} + ${f.uncheckable})`, '>= 300'],
    ['wrong relations that fail at their own line:col', `${f.wrongFailAtOwnPlace} of ${f.wrong} (${pct(f.wrongFailAtOwnPlace, f.wrong)}); fail anywhere: ${f.wrongFail}`, 'all'],
    ['wrong relations proved/holds (soundness)', `${f.wrongProvedOrHolds}`, '0'],
    ['correct relations that fail', `${f.correctFail}`, '0'],
    ['correct relations proved/holds', `${f.correctProvedOrHolds} of ${f.correct} (${pct(f.correctProvedOrHolds, f.correct)})`, '>= 90%'],
    ['relations missing from the output', `${f.missing} of ${f.claims} (${pct(f.missing, f.claims)})`, '0'],
    ['claims taken as definitions', `${f.claimsTakenAsDefinition}`, '0'],
    ['uncheckable judged anyway / false ones proved or holding', `${f.uncheckableJudged} / ${f.uncheckableFalsePositive}`, '- / 0'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  target ${c}`);
  const head = ''.padStart(12) + OUTCOMES.map((o) => o.padStart(15)).join('');
  const by = (['correct', 'wrong', 'uncheckable'] as const).map((l) => l.padStart(12) + OUTCOMES.map((o) => `${f.byLabel[l][o]}`.padStart(15)).join(''));
  return [...lines, '', head, ...by].join('\n');
}

/** One line per document: where the work is (claims, proved/holds, failing correct and wrong ones, undecided, not read, missing). */
export function formatPerDocument(scored: readonly Scored[]): string {
  const files = [...new Set(scored.map((s) => s.file))];
  const w = Math.max(...files.map((x) => x.length));
  const head = `${'document'.padEnd(w)}  claims  proved/holds  fails(correct)  fails(wrong)  undecided  not-read  missing`;
  const rows = files.map((file) => {
    const c = scored.filter((s) => s.file === file && isClaim(s.relation));
    const n = (p: (s: Scored) => boolean): string => `${c.filter(p).length}`;
    return [
      file.padEnd(w),
      n(() => true).padStart(6),
      n((s) => isPositive(s.outcome)).padStart(12),
      n((s) => s.relation.label === 'correct' && s.outcome === 'fails').padStart(14),
      n((s) => s.relation.label === 'wrong' && s.outcome === 'fails').padStart(12),
      n((s) => s.outcome === 'undecided').padStart(9),
      n((s) => s.outcome === 'not-read').padStart(8),
      n((s) => s.outcome === 'missing' || s.outcome === 'document-error').padStart(7),
    ].join('  ');
  });
  return [head, ...rows].join('\n');
}

/** One line per relation worth a look: `file:line:col label outcome rhs — evidence`. */
export function formatScored(s: Scored): string {
  const where = s.at === undefined ? '' : ` (reported at ${s.at.line}:${s.at.col})`;
  const why = s.relation.why === undefined ? '' : ` [${s.relation.why}]`;
  return `${s.file}:${s.relation.line}:${s.relation.col} ${s.relation.label} ${s.outcome}${where}: ${s.relation.rel} ${s.relation.rhs}${why}${s.summary === undefined ? '' : ` — ${s.summary}`}`;
}

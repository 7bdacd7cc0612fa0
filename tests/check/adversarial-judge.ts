/**
 * Judging the adversarial corpus (tests/fixtures/adversarial/) through the
 * CLI itself, run in-process (`runCli` with a captured Io, so it is fast and
 * stays exactly what users get): relations through `gradtex equal --batch -`
 * (one engine for all; `--shape` ones one by one), documents through
 * `gradtex check FILE... --format json`; the denial-of-service class through
 * the built CLI in child processes with a CPU-time budget (a hang cannot be
 * interrupted in-process).
 *
 *     (await judgeRelations([{ id: 'g', class: 'guard', lhs: 'sqrt(x^2)', rhs: 'x', truth: false, note: '' }]))[0].outcome   // 'proved' today, 'fails' when sound
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotRead, StepReport } from '../../src/check/check-document.js';
import type { Io } from '../../src/cli/io.js';
import { runCli as runCliInProcess } from '../../src/cli/main.js';

/** One labelled relation of relations.jsonl. */
export interface RelationEntry {
  readonly id: string;
  readonly class: string;
  readonly lhs: string;
  readonly rhs: string;
  readonly rel?: string;
  readonly assume?: string | readonly string[];
  readonly shape?: readonly string[];
  readonly truth: boolean;
  /** An empty or malformed domain: the only right answer is a refusal (error or undecided), whatever the truth. */
  readonly refuse?: boolean;
  readonly note: string;
}

/**
 * What a user gets back: a verdict, `error` (the input or an assumption was
 * refused with a message: weaker than any verdict, never a violation),
 * `timeout`/`crash` (no answer within the budget, or an internal error),
 * `missing` (a display relation of a document the checker did not judge),
 * `definition` (a display relation the checker took as a definition, so
 * never judged), `not-judged` (inline prose math taken as a premise) and
 * `not-read` (listed by `check` as not read, with the reason: a refusal,
 * like `undecided`).
 */
export type Outcome = 'proved' | 'holds' | 'fails' | 'undecided' | 'error' | 'timeout' | 'crash' | 'missing' | 'definition' | 'not-judged' | 'not-read';

export interface Judged {
  /** A relation of relations.jsonl or a labelled relation of a document. */
  readonly source: 'relation' | 'document';
  readonly id: string;
  readonly class: string;
  readonly truth: boolean;
  /** Only a refusal (error or undecided) is right. */
  readonly refuse?: boolean;
  readonly outcome: Outcome;
  readonly summary: string;
  /** Short text of the relation for reports. */
  readonly text: string;
}

/**
 * The contract: no false relation proved or holding, no true one failing,
 * every input answered; an empty or malformed domain refused. In a document
 * a false display relation must also be flagged: `fails` or `undecided`, not
 * skipped or taken as a definition.
 */
export function violates(j: Pick<Judged, 'source' | 'truth' | 'outcome' | 'refuse'>): boolean {
  const o = j.outcome;
  if (o === 'timeout' || o === 'crash') return true;
  if (j.refuse === true) return o !== 'error' && o !== 'undecided';
  if (j.truth) return o === 'fails';
  if (o === 'proved' || o === 'holds') return true;
  return j.source === 'document' && (o === 'missing' || o === 'definition');
}

export function relationText(e: RelationEntry): string {
  const a = e.assume === undefined ? '' : `  [assume ${[e.assume].flat().join('; ')}]`;
  const s = e.shape === undefined ? '' : `  [shape ${e.shape.join('; ')}]`;
  return `${e.lhs} ${e.rel ?? '='} ${e.rhs}${a}${s}`;
}

interface Run {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

/** `gradtex ARGV` in this process, its output captured. */
async function inProcess(argv: readonly string[], stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => Promise.resolve(stdin), isTty: false };
  const code = await runCliInProcess(argv, io);
  return { out, err, code };
}

type Base = Omit<Judged, 'outcome' | 'summary'>;

function baseOf(e: RelationEntry): Base {
  return { source: 'relation', id: e.id, class: e.class, truth: e.truth, ...(e.refuse === true ? { refuse: true } : {}), text: relationText(e) };
}

function isVerdict(v: unknown): v is 'proved' | 'holds' | 'fails' | 'undecided' {
  return v === 'proved' || v === 'holds' || v === 'fails' || v === 'undecided';
}

/** An answer of `equal --format json` or of one `--batch` line. */
function fromAnswer(base: Base, v: { verdict?: unknown; evidence?: { summary?: string }; error?: string }): Judged {
  if (isVerdict(v.verdict)) return { ...base, outcome: v.verdict, summary: v.evidence?.summary ?? '' };
  return { ...base, outcome: 'error', summary: v.error ?? 'no verdict' };
}

/** The CLI's report of a bug of its own (one line, exit 2), as opposed to an error in the input. */
function crashed(r: Run): boolean {
  return r.err.includes('internal error');
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * Relations as `gradtex equal` judges them: all plain ones in one
 * `equal --batch -` run (a crash ends a batch, so the run resumes after the
 * line that crashed), `--shape` ones one by one.
 */
export async function judgeRelations(entries: readonly RelationEntry[]): Promise<Judged[]> {
  const byId = new Map<string, Judged>();
  let rest = entries.filter((e) => e.shape === undefined);
  while (rest.length > 0) {
    const lines = rest.map((e) => JSON.stringify({ id: e.id, lhs: e.lhs, rhs: e.rhs, ...(e.rel !== undefined ? { rel: e.rel } : {}), ...(e.assume !== undefined ? { assume: e.assume } : {}) }));
    const r = await inProcess(['equal', '--batch', '-'], lines.join('\n') + '\n');
    const pending = new Map(rest.map((e) => [e.id, e]));
    for (const line of r.out.split('\n')) {
      if (line.trim() === '') continue;
      const v = JSON.parse(line) as { id: string; verdict?: unknown; evidence?: { summary?: string }; error?: string };
      const e = pending.get(v.id);
      if (e !== undefined) byId.set(e.id, fromAnswer(baseOf(e), v));
    }
    const missing = rest.findIndex((e) => !byId.has(e.id));
    if (missing < 0) break;
    const e = rest[missing] as RelationEntry;
    byId.set(e.id, { ...baseOf(e), outcome: crashed(r) ? 'crash' : 'error', summary: firstLine(r.err) });
    rest = rest.slice(missing + 1);
  }
  for (const e of entries.filter((x) => x.shape !== undefined)) {
    const r = await inProcess(['equal', e.lhs, e.rhs, '--format', 'json', ...(e.shape ?? []).flatMap((d) => ['--shape', d]), ...(e.rel !== undefined ? ['--rel', e.rel] : [])]);
    try {
      byId.set(e.id, fromAnswer(baseOf(e), JSON.parse(r.out) as { verdict?: unknown; evidence?: { summary?: string } }));
    } catch {
      byId.set(e.id, { ...baseOf(e), outcome: crashed(r) ? 'crash' : 'error', summary: firstLine(r.err) });
    }
  }
  return entries.map((e) => byId.get(e.id) ?? { ...baseOf(e), outcome: 'crash', summary: 'no answer' });
}

interface CheckJson {
  readonly files: readonly { readonly file: string; readonly chains: readonly { readonly steps: readonly StepReport[] }[]; readonly notRead?: readonly NotRead[] }[];
}

function parseCheck(r: Run): CheckJson | undefined {
  try {
    return JSON.parse(r.out) as CheckJson;
  } catch {
    return undefined;
  }
}

/**
 * Documents as `gradtex check FILE... --format json` checks them, all in one
 * run; if that run gives no report, file by file, so a crash is pinned on one.
 */
export async function judgeDocuments(docDir: string, files: readonly string[], labelsOf: (f: string) => readonly DocumentLabel[]): Promise<JudgedDocument[]> {
  const all = parseCheck(await inProcess(['check', ...files.map((f) => join(docDir, f)), '--format', 'json']));
  const out: JudgedDocument[] = [];
  for (const f of files) {
    let report = all?.files.find((r) => r.file === join(docDir, f));
    if (report === undefined) {
      const r = await inProcess(['check', join(docDir, f), '--format', 'json']);
      report = parseCheck(r)?.files[0];
      if (report === undefined) {
        out.push(unanswered(f, labelsOf(f), crashed(r) ? 'crash' : 'error', firstLine(r.err)));
        continue;
      }
    }
    out.push(matchLabels(f, report.chains.flatMap((c) => c.steps), labelsOf(f), report.notRead ?? []));
  }
  return out;
}

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

export function cliBuilt(): boolean {
  return existsSync(CLI);
}

interface CliRun {
  readonly out: string;
  readonly err: string;
  readonly code: number | null;
  readonly timedOut: boolean;
}

/** CPU seconds (user + system) a process has used, from /proc; undefined where there is no /proc. */
function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name: state is field 3, utime and stime are fields 14 and 15 (clock ticks, 100 a second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The built CLI in a child process (memory capped), killed once it has used
 * `budgetMs` of CPU time, start-up included. CPU time, not wall time: on a
 * busy shared machine wall time would make the verdict depend on the load.
 * Without /proc the budget is wall time.
 */
function runCli(args: readonly string[], budgetMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    const started = Date.now();
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setInterval(() => {
      const used = child.pid === undefined ? undefined : cpuMs(child.pid);
      if ((used ?? Date.now() - started) > budgetMs || Date.now() - started > WALL_LIMIT_MS) {
        timedOut = true;
        child.kill('SIGKILL');
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ out, err, code, timedOut });
    });
  });
}

/** A child that gets no CPU for this long on a very busy machine is given up on all the same. */
const WALL_LIMIT_MS = 90_000;

/**
 * One relation through the built CLI with a wall-clock budget: `timeout` when
 * it does not answer in time, `error` for a one-line refusal (exit 2),
 * `crash` for anything else without a verdict.
 */
export async function judgeRelationCli(e: RelationEntry, budgetMs: number): Promise<Judged> {
  const base = baseOf(e);
  const args = ['equal', e.lhs, e.rhs, '--format', 'json'];
  if (e.rel !== undefined) args.push('--rel', e.rel);
  for (const a of e.assume === undefined ? [] : [e.assume].flat()) args.push('--assume', a);
  for (const s of e.shape ?? []) args.push('--shape', s);
  const r = await runCli(args, budgetMs);
  if (r.timedOut) return { ...base, outcome: 'timeout', summary: `no answer within ${budgetMs} ms of CPU time` };
  try {
    const v = JSON.parse(r.out) as { verdict?: unknown; evidence?: { summary?: string } };
    if (isVerdict(v.verdict)) return fromAnswer(base, v);
  } catch {
    // not JSON: an error line or a crash
  }
  const lines = r.err.trim().split('\n');
  return { ...base, outcome: r.code === 2 && lines.length === 1 ? 'error' : 'crash', summary: `exit ${String(r.code)}: ${(lines[0] ?? '').slice(0, 200)}` };
}

/** One labelled relation of a document (manifest.json). */
export interface DocumentLabel {
  /** 1-based line the checker reports the step at (the line of the right side). */
  readonly line: number;
  readonly truth: boolean;
  readonly class: string;
  readonly note: string;
  /** Several steps on one line: the right side's LaTeX, trimmed, to pick one. */
  readonly rhs?: string;
  /** Inline prose math: `check` reads it for facts, it is not judged. */
  readonly inline?: boolean;
}

export interface DocumentManifest {
  readonly [file: string]: { readonly relations: readonly DocumentLabel[] };
}

export interface Unlabelled {
  /** file:line:col of the step as reported. */
  readonly id: string;
  readonly text: string;
  readonly verdict: string;
}

export interface JudgedDocument {
  readonly judged: readonly Judged[];
  /**
   * Steps the checker judged that no label names: the manifest labels every
   * step, so these are steps reported at a wrong line or made up by a broken
   * extraction (listed as known with verdict `unlabelled` until fixed).
   */
  readonly unlabelled: readonly Unlabelled[];
  /** False relations reported `fails` exactly at their own line. */
  readonly failsAtOwnLine: number;
}

function sameRhs(step: StepReport, rhs: string): boolean {
  return step.rhs.replace(/\s+/g, '') === rhs.replace(/\s+/g, '');
}

const idOf = (file: string, l: DocumentLabel): string => `${file}:${l.line}${l.rhs === undefined ? '' : `:${l.rhs}`}`;

function unanswered(file: string, labels: readonly DocumentLabel[], outcome: 'crash' | 'timeout' | 'error', summary: string): JudgedDocument {
  return { judged: labels.map((l) => ({ source: 'document', id: idOf(file, l), class: l.class, truth: l.truth, outcome, summary, text: l.note })), unlabelled: [], failsAtOwnLine: 0 };
}

/** A document through the built CLI (`gradtex check FILE --format json`) with a wall-clock budget. */
export async function judgeDocumentCli(file: string, path: string, labels: readonly DocumentLabel[], budgetMs: number): Promise<JudgedDocument> {
  const r = await runCli(['check', path, '--format', 'json'], budgetMs);
  if (r.timedOut) return unanswered(file, labels, 'timeout', `no answer within ${budgetMs} ms of CPU time`);
  try {
    const v = JSON.parse(r.out) as { files: { chains: { steps: StepReport[] }[]; notRead?: NotRead[] }[] };
    return matchLabels(file, v.files.flatMap((f) => f.chains.flatMap((c) => c.steps)), labels, v.files.flatMap((f) => f.notRead ?? []));
  } catch {
    // A one-line refusal (exit 2, no internal error) answers the input; anything else is a crash.
    const refused = r.code === 2 && !r.err.includes('internal error') && r.err.trim().split('\n').length === 1;
    return unanswered(file, labels, refused ? 'error' : 'crash', `exit ${String(r.code)}: ${r.err.trim().split('\n')[0] ?? ''}`);
  }
}

function matchLabels(file: string, steps: readonly StepReport[], labels: readonly DocumentLabel[], notRead: readonly NotRead[]): JudgedDocument {
  const used = new Set<StepReport>();
  let failsAtOwnLine = 0;
  const judged = labels.map((l): Judged => {
    const base = { source: 'document' as const, id: idOf(file, l), class: l.class, truth: l.truth };
    const here = steps.filter((s) => s.line === l.line && (l.rhs === undefined || sameRhs(s, l.rhs)));
    for (const s of here) used.add(s);
    const unread = notRead.find((n) => n.line === l.line);
    if (here.length === 0 && unread !== undefined) return { ...base, outcome: 'not-read', summary: unread.reason, text: unread.latex };
    if (here.length === 0) return { ...base, outcome: l.inline === true ? 'not-judged' : 'missing', summary: l.inline === true ? 'inline math' : 'no step reported at this line', text: l.note };
    // Several steps on one labelled line share the label: the weakest-for-the-contract verdict counts.
    const order: Outcome[] = l.truth ? ['fails', 'undecided', 'definition', 'holds', 'proved'] : ['proved', 'holds', 'definition', 'undecided', 'fails'];
    const worst = order.find((v) => here.some((s) => s.verdict === v)) ?? 'undecided';
    const s = here.find((x) => x.verdict === worst);
    if (!l.truth && worst === 'fails') failsAtOwnLine++;
    return { ...base, outcome: worst, summary: s?.evidence.summary ?? '', text: `${s?.lhs ?? ''} ${s?.rel ?? ''} ${s?.rhs ?? ''}`.trim() };
  });
  const unlabelled = steps.filter((s) => !used.has(s) && s.verdict !== 'definition').map((s) => ({ id: `${file}:${s.line}:${s.col}`, text: `${s.lhs} ${s.rel} ${s.rhs}`.replace(/\s+/g, ' '), verdict: s.verdict }));
  return { judged, unlabelled, failsAtOwnLine };
}

export interface KnownMisjudged {
  readonly id: string;
  readonly class: string;
  /** The wrong outcome, or `unlabelled` for a step reported where no relation is (class `extraction`). */
  readonly verdict: Outcome | 'unlabelled';
}

/** The confusion table, one row per class: counts of each outcome for true and for false relations. */
export function confusionTable(all: readonly Judged[]): string {
  const cols: Outcome[] = ['proved', 'holds', 'fails', 'undecided', 'error', 'timeout', 'crash', 'missing', 'definition', 'not-judged', 'not-read'];
  const shown = cols.filter((c) => all.some((j) => j.outcome === c));
  const classes = [...new Set(all.map((j) => j.class))].sort();
  const head = ['class', 'n', ...shown.map((c) => `T:${c}`), ...shown.map((c) => `F:${c}`), 'violations'];
  const row = (name: string, js: readonly Judged[]): string[] => [
    name,
    String(js.length),
    ...shown.map((c) => String(js.filter((j) => j.truth && j.outcome === c).length)),
    ...shown.map((c) => String(js.filter((j) => !j.truth && j.outcome === c).length)),
    String(js.filter(violates).length),
  ];
  const rows = [head, ...classes.map((c) => row(c, all.filter((j) => j.class === c))), row('TOTAL', all)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}

/** The corpus files, read once. */
export interface Corpus {
  readonly dir: string;
  readonly docDir: string;
  readonly knownFile: string;
  readonly relations: readonly RelationEntry[];
  readonly manifest: DocumentManifest;
  readonly docFiles: readonly string[];
  readonly known: readonly KnownMisjudged[];
}

export function loadCorpus(): Corpus {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'adversarial');
  const docDir = join(dir, 'documents');
  const knownFile = join(dir, 'known-misjudged.json');
  return {
    dir,
    docDir,
    knownFile,
    relations: readFileSync(join(dir, 'relations.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as RelationEntry),
    manifest: JSON.parse(readFileSync(join(docDir, 'manifest.json'), 'utf8')) as DocumentManifest,
    docFiles: readdirSync(docDir)
      .filter((f) => f.endsWith('.md') || f.endsWith('.tex'))
      .sort(),
    known: JSON.parse(readFileSync(knownFile, 'utf8')) as readonly KnownMisjudged[],
  };
}

/** Does a document carry DoS-class labels (then it is checked in a child process)? */
export function isDosDocument(c: Corpus, file: string): boolean {
  return (c.manifest[file]?.relations ?? []).some((l) => l.class === 'dos');
}

/**
 * Rewrites known-misjudged.json for one part of the corpus (the DoS class or
 * the rest), keeping the other part's entries: the two test files each own one.
 */
export function writeKnown(c: Corpus, part: 'dos' | 'rest', list: readonly KnownMisjudged[]): void {
  const current = JSON.parse(readFileSync(c.knownFile, 'utf8')) as readonly KnownMisjudged[];
  const keep = current.filter((k) => (k.class === 'dos') !== (part === 'dos'));
  const merged = [...keep, ...list].sort((a, b) => (a.class === b.class ? a.id.localeCompare(b.id) : a.class.localeCompare(b.class)));
  writeFileSync(c.knownFile, JSON.stringify(merged, null, 1) + '\n');
}

/** The known list's entries that are no longer misjudged (or no longer exist): they must be removed. */
export function staleKnown(known: readonly KnownMisjudged[], judged: readonly Judged[], unlabelled: readonly Unlabelled[]): string[] {
  const byId = new Map(judged.map((j) => [j.id, j]));
  const strays = new Set(unlabelled.map((u) => u.id));
  return known
    .filter((k) => {
      if (k.verdict === 'unlabelled') return !strays.has(k.id);
      const j = byId.get(k.id);
      return j === undefined || !violates(j);
    })
    .map((k) => `${k.id} was ${k.verdict}, now ${k.verdict === 'unlabelled' ? 'gone' : (byId.get(k.id)?.outcome ?? 'not in the corpus')}: remove it from known-misjudged.json`);
}

/** Violations not on the known list, one line each. */
export function unexpectedViolations(known: readonly KnownMisjudged[], judged: readonly Judged[]): string[] {
  const ids = new Set(known.map((k) => k.id));
  return judged.filter((j) => violates(j) && !ids.has(j.id)).map((j) => `${j.id} [${j.class}] ${j.truth ? 'TRUE' : 'FALSE'} ${j.text} -> ${j.outcome}: ${j.summary.slice(0, 160)}`);
}

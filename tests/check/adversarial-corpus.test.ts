/**
 * The adversarial corpus of issue #9 (tests/fixtures/adversarial/): labelled
 * relations judged as `gradtex equal` judges them and labelled documents
 * checked as `gradtex check` checks them, scored against the contract:
 * no false relation `proved` or `holds`, no true relation `fails`, every
 * input answered (denial-of-service inputs within a time budget, through the
 * built CLI). `undecided` and refusals are counted and printed, by class.
 *
 * Entries the engine still misjudges are listed in known-misjudged.json; the
 * test fails on any other violation, and also when a listed entry is now
 * judged correctly, so the list can only shrink. Rewrite it from the current
 * judgements with
 *
 *     UPDATE_KNOWN=1 npx vitest run tests/check/adversarial-corpus.test.ts
 *
 * (build first, `npx tsc -p tsconfig.json`: the DoS class runs dist/).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import {
  cliBuilt,
  confusionTable,
  judgeDocument,
  judgeDocumentCli,
  judgeRelation,
  judgeRelationCli,
  violates,
  type DocumentManifest,
  type Judged,
  type JudgedDocument,
  type KnownMisjudged,
  type RelationEntry,
  type Unlabelled,
} from './adversarial-judge.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'adversarial');
const docDir = join(dir, 'documents');
const knownFile = join(dir, 'known-misjudged.json');
const update = process.env['UPDATE_KNOWN'] === '1';
/** Wall-clock budget per DoS input: the issue asks for 5 s; the margin absorbs a busy machine. */
const DOS_BUDGET_MS = 8000;
const DOS_PARALLEL = 7;

const RELATIONS: readonly RelationEntry[] = readFileSync(join(dir, 'relations.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as RelationEntry);
const MANIFEST = JSON.parse(readFileSync(join(docDir, 'manifest.json'), 'utf8')) as DocumentManifest;
const DOC_FILES = readdirSync(docDir)
  .filter((f) => f.endsWith('.md') || f.endsWith('.tex'))
  .sort();
let KNOWN = JSON.parse(readFileSync(knownFile, 'utf8')) as readonly KnownMisjudged[];
const RELS = ['=', '<', '<=', '>', '>=', '!='];
const CLASSES = ['near-identity', 'tail', 'underflow', 'irrational', 'guard', 'domain', 'index-size', 'integer', 'strict', 'facts', 'leaked-facts', 'operator-scope', 'high-order', 'notation', 'calculus', 'dos'];

async function inBatches<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += n) out.push(...(await Promise.all(items.slice(i, i + n).map(f))));
  return out;
}

describe('the adversarial corpus (issue #9)', () => {
  const relations: Judged[] = [];
  const documents: Judged[] = [];
  const unlabelled: Unlabelled[] = [];
  let failsAtOwnLine = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    const checker = createChecker(createEngine());
    for (const e of RELATIONS) if (e.class !== 'dos') relations.push(judgeRelation(checker, e));
    const t1 = Date.now();
    const isDos = (f: string): boolean => (MANIFEST[f]?.relations ?? []).some((l) => l.class === 'dos');
    const take = (d: JudgedDocument): void => {
      documents.push(...d.judged);
      unlabelled.push(...d.unlabelled);
      failsAtOwnLine += d.failsAtOwnLine;
    };
    for (const f of DOC_FILES.filter((f) => !isDos(f))) take(judgeDocument(checker, f, readFileSync(join(docDir, f), 'utf8'), MANIFEST[f]?.relations ?? []));
    const t2 = Date.now();
    // Inputs that may hang go to child processes of the built CLI, a few at a time, each with its budget.
    if (cliBuilt()) {
      type Job = () => Promise<void>;
      const jobs: Job[] = [
        ...RELATIONS.filter((e) => e.class === 'dos').map((e): Job => async () => void relations.push(await judgeRelationCli(e, DOS_BUDGET_MS))),
        ...DOC_FILES.filter(isDos).map((f): Job => async () => take(await judgeDocumentCli(f, join(docDir, f), MANIFEST[f]?.relations ?? [], DOS_BUDGET_MS))),
      ];
      await inBatches(jobs, DOS_PARALLEL, (j) => j());
    }
    console.log(`judged in ${t1 - t0} ms (relations), ${t2 - t1} ms (documents), ${Date.now() - t2} ms (DoS class, child processes)`);
    const all = [...relations, ...documents];
    const falseDocs = documents.filter((j) => !j.truth && j.outcome !== 'not-judged');
    console.log(`\nadversarial relations (${relations.length}):\n${confusionTable(relations)}`);
    console.log(`\nadversarial documents (${DOC_FILES.length} files, ${documents.length} labelled relations):\n${confusionTable(documents)}`);
    console.log(`\nfalse document relations reported failing at their own line: ${failsAtOwnLine} of ${falseDocs.length}`);
    const bad = all.filter((j) => violates(j));
    console.log(`contract violations: ${bad.length}; steps at unlabelled lines: ${unlabelled.length} (${KNOWN.length} listed as known)`);
    if (update) {
      const list: KnownMisjudged[] = [...bad.map((j) => ({ id: j.id, class: j.class, verdict: j.outcome })), ...unlabelled.map((u) => ({ id: u.id, class: 'extraction', verdict: 'unlabelled' as const }))];
      writeFileSync(knownFile, JSON.stringify(list, null, 1) + '\n');
      KNOWN = list;
      console.log(`wrote ${list.length} entries to ${knownFile}`);
    }
  }, 120_000);

  it('should hold at least 400 labelled relations over every class, about 45% of them false, with unique ids', () => {
    expect(RELATIONS.length).toBeGreaterThanOrEqual(400);
    const ids = RELATIONS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of RELATIONS) {
      expect(CLASSES, e.id).toContain(e.class);
      expect(typeof e.truth, e.id).toBe('boolean');
      expect(RELS, e.id).toContain(e.rel ?? '=');
      expect(e.note.length, e.id).toBeGreaterThan(0);
    }
    for (const c of CLASSES.filter((c) => c !== 'leaked-facts')) expect(RELATIONS.filter((e) => e.class === c).length, c).toBeGreaterThanOrEqual(10);
    const share = RELATIONS.filter((e) => !e.truth).length / RELATIONS.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.55);
  });

  it('should hold at least 60 labelled documents in Markdown and LaTeX, every file in the manifest', () => {
    expect(DOC_FILES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(Object.keys(MANIFEST))).toEqual(new Set(DOC_FILES));
    expect(DOC_FILES.some((f) => f.endsWith('.tex'))).toBe(true);
    expect(DOC_FILES.some((f) => f.endsWith('.md'))).toBe(true);
    for (const f of DOC_FILES) expect(MANIFEST[f]?.relations.length ?? 0, f).toBeGreaterThan(0);
    expect(documents.some((j) => j.class === 'leaked-facts')).toBe(true);
  });

  it('should report every step of the documents at a labelled line (except the known list)', () => {
    const known = new Set(KNOWN.map((k) => k.id));
    expect(unlabelled.filter((u) => !known.has(u.id)).map((u) => `${u.id} ${u.text} (${u.verdict}): label it in manifest.json, or the checker reports a step where there is none`)).toEqual([]);
  });

  it('should judge the denial-of-service inputs through the built CLI (run npx tsc -p tsconfig.json first)', () => {
    expect(cliBuilt()).toBe(true);
    expect(relations.filter((j) => j.class === 'dos').length).toBe(RELATIONS.filter((e) => e.class === 'dos').length);
    expect(documents.filter((j) => j.class === 'dos').length).toBeGreaterThan(0);
  });

  it('should never call a false relation proved or holding, nor a true one failing, nor leave an input unanswered (except the known list)', () => {
    const known = new Set(KNOWN.map((k) => k.id));
    const bad = [...relations, ...documents].filter((j) => violates(j) && !known.has(j.id));
    expect(bad.map((j) => `${j.id} [${j.class}] ${j.truth ? 'TRUE' : 'FALSE'} ${j.text} -> ${j.outcome}: ${j.summary.slice(0, 160)}`)).toEqual([]);
  });

  it('should list in known-misjudged.json only entries that exist and are still misjudged (the list only shrinks)', () => {
    if (update) return;
    const byId = new Map([...relations, ...documents].map((j) => [j.id, j]));
    const strays = new Set(unlabelled.map((u) => u.id));
    const stale = KNOWN.filter((k) => {
      if (k.verdict === 'unlabelled') return !strays.has(k.id);
      const j = byId.get(k.id);
      return j === undefined || !violates(j);
    });
    expect(stale.map((k) => `${k.id} was ${k.verdict}, now ${byId.get(k.id)?.outcome ?? 'not in the corpus'}: remove it from known-misjudged.json`)).toEqual([]);
  });
});

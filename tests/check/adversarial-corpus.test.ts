/**
 * The adversarial corpus of issue #9 (tests/fixtures/adversarial/): labelled
 * relations judged by `gradtex equal --batch` and labelled documents checked
 * by `gradtex check --format json` (the CLI run in-process), scored against the contract: no
 * false relation `proved` or `holds`, no true relation `fails`, and in a
 * document no false display relation left unflagged. `undecided` and
 * refusals are counted and printed, by class. The DoS class is scored by
 * adversarial-dos.test.ts (child processes with a time budget).
 *
 * Entries the engine still misjudges are listed in known-misjudged.json; the
 * test fails on any other violation, and also when a listed entry is now
 * judged correctly, so the list can only shrink. Rewrite it from the current
 * judgements with
 *
 *     UPDATE_KNOWN=1 npx vitest run tests/check/adversarial-corpus.test.ts tests/check/adversarial-dos.test.ts
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  confusionTable,
  isDosDocument,
  judgeDocuments,
  judgeRelations,
  loadCorpus,
  staleKnown,
  unexpectedViolations,
  violates,
  writeKnown,
  type Judged,
  type KnownMisjudged,
  type Unlabelled,
} from './adversarial-judge.js';

const corpus = loadCorpus();
const update = process.env['UPDATE_KNOWN'] === '1';
const RELS = ['=', '<', '<=', '>', '>=', '!='];
const CLASSES = ['near-identity', 'tail', 'underflow', 'irrational', 'guard', 'domain', 'index-size', 'integer', 'strict', 'facts', 'leaked-facts', 'operator-scope', 'high-order', 'notation', 'calculus', 'dos'];

describe('the adversarial corpus (issue #9)', () => {
  const relations: Judged[] = [];
  const documents: Judged[] = [];
  const unlabelled: Unlabelled[] = [];
  let known: readonly KnownMisjudged[] = corpus.known.filter((k) => k.class !== 'dos');

  beforeAll(async () => {
    const t0 = Date.now();
    relations.push(...(await judgeRelations(corpus.relations.filter((e) => e.class !== 'dos'))));
    const t1 = Date.now();
    let failsAtOwnLine = 0;
    const files = corpus.docFiles.filter((f) => !isDosDocument(corpus, f));
    for (const d of await judgeDocuments(corpus.docDir, files, (f) => corpus.manifest[f]?.relations ?? [])) {
      documents.push(...d.judged);
      unlabelled.push(...d.unlabelled);
      failsAtOwnLine += d.failsAtOwnLine;
    }
    const falseDocs = documents.filter((j) => !j.truth && j.outcome !== 'not-judged');
    const bad = [...relations, ...documents].filter(violates);
    console.log(`\nadversarial relations (${relations.length}, judged in ${t1 - t0} ms):\n${confusionTable(relations)}`);
    console.log(`\nadversarial documents (${documents.length} labelled relations, checked in ${Date.now() - t1} ms):\n${confusionTable(documents)}`);
    console.log(`\nfalse document relations reported failing at their own line: ${failsAtOwnLine} of ${falseDocs.length}`);
    console.log(`contract violations: ${bad.length}; steps at unlabelled lines: ${unlabelled.length}; listed as known: ${known.length}`);
    // CORPUS_DUMP=FILE writes every judgement (for the findings list and for comparing runs).
    const dump = process.env['CORPUS_DUMP'];
    if (dump !== undefined) writeFileSync(dump, JSON.stringify([...relations, ...documents], null, 1) + '\n');
    if (update) {
      known = [...bad.map((j) => ({ id: j.id, class: j.class, verdict: j.outcome })), ...unlabelled.map((u) => ({ id: u.id, class: 'extraction', verdict: 'unlabelled' as const }))];
      writeKnown(corpus, 'rest', known);
      console.log(`wrote ${known.length} entries to ${corpus.knownFile}`);
    }
  }, 120_000);

  it('should hold at least 400 labelled relations over every class, about 45% of them false, with unique ids', () => {
    const all = corpus.relations;
    expect(all.length).toBeGreaterThanOrEqual(400);
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of all) {
      expect(CLASSES, e.id).toContain(e.class);
      expect(typeof e.truth, e.id).toBe('boolean');
      expect(RELS, e.id).toContain(e.rel ?? '=');
      expect(e.note.length, e.id).toBeGreaterThan(0);
    }
    for (const c of CLASSES.filter((c) => c !== 'leaked-facts')) expect(all.filter((e) => e.class === c).length, c).toBeGreaterThanOrEqual(10);
    const share = all.filter((e) => !e.truth).length / all.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.55);
  });

  it('should hold at least 60 labelled documents in Markdown and LaTeX, every file in the manifest', () => {
    const files = corpus.docFiles;
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(new Set(Object.keys(corpus.manifest))).toEqual(new Set(files));
    expect(files.some((f) => f.endsWith('.tex'))).toBe(true);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    for (const f of files) expect(corpus.manifest[f]?.relations.length ?? 0, f).toBeGreaterThan(0);
    expect(documents.filter((j) => j.class === 'leaked-facts').length).toBeGreaterThanOrEqual(10);
  });

  it('should report every step of the documents at a labelled line (except the known list)', () => {
    const ids = new Set(known.map((k) => k.id));
    expect(unlabelled.filter((u) => !ids.has(u.id)).map((u) => `${u.id} ${u.text} (${u.verdict}): label it in manifest.json, or the checker reports a step where there is none`)).toEqual([]);
  });

  it('should never call a false relation proved or holding, nor a true one failing (except the known list)', () => {
    expect(unexpectedViolations(known, [...relations, ...documents])).toEqual([]);
  });

  it('should list in known-misjudged.json only entries that exist and are still misjudged (the list only shrinks)', async () => {
    const judged = [...relations, ...documents];
    const stale = staleKnown(known, judged, unlabelled);
    if (stale.length === 0) return;
    // Verdicts can depend on the machine's load (a wall-clock rewrite budget):
    // an entry is called fixed only when a second judgement agrees.
    const ids = new Set(known.map((k) => k.id));
    const right = judged.filter((j) => ids.has(j.id) && !violates(j));
    const again = new Map(
      [
        ...(await judgeRelations(corpus.relations.filter((e) => right.some((j) => j.id === e.id)))),
        ...(await judgeDocuments(corpus.docDir, [...new Set(right.filter((j) => j.source === 'document').map((j) => j.id.split(':')[0] as string))], (f) => corpus.manifest[f]?.relations ?? [])).flatMap((d) => d.judged),
      ].map((j) => [j.id, j]),
    );
    const confirmed = judged.map((j) => (ids.has(j.id) && again.get(j.id) !== undefined && violates(again.get(j.id) as Judged) ? (again.get(j.id) as Judged) : j));
    expect(staleKnown(known, confirmed, unlabelled)).toEqual([]);
  }, 60_000);
});

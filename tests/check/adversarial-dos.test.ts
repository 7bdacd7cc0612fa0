/**
 * The denial-of-service class of the adversarial corpus (issue #9): every
 * input answers, through the built CLI, within 5 s of CPU time (start-up
 * included) with a verdict or a one-line error, and the verdict keeps the
 * contract. CPU time rather than wall time keeps the outcome independent of
 * the machine's load. Needs a build: `npm run build`.
 * Known failures share known-misjudged.json with adversarial-corpus.test.ts
 * (class `dos`); `UPDATE_KNOWN=1` rewrites this class's entries.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cliBuilt,
  confusionTable,
  isDosDocument,
  judgeDocumentCli,
  judgeRelationCli,
  loadCorpus,
  staleKnown,
  unexpectedViolations,
  violates,
  writeKnown,
  type Judged,
  type KnownMisjudged,
} from './adversarial-judge.js';

const corpus = loadCorpus();
const update = process.env['UPDATE_KNOWN'] === '1';
/** The 5 s; the CLI's start-up (about 0.8 s of CPU) counts against it. */
const BUDGET_MS = 5000;
/** CPU-bound children: as many at a time as a small machine has cores. */
const PARALLEL = 2;

async function inBatches<T>(jobs: readonly (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < jobs.length; i += n) out.push(...(await Promise.all(jobs.slice(i, i + n).map((j) => j()))));
  return out;
}

describe('the adversarial corpus, denial-of-service class (issue #9)', () => {
  const judged: Judged[] = [];
  let known: readonly KnownMisjudged[] = corpus.known.filter((k) => k.class === 'dos');

  beforeAll(async () => {
    if (!cliBuilt()) return;
    const t0 = Date.now();
    const jobs = [
      ...corpus.relations.filter((e) => e.class === 'dos').map((e) => async (): Promise<Judged[]> => [await judgeRelationCli(e, BUDGET_MS)]),
      ...corpus.docFiles
        .filter((f) => isDosDocument(corpus, f))
        .map((f) => async (): Promise<Judged[]> => [...(await judgeDocumentCli(f, join(corpus.docDir, f), corpus.manifest[f]?.relations ?? [], BUDGET_MS)).judged]),
    ];
    judged.push(...(await inBatches(jobs, PARALLEL)).flat());
    console.log(`\nDoS inputs (${judged.length}, ${Date.now() - t0} ms wall):\n${confusionTable(judged)}`);
    if (update) {
      known = judged.filter(violates).map((j) => ({ id: j.id, class: j.class, verdict: j.outcome }));
      writeKnown(corpus, 'dos', known);
    }
  }, 300_000);

  it('should run against a build of the CLI (npm run build)', () => {
    expect(cliBuilt()).toBe(true);
    expect(judged.some((j) => j.source === 'document')).toBe(true);
    expect(judged.filter((j) => j.source === 'relation').length).toBe(corpus.relations.filter((e) => e.class === 'dos').length);
  });

  it('should answer every DoS input within the budget, keeping the contract (except the known list)', () => {
    expect(unexpectedViolations(known, judged)).toEqual([]);
  });

  it('should list only DoS entries that are still misjudged (the list only shrinks)', () => {
    expect(staleKnown(known, judged, [])).toEqual([]);
  });
});

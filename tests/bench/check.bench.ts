/**
 * Timing the derivation checker over the acceptance corpus, after warm-up:
 * the median milliseconds per step (per document: time / judged steps), and
 * one document of 50+ steps made of the correct Markdown derivations, the
 * size an editor's save hook sees. Run after a build:
 *
 *     node dist/tests/bench/check.bench.js
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument, documentKind, type DocumentKind } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { median } from './timing.js';

function corpusDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'tests', 'fixtures', 'derivations');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find tests/fixtures/derivations');
}

const dir = corpusDir();
const files = readdirSync(dir).filter((f) => (f.endsWith('.md') || f.endsWith('.tex')) && f !== 'README.md').sort();
const docs = files.map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8'), kind: documentKind(f) }));
const t0 = performance.now();
const checker = createChecker(createEngine());
const startup = performance.now() - t0;

const steps = (text: string, kind: DocumentKind): number =>
  checkDocument(checker, text, kind).chains.reduce((n, c) => n + c.steps.filter((s) => s.verdict !== 'definition').length, 0);

for (let i = 0; i < 2; i++) for (const d of docs) checkDocument(checker, d.text, d.kind);

const REPEATS = 7;
const perStep: number[] = [];
let total = 0;
for (const d of docs) {
  const n = steps(d.text, d.kind);
  total += n;
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const s = performance.now();
    checkDocument(checker, d.text, d.kind);
    times.push(performance.now() - s);
  }
  if (n > 0) perStep.push(median(times) / n);
}

const big = docs.filter((d) => d.kind === 'markdown').map((d) => d.text).join('\n\n');
const bigSteps = steps(big, 'markdown');
const bigTimes: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  const s = performance.now();
  checkDocument(checker, big, 'markdown');
  bigTimes.push(performance.now() - s);
}

process.stdout.write(
  [
    `derivation checker: ${docs.length} documents, ${total} judged steps`,
    `start-up (rules and lemmas loaded): ${startup.toFixed(1)} ms`,
    `median per step: ${median(perStep).toFixed(2)} ms (per-document medians; max ${Math.max(...perStep).toFixed(2)} ms)`,
    `one document of ${bigSteps} steps: ${median(bigTimes).toFixed(1)} ms`,
  ].join('\n') + '\n',
);

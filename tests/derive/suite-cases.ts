/** Loads the deep-learning derivative suite (tests/fixtures/derive-suite/suite.jsonl), shared by tests and the benchmark. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteCase {
  readonly id: string;
  readonly group: string;
  readonly expr: string;
  readonly wrt: readonly string[];
  /** A textbook form of the answer, written by hand; used to judge size, and itself checked numerically. */
  readonly reference: string;
}

/** Works from tests/derive (vitest) and from dist/tests/derive (compiled benchmark). */
function suitePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join(dir, 'fixtures', 'derive-suite', 'suite.jsonl');
    try {
      readFileSync(p);
      return p;
    } catch {
      const alt = join(dir, 'tests', 'fixtures', 'derive-suite', 'suite.jsonl');
      try {
        readFileSync(alt);
        return alt;
      } catch {
        dir = join(dir, '..');
      }
    }
  }
  throw new Error('suite.jsonl not found');
}

export function loadSuite(): SuiteCase[] {
  return readFileSync(suitePath(), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SuiteCase);
}

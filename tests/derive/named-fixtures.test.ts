/**
 * Golden answers of the named derivations: tests/fixtures/named/<name>.txt
 * holds the computed answer in plain syntax and LaTeX, reviewed once. A rule
 * change that alters an answer shows up here as a diff; UPDATE=1 rewrites
 * the files after review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerOf, computeNamed, loadNamedSpec, namedDerivationNames, verifyNamed } from '../../src/derive/named/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();
const dir = join(import.meta.dirname, '..', 'fixtures', 'named');

describe('golden answers of the named derivations', () => {
  for (const name of namedDerivationNames()) {
    it(`should compute the reviewed answer of ${name}`, () => {
      const spec = loadNamedSpec(name);
      expect(spec).toBeDefined();
      if (spec === undefined) return;
      const answer = answerOf(verifyNamed(computeNamed(engine, spec), { points: 4 }));
      expect(answer).toBeDefined();
      if (answer === undefined) return;
      const text = `${toPlain(answer)}\n${toLatex(answer)}\n`;
      const file = join(dir, `${name}.txt`);
      if (process.env['UPDATE'] === '1') writeFileSync(file, text);
      expect(existsSync(file), `${file} is missing: review the answer and run with UPDATE=1`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});

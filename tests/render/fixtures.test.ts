/**
 * Golden pairs in tests/fixtures/render-latex: `<case>.txt` holds a formula
 * in plain syntax, `<case>.tex` the LaTeX that toLatex prints for it. Run
 * with UPDATE=1 to rewrite the .tex files, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/parse/index.js';
import { renderKatex, toLatex } from '../../src/render/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'render-latex');
const UPDATE = process.env['UPDATE'] === '1';
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();

describe('render-latex fixtures', () => {
  it('should have cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const name of cases) {
    it(`should print ${name}`, () => {
      const input = readFileSync(join(DIR, `${name}.txt`), 'utf8').trim();
      const latex = toLatex(parsePlain(input));
      const outPath = join(DIR, `${name}.tex`);
      if (UPDATE) writeFileSync(outPath, `${latex}\n`);
      if (!existsSync(outPath)) throw new Error(`${name}.tex is missing: run UPDATE=1 npx vitest run tests/render/fixtures.test.ts and review it`);
      expect(latex).toBe(readFileSync(outPath, 'utf8').trimEnd());
      const r = renderKatex(latex, { displayMode: true });
      expect(r.ok ? 'ok' : r.message).toBe('ok');
    });
  }
});

/**
 * Golden documents at each detail level (`render --detail brief|full`; the
 * standard level is render.test.ts's goldens) for every example problem set.
 * HTML goldens hold our LaTeX in place of KaTeX's markup, so a reviewer reads
 * the math. A brief writeup is never longer than the standard one, a full one
 * never shorter; for the two documents made of derivations (the homework and
 * the named derivations) strictly so.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { reviewableHtml } from '../reviewable-html.js';

const root = join(import.meta.dirname, '..', '..');
const examples = join(root, 'examples', 'problem-sets');
const goldens = join(root, 'tests', 'fixtures', 'documents');

/** Displayed derivation lines of a .tex: the `\\` row ends inside align* blocks. */
function rows(tex: string): number {
  return [...tex.matchAll(/\\begin\{align\*\}([\s\S]*?)\\end\{align\*\}/g)].reduce((n, m) => n + (m[1] ?? '').split('\\\\').length, 0);
}

describe('render --detail goldens', () => {
  const stems = readdirSync(examples).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  const derivationDocuments = ['deep-learning-homework', 'named-derivations'];
  it('covers the two documents made of derivations', () => {
    expect(stems).toEqual(expect.arrayContaining(derivationDocuments));
  });
  for (const stem of stems) {
    for (const detail of ['brief', 'full'] as const) {
      it(`should write the golden .tex, .html and .md of ${stem} at detail ${detail}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), `gradtex-detail-${detail}-`));
        const r = await cli(['render', join(examples, `${stem}.yaml`), '-o', dir, '--to', 'tex,html,md', '--detail', detail]);
        expect(r.code, r.stderr).toBe(0);
        for (const ext of ['tex', 'html', 'md']) {
          const written = readFileSync(join(dir, `${stem}.${ext}`), 'utf8');
          const got = ext === 'html' ? reviewableHtml(written) : written;
          const golden = join(goldens, `${stem}.${detail}.${ext}`);
          if (process.env['UPDATE'] === '1') writeFileSync(golden, got);
          expect(got, `${stem}.${detail}.${ext} differs from ${golden} (UPDATE=1 rewrites it after review)`).toBe(readFileSync(golden, 'utf8'));
        }
        const standard = readFileSync(join(goldens, `${stem}.tex`), 'utf8');
        const tex = readFileSync(join(dir, `${stem}.tex`), 'utf8');
        const strict = derivationDocuments.includes(stem);
        if (detail === 'brief') expect(rows(tex)).toBeLessThanOrEqual(rows(standard) - (strict ? 1 : 0));
        else expect(rows(tex)).toBeGreaterThanOrEqual(rows(standard) + (strict ? 1 : 0));
      });
    }
  }
});

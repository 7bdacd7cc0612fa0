/**
 * Golden files: each tests/fixtures/markdown/<case>.md through the standard
 * pipeline must give <case>.html, and its messages (file:line:col) must be
 * <case>.messages.txt (absent when there are none). The .html goldens hold
 * our LaTeX in place of KaTeX's markup (reviewable-html.ts). UPDATE=1
 * rewrites the outputs, to be reviewed as a diff.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNoteMessage, renderNote } from '../../src/markdown/render-note.js';
import { reviewableHtml } from '../reviewable-html.js';
import { htmlSafetyProblems } from '../document/output-safety.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'markdown');
const update = process.env['UPDATE'] === '1';

function compare(file: string, got: string | undefined): void {
  if (update) {
    if (got === undefined) rmSync(file, { force: true });
    else writeFileSync(file, got);
  }
  const want = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  expect(got, `${file} differs (UPDATE=1 rewrites it after review)`).toBe(want);
}

describe('markdown fixtures', () => {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('should have fixtures to compare', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const md of cases) {
    const stem = md.slice(0, -'.md'.length);
    it(`should render ${md} as ${stem}.html with the same messages`, async () => {
      const r = await renderNote(readFileSync(join(dir, md), 'utf8'), { path: md });
      compare(join(dir, `${stem}.html`), reviewableHtml(r.html));
      expect(htmlSafetyProblems(r.html), `${stem}.html`).toEqual([]);
      const messages = r.messages.map((m) => formatNoteMessage(md, m)).join('\n');
      compare(join(dir, `${stem}.messages.txt`), messages === '' ? undefined : `${messages}\n`);
    }, 30_000);
  }
});

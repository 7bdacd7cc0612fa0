/**
 * One checker: a ```check block in a note and `gradtex check` on the same
 * note give every relation the same verdict, with the facts stated in the
 * prose, because both run checkDocument.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/judge-step.js';
import { renderNote } from '../../src/markdown/render-note.js';
import { blockSteps, blockVerdict, checkNote } from '../../src/markdown/check-block.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';

const engine = createEngine();
const checker = createChecker(engine);

/** One relation per block, each with a known verdict; the domain comes from the prose. */
const BLOCKS: readonly { latex: string; verdict: string }[] = [
  { latex: '\\ln x \\le x - 1', verdict: 'proved' },
  { latex: '(x+1)^2 = x^2 + 2x + 1', verdict: 'proved' },
  { latex: '\\sigma(z)(1 - \\sigma(z)) \\le \\frac{1}{4}', verdict: 'holds' },
  { latex: '\\frac{d}{dx} x^3 = 3x', verdict: 'fails' },
  { latex: 'W v = v W', verdict: 'undecided' },
];

function note(): string {
  const parts = ['# Checks', '', 'Throughout, $x > 0$.', ''];
  for (const b of BLOCKS) parts.push('```check', b.latex, '```', '');
  return parts.join('\n');
}

/** The verdict line under each check block, in order. */
function verdictLines(html: string): string[] {
  return [...html.matchAll(/<p class="gradtex-check(?: failed)?">([^<]*)<\/p>/g)].map((m) => m[1] ?? '');
}

describe('```check blocks and gradtex check', () => {
  it('should give each relation the same verdict through gradtex check and through a ```check block', async () => {
    const source = note();
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-one-checker-'));
    const file = join(dir, 'note.md');
    writeFileSync(file, source);
    const r = await cli(['check', file, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { files: { chains: { steps: { verdict: string }[] }[] }[] };
    const viaCheck = json.files[0]?.chains.flatMap((c) => c.steps.map((s) => s.verdict));
    expect(viaCheck).toEqual(BLOCKS.map((b) => b.verdict));

    const rendered = await renderNote(source, { engine, path: 'note.md' });
    const lines = verdictLines(rendered.html);
    expect(lines).toHaveLength(BLOCKS.length);
    const word: Record<string, RegExp> = { proved: /^✔ proved$/, holds: /^✓ every step holds: 0 proved, 1 holds/, fails: /^✗ a step fails$/, undecided: /^\? a step is undecided$/ };
    BLOCKS.forEach((b, k) => expect(lines[k], b.latex).toMatch(word[b.verdict] ?? /^$/));
    // The failing and the undecided step are messages at their own lines.
    expect(rendered.messages.filter((m) => m.ruleId === 'check-failed').map((m) => m.line)).toEqual([source.split('\n').indexOf('\\frac{d}{dx} x^3 = 3x') + 1]);
    expect(rendered.messages.filter((m) => m.ruleId === 'check-undecided')).toHaveLength(1);
  }, 60_000);

  it('should prove ln x <= x - 1 for x > 0 in a note, as gradtex check does, and not without the domain', () => {
    const withDomain = checkNote(checker, 'Let $x > 0$.\n\n```check\n\\ln x \\le x - 1\n```\n');
    const steps = blockSteps(withDomain, 3, 5);
    expect(steps.map((s) => s.verdict)).toEqual(['proved']);
    expect(blockVerdict(steps).text).toBe('✔ proved');
    // Without x > 0 the left side is undefined for x ≤ 0: never proved on a domain nobody stated.
    const bare = blockSteps(checkNote(checker, '```check\n\\ln x \\le x - 1\n```\n'), 1, 3);
    expect(bare).toHaveLength(1);
    expect(bare[0]?.verdict).not.toBe('fails');
  });

  it('should judge a $$ block marked for checking with the same machinery, and say so when a block holds no relation', async () => {
    const source = 'Let $x > 0$.\n\n<!-- gradtex: check -->\n$$\n\\ln x \\le x - 1\n$$\n\n```check\nx^2\n```\n';
    const rendered = await renderNote(source, { engine });
    expect(verdictLines(rendered.html)).toEqual(['✔ proved']);
    expect(rendered.messages.map((m) => [m.ruleId, m.line])).toEqual([['check-syntax', 8]]);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('gradtex exhaust', () => {
  it('should check "acyclic iff a topological order" over all 66066 graphs on <= 4 vertices, print the counts and say it is a finite check', async () => {
    const r = await cli(['exhaust', 'dag-topological-order', '--up-to', '4']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    // What was checked, the counts per size (acyclic 1, 3, 25, 543: OEIS A003024), both directions.
    expect(r.stdout).toMatch(/^1 {9}2 {7}1 {8}1$/m);
    expect(r.stdout).toMatch(/^4 {9}65536 {3}543 {6}543$/m);
    expect(r.stdout).toContain('holds: the acyclic graphs counted, 1, 3, 25, 543, are the numbers of labelled DAGs on 1..4 vertices, OEIS A003024 (1, 3, 25, 543): an independent count');
    expect(r.stdout).toContain('holds: acyclic ⇒ some permutation of the vertices is a topological order: checked on 572 graphs, no exception');
    expect(r.stdout).toContain('This is a finite check: it covers the 66066 graphs counted above and nothing more; it is not a proof for graphs with more than 4 vertices.');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Acyclic ⇔ has a topological order: proved by exhaustion over all 66066 directed graphs on ≤ 4 vertices (self-loops allowed), both directions. A finite check, not a proof for all n; every step of the two proofs holds on the same graphs.');
  });

  it('should leave out self-loops with --no-loops and print JSON on request', async () => {
    const r = await cli(['exhaust', 'dag-topological-order', '--up-to', '3', '--no-loops', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { status: string; paragraphs: { kind: string; rows?: string[][] }[] };
    expect(report.status).toBe('proved');
    expect(report.paragraphs.find((p) => p.kind === 'table')?.rows).toEqual([
      ['1', '1', '1', '1'],
      ['2', '4', '3', '3'],
      ['3', '64', '25', '25'],
    ]);
  });

  it.each([
    [['exhaust', 'dag-topological-order', '--up-to', '5'], /^gradtex: --up-to 5: 33620498 graphs on ≤ 5 vertices with self-loops is more than the 2097152 checked in bounded time \(each graph tries up to 5! orderings\); leave out self-loops, or lower up-to\n$/],
    [['exhaust', 'dag-topological-order', '--up-to', '6', '--no-loops'], /^gradtex: --up-to 6 --no-loops: up-to is a whole number of vertices from 1 to 5, not 6: every graph is enumerated .* 2\^30 graphs without self-loops\n$/],
    [['exhaust', 'trees-have-leaves'], /^gradtex: unknown claim 'trees-have-leaves'; known: dag-topological-order\n$/],
    [['exhaust', 'dag-topological-order', '--up-to', 'x'], /argument 'x' is invalid\. expected a whole number of vertices, at least 1/],
  ])('should refuse %j with one line and exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('should be listed by gradtex help', async () => {
    const r = await cli(['help']);
    expect(r.stdout).toMatch(/exhaust \[options\] <claim>\s+Check a theorem about small structures/);
  });
});

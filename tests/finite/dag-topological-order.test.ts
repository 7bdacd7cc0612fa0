import { describe, expect, it } from 'vitest';
import { allDigraphs, digraphCount, edgeBit, firstTopologicalOrder, isAcyclic, removeVertex, sources, topologicalOrders } from '../../src/finite/digraph.js';
import { dagTopologicalOrder, DagRequestError, graphsUpTo, LABELLED_DAGS_A003024 } from '../../src/finite/dag-topological-order.js';
import { EXHAUSTION_CLAIMS, runExhaustion } from '../../src/finite/exhaustion-claims.js';
import { findingToText } from '../../src/finite/finding-report.js';

describe('small directed graphs', () => {
  it('should count the graphs on n vertices as 2^(n^2) with loops and 2^(n(n-1)) without', () => {
    expect([1, 2, 3].map((n) => [...allDigraphs(n, true)].length)).toEqual([2, 16, 512]);
    expect([1, 2, 3].map((n) => [...allDigraphs(n, false)].length)).toEqual([1, 4, 64]);
    expect(digraphCount(4, true)).toBe(65536);
  });

  it('should find the path 1→2→3 acyclic with exactly one topological order', () => {
    const g = { n: 3, edges: edgeBit(3, 0, 1) | edgeBit(3, 1, 2) };
    expect(isAcyclic(g)).toBe(true);
    expect(topologicalOrders(g)).toEqual([[0, 1, 2]]);
    expect(sources(g)).toEqual([0]);
  });

  it('should find a 3-cycle and a self-loop cyclic, with no topological order', () => {
    const cycle = { n: 3, edges: edgeBit(3, 0, 1) | edgeBit(3, 1, 2) | edgeBit(3, 2, 0) };
    const loop = { n: 2, edges: edgeBit(2, 1, 1) };
    for (const g of [cycle, loop]) {
      expect(isAcyclic(g)).toBe(false);
      expect(firstTopologicalOrder(g)).toBeUndefined();
    }
  });

  it('should renumber the vertices left after removing one', () => {
    const g = { n: 3, edges: edgeBit(3, 0, 2) | edgeBit(3, 2, 1) };
    const r = removeVertex(g, 0);
    expect(r.names).toEqual([1, 2]);
    expect(topologicalOrders(r.graph)).toEqual([[1, 0]]);
  });

  // Independent count: the labelled DAGs on n vertices are 1, 3, 25, 543 (OEIS A003024; Robinson 1973).
  it('should count 1, 3, 25, 543 acyclic graphs on 1..4 vertices, the known numbers of labelled DAGs', () => {
    const counts = [1, 2, 3, 4].map((n) => [...allDigraphs(n, true)].filter(isAcyclic).length);
    expect(counts).toEqual([1, 3, 25, 543]);
  });
});

describe('acyclic iff a topological order, by exhaustion', () => {
  it('should prove both directions over all 66066 graphs on <= 4 vertices and say it is a finite check', () => {
    const r = dagTopologicalOrder({ upTo: 4, loops: true });
    expect(r.status).toBe('proved');
    expect(r.summary).toContain('proved by exhaustion over all 66066 directed graphs on ≤ 4 vertices');
    expect(r.summary).toContain('not a proof for all n');
    const table = r.paragraphs.find((p) => p.kind === 'table');
    expect(table?.kind === 'table' ? table.rows : []).toEqual([
      ['1', '2', '1', '1'],
      ['2', '16', '3', '3'],
      ['3', '512', '25', '25'],
      ['4', '65536', '543', '543'],
    ]);
    const verdicts = r.paragraphs.filter((p) => p.kind === 'verdict');
    expect(verdicts).toHaveLength(9);
    expect(verdicts.map((v) => (v.kind === 'verdict' ? v.text : ''))).toContain('the acyclic graphs counted, 1, 3, 25, 543, are the numbers of labelled DAGs on 1..4 vertices, OEIS A003024 (1, 3, 25, 543): an independent count');
    expect(verdicts.every((v) => v.kind === 'verdict' && v.verdict === 'holds')).toBe(true);
    expect(findingToText(r)).toContain('not a proof for graphs with more than 4 vertices');
  });

  it('should refuse sizes that are not small, saying the limit and why', () => {
    expect(() => dagTopologicalOrder({ upTo: 6, loops: false })).toThrow(DagRequestError);
    expect(() => dagTopologicalOrder({ upTo: 6, loops: false })).toThrow(/from 1 to 5, not 6: every graph is enumerated and every ordering of its vertices tried/);
    expect(() => dagTopologicalOrder({ upTo: 5, loops: true })).toThrow(/33620498 graphs on ≤ 5 vertices with self-loops is more than the 2097152 checked in bounded time/);
    expect(() => dagTopologicalOrder({ upTo: 0, loops: true })).toThrow(DagRequestError);
    expect(graphsUpTo(4, true)).toBe(66066);
    expect(graphsUpTo(5, false)).toBe(1052741);
  });

  it('should give the same report through the claim list a spec and the CLI read', () => {
    expect(EXHAUSTION_CLAIMS).toEqual(['dag-topological-order']);
    expect(runExhaustion('dag-topological-order', { upTo: 3, loops: false })).toEqual(dagTopologicalOrder({ upTo: 3, loops: false }));
  });

  it('should report a failure, not a proof, when a count disagrees with OEIS A003024', () => {
    // The independent count is data; a wrong entry must turn the report to fails.
    expect(LABELLED_DAGS_A003024.slice(0, 5)).toEqual([1, 3, 25, 543, 29281]);
    const copy = [...LABELLED_DAGS_A003024];
    const mutable = LABELLED_DAGS_A003024 as number[];
    mutable[2] = 24;
    try {
      const r = dagTopologicalOrder({ upTo: 3, loops: true });
      expect(r.status).toBe('fails');
      expect(r.summary).toBe('Fails: the acyclic counts 1, 3, 25 differ from OEIS A003024 (1, 3, 24).');
    } finally {
      mutable.splice(0, mutable.length, ...copy);
    }
  });
});

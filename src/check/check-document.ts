/**
 * Checking a whole document: extract the math, read the facts (domains from
 * anywhere in the document, directives and the command line; definitions in
 * order, each before its use), then judge every step of every display chain.
 * Nothing here throws on what the user wrote: a side that cannot be read
 * makes its steps `undecided`, with the line and column of the problem.
 *
 *     checkDocument(checker, '$x > 0$\n\n$$\\ln x \\le x - 1$$\n', 'markdown').chains[0].steps[0].verdict   // 'proved'
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { some, symbolsOf } from '../expr/traverse.js';
import { ParseError, lineCol, parseLatex } from '../parse/index.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractTex } from './extract-tex.js';
import { definitionOf, type Fact } from './facts.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeStep, type Checker } from './judge-step.js';
import type { Evidence, Verdict } from './judgement.js';
import { readFacts } from './read-facts.js';
import type { Relation } from './relation.js';
import type { Segment } from './segments.js';
import { splitRelations, type ChainSide } from './split-relations.js';

export type DocumentKind = 'markdown' | 'tex';

export interface StepReport {
  /** 1-based position of the relation in its chain. */
  readonly step: number;
  readonly line: number;
  readonly col: number;
  readonly lhs: string;
  readonly rel: Relation;
  readonly rhs: string;
  /** `definition` for `h = …` introducing a symbol: not a claim. */
  readonly verdict: Verdict | 'definition';
  readonly evidence: Evidence;
}

export interface ChainReport {
  readonly line: number;
  readonly col: number;
  readonly steps: readonly StepReport[];
}

export interface DocumentReport {
  readonly chains: readonly ChainReport[];
}

export interface DocumentOptions extends JudgeOptions {
  /** Facts given on the command line, in addition to the document's. */
  readonly facts?: readonly Fact[];
}

type Side = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly reason: string; readonly offset: number };

function parseSide(side: ChainSide, base: number): Side {
  if (side.latex === '') return { ok: false, reason: 'nothing on this side of the relation', offset: base + side.start };
  try {
    return { ok: true, expr: parseLatex(side.latex) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, reason: `cannot read this math: ${e.message}`, offset: base + side.start + e.span.start };
    throw e;
  }
}

function segmentsOf(source: string, kind: DocumentKind): Segment[] {
  return kind === 'markdown' ? extractMarkdown(source) : extractTex(source);
}

/** A facts reader that never throws (prose math can be anything). */
function factsIn(text: string, definitions: boolean): Fact[] {
  try {
    return readFacts(text, { definitions });
  } catch {
    return [];
  }
}

export function checkDocument(checker: Checker, source: string, kind: DocumentKind, opts: DocumentOptions = {}): DocumentReport {
  const segments = segmentsOf(source, kind);
  // Domains hold for the whole document ("… for $x > 0$" may come after the chain).
  const domains: Fact[] = [...(opts.facts ?? [])];
  for (const s of segments) {
    if (s.kind === 'assume') domains.push(...factsIn(s.text, false));
    else if (!s.display) domains.push(...factsIn(s.text, false).filter((f) => f.kind !== 'define'));
  }
  const definitions: Fact[] = (opts.facts ?? []).filter((f) => f.kind === 'define');
  const defined = new Set(definitions.map((f) => (f.kind === 'define' ? symKey(f.sym) : '')));
  const chains: ChainReport[] = [];
  // Symbols already used in a chain: such a symbol is a variable, not something a later `y = …` defines.
  const used = new Set<string>();
  let stepSeed = opts.seed ?? 1;
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    if (!seg.display) {
      for (const f of factsIn(seg.text, true)) {
        if (f.kind === 'define' && !defined.has(symKey(f.sym))) {
          definitions.push(f);
          defined.add(symKey(f.sym));
        }
      }
      continue;
    }
    let raw;
    try {
      raw = splitRelations(seg.text);
    } catch {
      continue;
    }
    for (const chain of raw) {
      const sides = chain.sides.map((s) => parseSide(s, seg.offset));
      const first = chain.sides[0];
      const firstLc = lineCol(source, seg.offset + (first?.start ?? 0));
      const steps: StepReport[] = [];
      chain.rels.forEach((r, k) => {
        const ls = chain.sides[k] as ChainSide;
        const rs = chain.sides[k + 1] as ChainSide;
        const a = sides[k] as Side;
        const b = sides[k + 1] as Side;
        const at = lineCol(source, seg.offset + (rs.latex === '' ? r.start : rs.start));
        const base = { step: k + 1, line: at.line, col: at.col, lhs: ls.latex, rel: r.rel, rhs: rs.latex };
        if (!a.ok || !b.ok) {
          const bad = (!a.ok ? a : b) as Extract<Side, { ok: false }>;
          const lc = lineCol(source, bad.offset);
          steps.push({ ...base, line: lc.line, col: lc.col, verdict: 'undecided', evidence: { method: 'parse', summary: bad.reason } });
          return;
        }
        // `h = …` or `f(x) = …` introducing a symbol first seen here is a definition, not a claim.
        const d = k === 0 && r.rel === '=' ? definitionOf(ls.latex, a.expr, b.expr) : undefined;
        if (d !== undefined && d.kind === 'define' && !defined.has(symKey(d.sym)) && !used.has(symKey(d.sym))) {
          definitions.push(d);
          defined.add(symKey(d.sym));
          steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
          return;
        }
        let j;
        try {
          j = judgeStep(checker, a.expr, r.rel, b.expr, [...domains, ...definitions], { ...opts, seed: stepSeed++ });
        } catch (e) {
          j = { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `could not be judged: ${e instanceof Error ? e.message : String(e)}` } };
        }
        steps.push({ ...base, verdict: j.verdict, evidence: j.evidence });
      });
      for (const s of sides) if (s.ok) for (const x of symbolsOf(s.expr)) used.add(symKey(x));
      chains.push({ line: firstLc.line, col: firstLc.col, steps });
    }
  }
  return { chains };
}

/** The kind of a file from its name: .tex/.ltx are LaTeX, anything else Markdown. */
export function documentKind(file: string): DocumentKind {
  return /\.(tex|ltx|latex)$/i.test(file) ? 'tex' : 'markdown';
}

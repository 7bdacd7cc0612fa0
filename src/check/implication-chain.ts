/**
 * Math of the form `P \Rightarrow Q`, `P \Leftarrow Q` or `P \iff Q`, where P
 * and Q are single relations, read into one step judged by
 * judge-implication.ts. Anything else with a connective (chains on either
 * side, several connectives, facts in scope about its variables, which the
 * search does not use) is left to the caller to list as not read.
 */
import type { Expr } from '../expr/node.js';
import { lineCol, tryParseLatex } from '../parse/index.js';
import { splitRelations } from '../parse/split-relations.js';
import type { ChainReport } from './document-report.js';
import { factsUsed, type Ledger } from './fact-ledger.js';
import { judgeImplication, type Atom } from './judge-implication.js';
import type { UnjudgedRelation } from './unjudged-relations.js';

const FORWARD = new Set(['\\Rightarrow', '\\implies', '\\Longrightarrow', '⇒', '⟹']);
const BACKWARD = new Set(['\\Leftarrow', '\\impliedby', '\\Longleftarrow', '⇐']);
const BOTH = new Set(['\\iff', '\\Leftrightarrow', '\\Longleftrightarrow', '⇔', '⟺']);

/** One relation, read; undefined when the text is not exactly one readable relation. */
function atom(text: string): { atom: Atom; latex: string } | undefined {
  let chains;
  try {
    chains = splitRelations(text);
  } catch {
    return undefined;
  }
  const c = chains[0];
  if (chains.length !== 1 || c === undefined || c.rels.length !== 1) return undefined;
  const l = c.sides[0];
  const r = c.sides[1];
  const rel = c.rels[0];
  if (l === undefined || r === undefined || rel === undefined) return undefined;
  const lhs = tryParseLatex(l.latex);
  const rhs = tryParseLatex(r.latex);
  if (lhs === undefined || rhs === undefined) return undefined;
  return { atom: { lhs, rel: rel.rel, rhs }, latex: text.trim() };
}

/**
 * The implication in `text[from, to)` around the connective `u`, judged as
 * one step at `offset + from` of the source; undefined when it is not of the
 * simple form this reads.
 */
export function judgeImplicationChain(ledger: Ledger, offset: number, text: string, from: number, to: number, u: UnjudgedRelation): ChainReport | undefined {
  const word = text.slice(u.start, u.end);
  const kind = FORWARD.has(word) ? '=>' : BACKWARD.has(word) ? '<=' : BOTH.has(word) ? '<=>' : undefined;
  if (kind === undefined) return undefined;
  const left = atom(text.slice(from, u.start));
  const right = atom(text.slice(u.end, to));
  if (left === undefined || right === undefined) return undefined;
  const [p, q] = kind === '<=' ? [right, left] : [left, right];
  const sides: Expr[] = [p.atom.lhs, p.atom.rhs, q.atom.lhs, q.atom.rhs];
  // Facts in scope (x > 0, a definition of x) would change which points count: the search does not use them yet, so it does not judge.
  if (factsUsed(sides, ledger.activeAt(offset + from)).length > 0) return undefined;
  const j = judgeImplication(p.atom, kind === '<=>' ? '<=>' : '=>', q.atom);
  const at = lineCol(ledger.source, offset + from);
  return { line: at.line, col: at.col, steps: [{ step: 1, line: at.line, col: at.col, lhs: p.latex, rel: kind === '<=>' ? '<=>' : '=>', rhs: q.latex, verdict: j.verdict, evidence: j.evidence }] };
}

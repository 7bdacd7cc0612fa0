/**
 * When a proved step's equality carries over to the whole expression it
 * rewrote, so that a displayed line made of such steps is proved by them
 * (verify-lines.ts): the step is proved, it rewrote in place the subterm it
 * names (the subterm of `before` at `path` is the redex, and the contractum
 * put there gives `after`), and no sum or derivative around that place binds
 * a letter that a stated index range mentions (a range is about a free
 * index; under a sum over the same letter, the letter is another index, and
 * a proof that used the range would not hold there).
 *
 *     provedInPlace(step, { proved: true, by: 'an instance of d.sum' }, ranges)   // true
 */
import { equal } from '../expr/equal.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { children, replaceAt, some, subtermAt } from '../expr/traverse.js';
import type { IndexRange } from './side-conditions.js';
import type { StepProof } from './step-proof.js';
import type { Step } from './step.js';

/** The names of the symbols the ranges mention (indices and their ends). */
function rangeLetters(ranges: readonly IndexRange[]): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) for (const e of [r.index, r.lo, r.hi]) some(e, (x) => (x.kind === 'sym' && out.add(x.name), false));
  return out;
}

/** The letter a node binds for its body: a sum's (or maxover's) index, a derivative's variable. */
function boundLetter(e: Expr): string | undefined {
  if (e.kind === 'deriv') return e.wrt.name;
  const binds = e.kind === 'call' ? lookupFunction(e.fn)?.binds : undefined;
  if (e.kind === 'call' && binds !== undefined) {
    const k = e.args[binds];
    return k?.kind === 'sym' ? k.name : undefined;
  }
  return undefined;
}

export function provedInPlace(step: Step, proof: StepProof | undefined, ranges: readonly IndexRange[]): boolean {
  if (proof?.proved !== true) return false;
  const at = subtermAt(step.before, step.path);
  if (at === undefined || !equal(at, step.redex) || !equal(replaceAt(step.before, step.path, step.contractum), step.after)) return false;
  const letters = rangeLetters(ranges);
  let node: Expr | undefined = step.before;
  for (const i of step.path) {
    if (node === undefined) return false;
    const bound = boundLetter(node);
    if (bound !== undefined && letters.has(bound)) return false;
    node = children(node)[i];
  }
  return true;
}

/**
 * Rewriting to a normal form, innermost first, one recorded Step per rewrite.
 *
 * Every run is bounded (egg's Runner): a step budget and a time budget, and a
 * cycle check on whole expressions. The run reports why it stopped.
 */
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import type { Path } from '../expr/path.js';
import { children, replaceAt, subtermAt } from '../expr/traverse.js';
import type { Derivation, Step } from '../proof/step.js';
import type { StopReason } from '../proof/stop-reason.js';
import { rewriteOnce, type Rewrite } from './apply.js';
import type { GuardContext } from './guards.js';
import type { RuleIndex } from './rule-index.js';

export interface Budget {
  /** Most rewrites in one run. */
  readonly maxSteps: number;
  /** Time limit in milliseconds (CPU time of the process under Node: see budgetClock). */
  readonly maxMs: number;
}

export const DEFAULT_BUDGET: Budget = { maxSteps: 2000, maxMs: 2000 };

/**
 * The clock of the time budget: CPU milliseconds of this process where Node
 * provides them, so that a loaded machine does not stop runs earlier (with
 * wall-clock time one relation flipped between fails and undecided in two
 * identical runs); wall-clock milliseconds elsewhere. A run reads it only
 * once the wall clock has passed the budget too (overBudget below).
 */
export function budgetClock(): () => number {
  if (typeof process !== 'undefined' && typeof process.cpuUsage === 'function') {
    return () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
  }
  return () => performance.now();
}

const defaultClock = budgetClock();

/** How old (wall ms) a reading of the default clock may be to serve as a run's start. */
const START_READING_MS = 10;
// The last reading of the default clock, with the wall time it was taken at (per thread, like the module).
let lastReading = { wall: Number.NEGATIVE_INFINITY, cpu: 0 };

/**
 * The default clock at the start of a run: the last reading if it is at most
 * START_READING_MS old, which overstates the run's CPU time by what the
 * process spent since (a run stops a little early, never late), instead of a
 * system call per run (thousands in one `check`).
 */
function startReading(): number {
  const wall = performance.now();
  if (wall - lastReading.wall > START_READING_MS) lastReading = { wall, cpu: defaultClock() };
  return lastReading.cpu;
}

/**
 * A test of whether a run that starts now has spent more than `maxMs`.
 * With the default clock, the CPU time is read only once the wall
 * clock has passed the budget: reading it is a system call, and one per
 * rewrite took a sixth of a `check`'s time (measured with --cpu-prof). It
 * also brings the budget closer to the run's own CPU time, which passes
 * neither clock: the process's CPU time runs ahead of the wall clock while
 * other threads work (`--jobs`, V8's compiler threads), and alone it would
 * stop runs earlier the more jobs there are. An injected clock (tests) is
 * read after each rewrite, alone.
 */
function overBudget(now: (() => number) | undefined, maxMs: number): () => boolean {
  if (now !== undefined) {
    const t0 = now();
    return () => now() - t0 > maxMs;
  }
  const t0 = startReading();
  const wall0 = performance.now();
  return () => performance.now() - wall0 > maxMs && defaultClock() - t0 > maxMs;
}

class Stop {
  constructor(readonly reason: StopReason) {}
}

/** A set of expressions known to be in normal form (hash buckets, structural equality). */
class ExprSet {
  private readonly buckets = new Map<number, Expr[]>();
  has(e: Expr): boolean {
    const b = this.buckets.get(e.hash);
    return b !== undefined && b.some((x) => x === e || equal(x, e));
  }
  add(e: Expr): void {
    const b = this.buckets.get(e.hash);
    if (b === undefined) this.buckets.set(e.hash, [e]);
    else if (!b.some((x) => equal(x, e))) b.push(e);
  }
}

/** How a run is carried out beyond its rules and budget. */
export interface RunContext extends GuardContext {
  /** The clock of the time budget, injected so tests can control time. */
  readonly now?: () => number;
}

/**
 * Rewrite `start` with the rules of `index` until no rule applies anywhere
 * (or the budget runs out). `context.definitions` are the symbols that stand
 * for expressions, seen by the `free`/`depends` guards.
 */
export function rewriteToNormalForm(start: Expr, index: RuleIndex, budget: Budget = DEFAULT_BUDGET, context: RunContext = {}): Derivation {
  const spent = overBudget(context.now, budget.maxMs);
  const guards: GuardContext = { ...(context.definitions === undefined ? {} : { definitions: context.definitions }), ...(context.shapes === undefined ? {} : { shapes: context.shapes }) };
  const steps: Step[] = [];
  const normal = new ExprSet();
  const seen = new ExprSet();
  let root = start;
  seen.add(root);

  const record = (path: Path, current: Expr, rw: Rewrite): void => {
      const after = replaceAt(root, path, rw.contractum);
      steps.push({
        rule: rw.rule.id,
        title: rw.rule.title,
        path,
        before: root,
        after,
        redex: current,
        contractum: rw.contractum,
        bindings: rw.bindings,
        notes: rw.notes,
        minor: rw.rule.minor,
      });
      root = after;
      if (seen.has(root)) throw new Stop('cycle');
      seen.add(root);
      if (steps.length >= budget.maxSteps) throw new Stop('fuel-exhausted');
      if (spent()) throw new Stop('time-exhausted');
  };

  const normalizeAt = (path: Path): void => {
    for (;;) {
      const node = subtermAt(root, path);
      if (node === undefined || normal.has(node)) return;
      // A derivative is taken of the expression as written: d(f, x) is
      // rewritten before f is simplified, so 1/(1+e^{-x}) is differentiated
      // by the reciprocal rule, not first recognised as σ(x).
      if (node.kind === 'deriv') {
        const first = rewriteOnce(node, index.candidates(node), guards);
        if (first !== undefined) {
          record(path, node, first);
          continue;
        }
      }
      // Children first. A rewritten child may be flattened into this node
      // (a sum into a sum), so the child count is read again each time.
      for (let i = 0; i < children(subtermAt(root, path) ?? node).length; i++) normalizeAt([...path, i]);
      const current = subtermAt(root, path);
      if (current === undefined) return;
      if (normal.has(current)) return;
      const rw = rewriteOnce(current, index.candidates(current), guards);
      if (rw === undefined) {
        normal.add(current);
        return;
      }
      record(path, current, rw);
    }
  };

  let stop: StopReason = 'normal-form';
  try {
    // Repeat from the root until a whole pass changes nothing: a rewrite deep
    // in the tree can enable one higher up that was already visited.
    for (;;) {
      const before = steps.length;
      normalizeAt([]);
      if (steps.length === before) break;
    }
  } catch (e) {
    if (e instanceof Stop) stop = e.reason;
    else throw e;
  }
  return { start, steps, result: root, stop };
}

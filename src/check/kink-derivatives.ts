/**
 * A side that is the derivative of a function with a kink at the kink:
 * `\text{ReLU}'(0)`, `\operatorname{sign}'(0)`. The LaTeX reader refuses a
 * primed function at a number (it has no node for "at a point"); the checker
 * asks src/derive/kinks.ts, and where the derivative is proved not to exist
 * (relu at 0: left 0, right 1) an equation with it on one side is false:
 * `\text{ReLU}'(0) = 1` fails, with the one-sided derivatives as its
 * evidence. Anything else stays not read.
 *
 *     derivativeAtKink(engine, "\\text{ReLU}'(0)")   // 'not differentiable at x = 0 (left derivative 0, right derivative 1)'
 */
import { call, sym } from '../expr/build.js';
import { lookupFunction } from '../expr/functions.js';
import { symKey } from '../expr/sym-key.js';
import { symbolsOf } from '../expr/traverse.js';
import { differentiate } from '../derive/differentiate.js';
import { kinkAt } from '../derive/kinks.js';
import { tryParseLatex } from '../parse/index.js';
import type { Engine } from '../rewrite/engine.js';

/** A whole side `\text{name}'(a)`, `\operatorname{name}'(a)` or `\name'(a)`, one prime. */
const PRIMED_AT = /^\s*(?:\\(?:text|textrm|operatorname|mathrm)\s*\{\s*([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*'\s*(?:\\left\s*)?\(([^()]*?)(?:\\right\s*)?\)\s*[,.]?\s*$/;

/** Why the side `latex` does not exist (a derivative at a kink, proved not to exist), or undefined. */
export function derivativeAtKink(engine: Engine, latex: string): string | undefined {
  const m = PRIMED_AT.exec(latex);
  if (m === null) return undefined;
  const spec = lookupFunction((m[1] ?? m[2]) as string);
  if (spec === undefined || spec.kink === undefined || spec.minArgs !== 1) return undefined;
  const point = tryParseLatex(m[3] as string);
  if (point === undefined || symbolsOf(point).length > 0) return undefined;
  const x = sym('x');
  const f = call(spec.name, [x]);
  const d = differentiate(engine, f, [x], { maxSteps: 600, maxMs: 150 });
  if (d.stop !== 'normal-form') return undefined;
  const k = kinkAt(engine, f, [x], d.result, new Map([[symKey(x), point]]));
  return k.kind === 'not-differentiable' && k.proved ? `${spec.name}'(x) is ${k.statement}` : undefined;
}

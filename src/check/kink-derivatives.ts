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
import { derivativeFunction } from './defined-heads.js';
import type { HeadDefinition } from './multi-argument-heads.js';

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

/** A whole side `g'(a)`, `\phi''(a)`: a head the document defines, primed, at a number. */
const DEFINED_PRIMED_AT = /^\s*(\\?[A-Za-z]+)\s*('+)\s*(?:\\left\s*)?\(([^()]*?)(?:\\right\s*)?\)\s*[,.]?\s*$/;

/**
 * The same for a function the document defines with one argument (`g(z) =
 * \max(0, z)` then `g'(0)`): the derivative of the definition, asked at the
 * point, where src/derive/kinks.ts proves it does not exist. Undefined when
 * the side is not such a derivative or the derivative exists there.
 *
 *     definedDerivativeAtKink(engine, "g'(0)", heads)   // "g'(0) does not exist: not differentiable at z = 0 (…)"
 */
export function definedDerivativeAtKink(engine: Engine, latex: string, heads: readonly HeadDefinition[]): string | undefined {
  const m = DEFINED_PRIMED_AT.exec(latex);
  if (m === null) return undefined;
  const name = (m[1] as string).replace(/^\\/, '');
  const order = (m[2] as string).length;
  const head = heads.find((h) => h.name === name && h.params.length === 1 && (h.sub?.length ?? 0) === 0);
  const param = head?.params[0];
  if (head === undefined || param === undefined) return undefined;
  const point = tryParseLatex(m[3] as string);
  if (point === undefined || symbolsOf(point).length > 0) return undefined;
  // The (order - 1)-th derivative is the function whose derivative is asked for.
  const f = order === 1 ? head.value : derivativeFunction(engine, head.value, param, order - 1);
  const d = f === undefined ? undefined : derivativeFunction(engine, f, param, 1);
  if (f === undefined || d === undefined) return undefined;
  const k = kinkAt(engine, f, [param], d, new Map([[symKey(param), point]]));
  return k.kind === 'not-differentiable' && k.proved ? `${name}${"'".repeat(order - 1)} is ${k.statement}, so ${name}${"'".repeat(order)}(${(m[3] as string).trim()}) does not exist` : undefined;
}

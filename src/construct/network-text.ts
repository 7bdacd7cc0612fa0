/**
 * Networks written as definitions, one unit a line, and read back:
 *
 *     h1 = step(A + B - 1/2); h2 = step(-A - B + 3/2); y = step(h1 + h2 - 3/2)
 *
 * `name = step(affine)` is a threshold unit, `name = affine` a unit that only
 * sums; the last definition is the output. Numbers are exact (0.5 is 1/2).
 */
import { GREEK_LETTERS } from '../expr/greek-letters.js';
import { normalise, ratNeg, type Rational } from '../expr/rational.js';
import { int, parseRational, ratLatex, ratText } from '../finite/rational-text.js';
import type { Network, StepAtZero, Unit } from '../finite/threshold-network.js';
import { ConstructError } from './construct-error.js';

const magnitude = (r: Rational): Rational => (r.n < 0n ? ratNeg(r) : r);

function affine(u: Unit, num: (r: Rational) => string, name: (n: string) => string, times: string): string {
  const terms: string[] = [];
  for (const [n, w] of u.weights) {
    if (w.n === 0n) continue;
    const m = magnitude(w);
    const body = m.n === 1n && m.d === 1n ? name(n) : `${num(m)}${times}${name(n)}`;
    terms.push(terms.length === 0 ? (w.n < 0n ? `-${body}` : body) : `${w.n < 0n ? '-' : '+'} ${body}`);
  }
  if (u.bias.n !== 0n || terms.length === 0) {
    const m = num(magnitude(u.bias));
    terms.push(terms.length === 0 ? (u.bias.n < 0n ? `-${m}` : m) : `${u.bias.n < 0n ? '-' : '+'} ${m}`);
  }
  return terms.join(' ');
}

/** unitText(andNot) -> 'y = step(A - B - 1/2)' */
export function unitText(u: Unit): string {
  const a = affine(u, ratText, (n) => n, '*');
  return `${u.name} = ${u.kind === 'step' ? `step(${a})` : a}`;
}

/** 'h1' -> 'h_{1}', 'A' -> 'A': names as LaTeX, subscripting trailing digits. */
export function nameLatex(n: string): string {
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(n);
  const base = (b: string): string => (GREEK_LETTERS.includes(b) ? `\\${b}` : b.length === 1 ? b : `\\mathit{${b.replace(/_/g, '\\_')}}`);
  return m === null ? base(n) : `${base(m[1] as string)}_{${m[2]}}`;
}

/** unitLatex(andNot) -> 'y = \operatorname{step}(A - B - \tfrac{1}{2})' */
export function unitLatex(u: Unit): string {
  const a = affine(u, ratLatex, nameLatex, ' ');
  return `${nameLatex(u.name)} = ${u.kind === 'step' ? `\\operatorname{step}\\left(${a}\\right)` : a}`;
}

function readAffine(text: string, known: ReadonlySet<string>, where: string): { weights: [string, Rational][]; bias: Rational } {
  const re = /\s*([+-])?\s*(\d+(?:\.\d+)?(?:\s*\/\s*\d+)?)?\s*\*?\s*([A-Za-z][A-Za-z0-9_]*)?\s*/y;
  const weights = new Map<string, Rational>();
  let bias = int(0);
  let at = 0;
  let first = true;
  const s = text.trim();
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (m === null || m[0].trim() === '' || (!first && m[1] === undefined) || (m[2] === undefined && m[3] === undefined))
      throw new ConstructError(`cannot read '${s.slice(at)}' in ${where}: write a sum of terms such as 2*A - B + 1/2`);
    first = false;
    at = re.lastIndex;
    const c = m[2] === undefined ? int(1) : (parseRational(m[2]) as Rational);
    const signed = m[1] === '-' ? ratNeg(c) : c;
    const name = m[3];
    if (name === undefined) bias = normalise(bias.n * signed.d + signed.n * bias.d, bias.d * signed.d);
    else {
      if (!known.has(name)) throw new ConstructError(`${where} reads ${name}, which is neither an input nor a unit defined before it`);
      const old = weights.get(name) ?? int(0);
      weights.set(name, normalise(old.n * signed.d + signed.n * old.d, old.d * signed.d));
    }
  }
  if (first) throw new ConstructError(`${where} is empty`);
  return { weights: [...weights.entries()], bias };
}

/**
 * Reads a user's network over the given inputs.
 *
 *     parseNetwork('y = step(A - B - 0.5)', ['A', 'B'], 0).units[0].bias   // -1/2
 */
export function parseNetwork(text: string, inputs: readonly string[], stepAtZero: StepAtZero): Network {
  const known = new Set(inputs);
  const units: Unit[] = [];
  for (const line of text.split(/[;\n]/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(line);
    if (m === null) throw new ConstructError(`cannot read the definition '${line}': write name = step(…) or name = …`);
    const name = m[1] as string;
    if (known.has(name)) throw new ConstructError(`'${name}' is defined twice (or is an input)`);
    const body = (m[2] as string).trim();
    const s = /^step\s*\((.*)\)$/.exec(body);
    if (s === null ? /step\s*\(/.test(body) : /step\s*\(/.test(s[1] as string))
      throw new ConstructError(`cannot read the definition of ${name}: a unit is step(a sum) or a sum of inputs and earlier units; name the inner step first (u = step(x); ${name} = 2*u)`);
    const { weights, bias } = readAffine(s === null ? body : (s[1] as string), known, `the definition of ${name}`);
    units.push({ name, kind: s === null ? 'linear' : 'step', weights, bias });
    known.add(name);
  }
  if (units.length === 0) throw new ConstructError('the network has no definitions');
  return { inputs, units, stepAtZero };
}

/** The number of layers of units (inputs are layer 0). */
export function depth(net: Network): number {
  const layer = new Map(net.inputs.map((n) => [n, 0]));
  for (const u of net.units) layer.set(u.name, 1 + Math.max(0, ...u.weights.map(([n]) => layer.get(n) ?? 0)));
  return Math.max(0, ...net.units.map((u) => layer.get(u.name) ?? 0));
}

/**
 * A box network written with the letters the problem used (0 < x < δ,
 * height h). The search and the check ran on stand-ins in the same order
 * (δ = 1, h = 1); the result holds for every choice of the letters because
 * every hidden unit only compares one coordinate with one end (so the pieces
 * of the line, and the units' values on them, depend on the order of the ends
 * alone), and the output is linear in h (the target is h times an indicator,
 * so h times the weights found for h = 1 solve it).
 */
import type { Rational } from '../expr/rational.js';
import { ratLatex, ratText } from '../finite/rational-text.js';
import type { Network, Unit } from '../finite/threshold-network.js';
import { isSymbolic, standIns, type BoxSpec, type Side } from './box-spec.js';
import { nameLatex, unitLatex, unitText } from './network-text.js';

export interface SymbolicBox {
  readonly lines: readonly string[];
  readonly latex: readonly string[];
  readonly note: string;
}

interface Style {
  readonly num: (r: Rational) => string;
  readonly name: (n: string) => string;
  readonly step: (s: string) => string;
  readonly times: string;
}

const TEXT: Style = { num: ratText, name: (n) => n, step: (s) => `step(${s})`, times: '*' };
const LATEX: Style = { num: ratLatex, name: nameLatex, step: (s) => `\\operatorname{step}\\left(${s}\\right)`, times: '\\,' };

function endText(side: Side, st: Style): string {
  return side.symbol === undefined ? st.num(side.line) : st.name(side.symbol);
}

/** step(x - a) or step(a - x), with a letter or a number for a. */
function endUnitText(u: Unit, side: Side, st: Style): string {
  const [[axis, w] = ['x', { n: 1n, d: 1n }]] = u.weights;
  const zero = side.symbol === undefined && side.line.n === 0n;
  const end = endText(side, st);
  const negative = side.symbol === undefined && side.line.n < 0n;
  const magnitude = negative ? st.num({ n: -side.line.n, d: side.line.d }) : end;
  const x = st.name(axis);
  if (w.n > 0n) return st.step(zero ? x : negative ? `${x} + ${magnitude}` : `${x} - ${end}`);
  return st.step(zero ? `-${x}` : negative ? `-${x} - ${magnitude}` : `${end} - ${x}`);
}

/** c·h with c a number: 'h', '-h', '2*h' (text) or '2\,h' (LaTeX). */
function timesHeight(c: Rational, h: string, st: Style): string {
  const m = c.n < 0n ? { n: -c.n, d: c.d } : c;
  const body = m.n === 1n && m.d === 1n ? h : `${st.num(m)}${st.times}${h}`;
  return c.n < 0n ? `-${body}` : body;
}

function heightUnit(u: Unit, h: string, st: Style): string {
  const terms = u.weights.filter(([, w]) => w.n !== 0n).map(([n, w]) => `${timesHeight(w, h, st)}${st.times}${st.name(n)}`);
  if (u.bias.n !== 0n) terms.push(timesHeight(u.bias, h, st));
  return terms.join(' + ').replace(/\+ -/g, '- ') || '0';
}

/** The network in letters, or undefined when the box has no letters. */
export function symbolicBox(box: BoxSpec, net: Network): SymbolicBox | undefined {
  if (!isSymbolic(box)) return undefined;
  const sides = box.axes.flatMap((a) => [a.low, a.high]);
  const render = (st: Style, plainUnit: (u: Unit) => string): string[] =>
    net.units.map((u, i) => {
      const side = sides[i];
      const head = `${st.name(u.name)} = `;
      if (side !== undefined) return head + endUnitText(u, side, st);
      if (u.kind === 'linear' && box.heightSymbol !== undefined) return head + heightUnit(u, st === TEXT ? box.heightSymbol : nameLatex(box.heightSymbol), st);
      return plainUnit(u);
    });
  return {
    lines: render(TEXT, unitText),
    latex: render(LATEX, unitLatex),
    note: `The letters were checked through stand-ins in the same order (${standIns(box)}). This covers every choice of them with the ends in the written order${box.heightSymbol === undefined ? '' : ` and ${box.heightSymbol} ≠ 0`}: each hidden unit compares one coordinate with one end, so the pieces and the units' values on them depend only on that order${box.heightSymbol === undefined ? '' : `, and the output is ${box.heightSymbol} times its value for ${box.heightSymbol} = 1`}.`,
  };
}

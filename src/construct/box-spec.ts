/**
 * A box to build from step neurons: `0 < x < 1` (an interval, ends open or
 * closed), or a rectangle `0 < x < 1, -1 <= y <= 2` (conditions joined by a
 * comma or `and`), with a height h: the target is h inside and 0 outside.
 */
import type { Rational } from '../expr/rational.js';
import { ratAdd, ratCompare, ratMul, ratSub } from '../expr/rational.js';
import { int, parseRational, ratText } from '../finite/rational-text.js';
import { ConstructError } from './construct-error.js';

export interface Side {
  readonly line: Rational;
  /** True when the end belongs to the box (≤). */
  readonly closed: boolean;
  /** A letter written for the end (`delta` in 0 < x < delta): `line` is then a stand-in with the same order. */
  readonly symbol?: string;
}

export interface BoxAxis {
  readonly name: string;
  readonly low: Side;
  readonly high: Side;
}

export interface BoxSpec {
  readonly axes: readonly BoxAxis[];
  readonly height: Rational;
  /** A letter written for the height (`h`): `height` is then 1. */
  readonly heightSymbol?: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const ONE: Rational = { n: 1n, d: 1n };

const LESS = /^(<=|≤|\\le|\\leq|<)$/;

/** '0 < x <= 1' -> { name: 'x', low: 0 open, high: 1 closed } */
function readAxis(text: string): BoxAxis {
  const m = /^\s*(\S+?)\s*(<=|≤|\\leq?|<)\s*([A-Za-z][A-Za-z0-9_]*)\s*(<=|≤|\\leq?|<)\s*(\S+?)\s*$/.exec(text);
  if (m === null || !LESS.test(m[2] as string) || !LESS.test(m[4] as string)) throw new ConstructError(`cannot read the box condition '${text.trim()}': write it as a < x < b (or with <=)`);
  const [lowText, highText, name] = [m[1] as string, m[5] as string, m[3] as string];
  const symbolic = (t: string): boolean => NAME.test(t) && t !== name;
  let a = parseRational(lowText);
  let b = parseRational(highText);
  if ((a === undefined && !symbolic(lowText)) || (b === undefined && !symbolic(highText))) throw new ConstructError(`the ends of '${text.trim()}' must be numbers such as 0, 1/2 or -0.25, or letters such as delta`);
  if (a === undefined && b === undefined && lowText === highText) throw new ConstructError(`the box condition '${text.trim()}' has the same letter at both ends`);
  // Letters stand for any ends in the written order: a stand-in with that order is what the search and the check use.
  if (a === undefined) a = b === undefined ? { n: 0n, d: 1n } : ratSub(b, ONE);
  if (b === undefined) b = ratAdd(a, ONE);
  if (ratCompare(a, b) >= 0) throw new ConstructError(`the box condition '${text.trim()}' needs its left end below its right end`);
  const side = (line: Rational, t: string, rel: string): Side => ({ line, closed: rel !== '<', ...(parseRational(t) === undefined ? { symbol: t } : {}) });
  return { name, low: side(a, lowText, m[2] as string), high: side(b, highText, m[4] as string) };
}

export function parseBox(text: string, heightText: string): BoxSpec {
  const axes = text.split(/,|\band\b/).map(readAxis);
  const names = axes.map((a) => a.name);
  if (new Set(names).size !== names.length) throw new ConstructError(`the box names ${names.join(', ')}: each variable once`);
  if (axes.length > 3) throw new ConstructError('construct builds boxes in at most 3 dimensions');
  const symbol = NAME.test(heightText.trim()) ? heightText.trim() : undefined;
  const height = symbol === undefined ? parseRational(heightText) : ONE;
  if (height === undefined || height.n === 0n) throw new ConstructError(`the height '${heightText}' must be a nonzero number such as 1, 2 or 1/2, or a letter such as h`);
  return { axes, height, ...(symbol === undefined ? {} : { heightSymbol: symbol }) };
}

const inside = (v: Rational, a: BoxAxis): boolean => {
  const lo = ratCompare(v, a.low.line);
  const hi = ratCompare(v, a.high.line);
  return (lo > 0 || (lo === 0 && a.low.closed)) && (hi < 0 || (hi === 0 && a.high.closed));
};

/** The target: h inside the box, 0 outside. */
export const boxTarget =
  (box: BoxSpec) =>
  (p: readonly Rational[]): Rational =>
    box.axes.every((a, i) => inside(p[i] as Rational, a)) ? box.height : ratMul(box.height, int(0));

const sideText = (s: Side): string => s.symbol ?? ratText(s.line);

export const boxText = (box: BoxSpec): string =>
  `${box.axes.map((a) => `${sideText(a.low)} ${a.low.closed ? '≤' : '<'} ${a.name} ${a.high.closed ? '≤' : '<'} ${sideText(a.high)}`).join(', ')}, height ${box.heightSymbol ?? ratText(box.height)}`;

/** True when an end or the height is a letter. */
export const isSymbolic = (box: BoxSpec): boolean => box.heightSymbol !== undefined || box.axes.some((a) => a.low.symbol !== undefined || a.high.symbol !== undefined);

/** The stand-ins used for the letters, as the report states them: 'delta = 1, h = 1'. */
export const standIns = (box: BoxSpec): string =>
  [...box.axes.flatMap((a) => [a.low, a.high].flatMap((s) => (s.symbol === undefined ? [] : [`${s.symbol} = ${ratText(s.line)}`]))), ...(box.heightSymbol === undefined ? [] : [`${box.heightSymbol} = 1`])].join(', ');
